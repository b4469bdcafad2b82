//! Storage migrations of the guarantor pallet, one module per storage version.
//!
//! The runtime lists them in its `Migrations`; each runs once, when the on-chain storage
//! version is the one it migrates from. Migrations every chain has run are retired: the ones
//! to versions 2–5 ran by runtime 112 (git history keeps them), so a chain still below storage
//! version 5 upgrades to runtime 112 first.

pub mod v6;
