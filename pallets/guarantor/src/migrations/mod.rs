//! Storage migrations of the guarantor pallet, one module per storage version.
//!
//! The runtime lists them in its `Migrations`; each runs once, when the on-chain storage
//! version is the one it migrates from.

pub mod v2;
pub mod v3;
pub mod v4;
pub mod v5;
