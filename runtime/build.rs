//! Builds the runtime's wasm blob (with the metadata hash when the `metadata-hash` feature is
//! on), and beside it the same runtime as its own next version for the upgrade test
//! (`upgrade_test::WASM_BINARY`, `OUT_DIR/upgrade_test_wasm`).

/// The file (in `OUT_DIR`) that declares `upgrade_test::WASM_BINARY`; also the name of that
/// wasm blob in the wasm build's directory.
#[cfg(feature = "std")]
const UPGRADE_TEST: &str = "upgrade_test_wasm";

#[cfg(feature = "std")]
fn main() {
	let runtime = substrate_wasm_builder::WasmBuilder::init_with_defaults();
	#[cfg(feature = "metadata-hash")]
	let runtime = runtime.enable_metadata_hash("POR", 12);
	runtime.build();
	upgrade_test();
}

/// The next version for the upgrade test: built in the same wasm project, so only the runtime
/// crate itself compiles again. Benchmark and try-runtime builds (and `SKIP_WASM_BUILD`) get
/// `None` instead: no test of theirs installs it.
#[cfg(feature = "std")]
fn upgrade_test() {
	let special_build = ["CARGO_FEATURE_RUNTIME_BENCHMARKS", "CARGO_FEATURE_TRY_RUNTIME"]
		.iter()
		.any(|feature| std::env::var_os(feature).is_some());
	if special_build {
		let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
		let none = "pub const WASM_BINARY_PATH: Option<&str> = None;\n\
		            pub const WASM_BINARY: Option<&[u8]> = None;\n\
		            pub const WASM_BINARY_BLOATY: Option<&[u8]> = None;\n";
		std::fs::write(std::path::Path::new(&out_dir).join(UPGRADE_TEST), none)
			.expect("OUT_DIR is writable");
		return;
	}
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_feature("upgrade-test")
		.set_file_name(UPGRADE_TEST)
		.build();
}

/// Without `std` (inside the wasm build itself) there is nothing to build.
#[cfg(not(feature = "std"))]
fn main() {}
