//! Builds the runtime's wasm blob (with the metadata hash when the `metadata-hash` feature is on).

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("POR", 12)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// Without `std` (inside the wasm build itself) there is nothing to build.
#[cfg(not(feature = "std"))]
fn main() {}
