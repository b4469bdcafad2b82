//! A node's identity on the network: its ed25519 network key, and the libp2p peer id it is
//! known by.
//!
//! Substrate nodes (litep2p and libp2p alike) identify themselves with an ed25519 key; their
//! peer id is the identity multihash of the protobuf-encoded public key: 38 bytes, the key in
//! the last 32. The pallet takes peer ids (what `system_localPeerId` shows, decoded from
//! base58), stores the key, and gives peer ids back to the node.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;

/// The bytes of a peer id as a caller gives them: at most 64 (an ed25519 peer id has 38).
pub type PeerIdBytes = BoundedVec<u8, ConstU32<64>>;

/// What comes before the key in an ed25519 peer id: identity multihash (code 0, length 36), then
/// the protobuf `PublicKey { key_type: Ed25519 (1), data: <32 bytes> }`.
const ED25519_PEER_ID_PREFIX: [u8; 6] = [0x00, 0x24, 0x08, 0x01, 0x12, 0x20];

/// A node's ed25519 network public key: the node as the registry knows it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct NodeKey(pub [u8; 32]);

impl NodeKey {
	/// The key in an ed25519 peer id; `None` for any other bytes.
	pub fn from_peer_id(peer_id: &[u8]) -> Option<NodeKey> {
		let key = peer_id.strip_prefix(&ED25519_PEER_ID_PREFIX[..])?;
		Some(NodeKey(key.try_into().ok()?))
	}

	/// The peer id of the node with this key (38 bytes).
	pub fn peer_id(&self) -> [u8; 38] {
		let mut peer_id = [0u8; 38];
		peer_id[..6].copy_from_slice(&ED25519_PEER_ID_PREFIX);
		peer_id[6..].copy_from_slice(&self.0);
		peer_id
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn an_ed25519_peer_id_gives_its_key_and_back() {
		let key = NodeKey([7; 32]);
		let peer_id = key.peer_id();
		assert_eq!(&peer_id[..6], &[0x00, 0x24, 0x08, 0x01, 0x12, 0x20]);
		assert_eq!(NodeKey::from_peer_id(&peer_id), Some(key));
	}

	#[test]
	fn anything_else_is_not_a_node() {
		let peer_id = NodeKey([7; 32]).peer_id();
		// Too short, too long, another key type (secp256k1 = 2), a sha256 multihash.
		assert_eq!(NodeKey::from_peer_id(&peer_id[..37]), None);
		assert_eq!(NodeKey::from_peer_id(&[&peer_id[..], &[0]].concat()), None);
		let mut secp = peer_id;
		secp[3] = 0x02;
		assert_eq!(NodeKey::from_peer_id(&secp), None);
		let mut sha = peer_id;
		sha[0] = 0x12;
		assert_eq!(NodeKey::from_peer_id(&sha), None);
		assert_eq!(NodeKey::from_peer_id(&[]), None);
	}
}
