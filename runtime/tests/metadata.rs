//! `runtime/metadata.scale` is the runtime's metadata (version 16, as `state_getMetadata`
//! encodes it): the end-to-end tests generate their subxt types from it, so it must match the
//! runtime they run against.
//!
//! After changing calls, events, storage or runtime APIs, refresh it with
//! `PORUKA_WRITE_METADATA=1 cargo test --release -p poruka-runtime --test metadata`.

use std::path::PathBuf;

#[test]
fn the_committed_metadata_is_the_runtimes() {
	let metadata = poruka_runtime::Runtime::metadata_at_version(16)
		.expect("the runtime offers metadata version 16");
	let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("metadata.scale");
	if std::env::var_os("PORUKA_WRITE_METADATA").is_some() {
		std::fs::write(&path, &*metadata).expect("runtime/metadata.scale can be written");
	}
	let committed = std::fs::read(&path).unwrap_or_default();
	assert!(
		committed == *metadata,
		"runtime/metadata.scale is out of date; refresh it with \
		 `PORUKA_WRITE_METADATA=1 cargo test --release -p poruka-runtime --test metadata`"
	);
}
