//! End-to-end: the members' network and the validators the council seats. Four validators of
//! the local testnet with 5-block sessions (Alice and Bob on the default litep2p backend,
//! Charlie and Dave on libp2p) peer only with the nodes the chain authorizes. A node no member
//! registered gets no peer and stays at genesis; a member's node syncs once the member
//! registers it. The council seats that member (Eve) as a fifth validator once her node made
//! her session keys and she set them: within two sessions she authors blocks; the council
//! unseats Dave: he stops authoring; finality goes on throughout. When Eve leaves the
//! cooperative, every validator drops her node within the stated bound (the first best block
//! after the change, or the node's 6 s poll).

mod common;

use std::time::{Duration, Instant};

use codec::{Decode, Encode};
use common::{
	network::{eventually, node_key, peer_ids, run, Peer, TempDir},
	peer_id_bytes, Node, STARTUP_TIMEOUT,
};
use poruka_runtime::{AccountId, Runtime, RuntimeCall, SessionKeys};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{bytes, H256};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};
use sp_runtime::traits::Hash;

/// How long the chain gives a stranger to get in before the test says it cannot.
const STRANGER_WINDOW: Duration = Duration::from_secs(20);

/// How soon a departed member's node must be dropped: the block that records the departure,
/// the next best block each node imports, and the nodes' 6 s poll, with room for a slow
/// machine.
const DROP_BOUND: Duration = Duration::from_secs(30);

#[tokio::test(flavor = "multi_thread")]
async fn only_members_nodes_peer_and_a_departed_members_node_is_dropped() {
	let root = TempDir::new("members-network");
	let spec = short_sessions_spec(&root.0);
	let mut vals: Vec<Peer> = [Alice, Bob, Charlie, Dave]
		.into_iter()
		.enumerate()
		.map(|(i, key)| Peer::validator(&root.0, &spec, key, node_key(i as u8 + 1)))
		.collect();
	for v in &mut vals[2..] {
		v.extra.extend(["--network-backend".into(), "libp2p".into()]);
	}
	// Every later node knows one validator of each backend.
	let bootnodes = vec![vals[0].multiaddr(), vals[2].multiaddr()];
	let mut nodes: Vec<Node> = vec![vals[0].start(&[])];
	for v in &vals[1..] {
		nodes.push(v.start(&bootnodes[..1]));
	}
	for node in &nodes {
		node.wait_for_finalized(2, STARTUP_TIMEOUT).await;
		eventually(
			"each validator peers with the other three",
			Duration::from_secs(60),
			|| async { node.peers().await.map(|p| p == 3).unwrap_or(false) },
		)
		.await;
	}

	// 1. Strangers: Ferdie's node (on libp2p) is registered by no one, and Eve's node (on
	// litep2p) is not registered yet. Both know the validators' addresses, yet no validator of
	// either backend takes them as peers, and they stay at genesis while the chain goes on.
	let mut ferdie = Peer::new(&root.0, &spec, Ferdie, node_key(9));
	ferdie.extra.extend(["--network-backend".into(), "libp2p".into()]);
	// Eve's node runs as a validator from the start, with no keys yet: it authors nothing until
	// the council seats her.
	let mut eve = Peer::new(&root.0, &spec, Eve, node_key(5));
	eve.extra.push("--validator".into());
	let stranger = ferdie.start(&bootnodes);
	let member_node = eve.start(&bootnodes);
	// The window starts once both are up (their RPC answers): building the genesis state from
	// the spec compiles the runtime, which takes a while with the validators busy beside it.
	for outsider in [&stranger, &member_node] {
		eventually("the outsider's node is up", STARTUP_TIMEOUT, || async {
			outsider.best_number().await.is_ok()
		})
		.await;
	}
	let before = nodes[0].best_number().await.unwrap();
	tokio::time::sleep(STRANGER_WINDOW).await;
	assert!(nodes[0].best_number().await.unwrap() >= before + 2, "the chain went on meanwhile");
	for outsider in [&stranger, &member_node] {
		assert_eq!(outsider.peers().await.unwrap(), 0, "no validator peers with an outsider");
		assert_eq!(outsider.best_number().await.unwrap(), 0, "an outsider cannot sync");
	}
	for node in &nodes {
		let peers = peer_ids(node).await;
		assert_eq!(peers.len(), 3, "each validator still has exactly the other three");
		assert!(!peers.contains(&ferdie.peer_id) && !peers.contains(&eve.peer_id));
	}

	// 2. Eve, an active member, registers her node: it syncs and keeps up, every validator
	// peers with it; Ferdie's node stays out.
	let register = RuntimeCall::NodeRegistry(pallet_node_registry::Call::register_node {
		peer_id: peer_id_bytes(&eve.peer_id),
	});
	nodes[0].submit(&nodes[0].sign(Eve, register).await).await;
	let target = nodes[0].finalized_number().await.unwrap() + 2;
	member_node.wait_for_finalized(target, Duration::from_secs(90)).await;
	for node in &nodes {
		eventually("every validator peers with Eve's node", Duration::from_secs(60), || async {
			peer_ids(node).await.contains(&eve.peer_id)
		})
		.await;
	}
	let best = nodes[0].best_number().await.unwrap();
	member_node.wait_for_best(best + 2, Duration::from_secs(60)).await;
	assert_eq!(stranger.peers().await.unwrap(), 0, "Ferdie's node is still refused");
	assert_eq!(stranger.best_number().await.unwrap(), 0);

	// 3. The council seats Eve as a fifth validator. Her node makes her session keys
	// (`author_rotateKeysWithOwner`) and she sets them (`session.setKeys`), then a 2/3 motion
	// seats her; another unseats Dave.
	let owner = Eve.to_account_id().encode();
	let generated = member_node
		.call("author_rotateKeysWithOwner", vec![bytes::to_hex(&owner, false)])
		.await
		.expect("Eve's node makes session keys");
	let keys_raw = hex_field(&generated, "keys");
	let proof = hex_field(&generated, "proof");
	let keys = SessionKeys::decode(&mut &keys_raw[..]).expect("the runtime's session keys");
	let set_keys =
		RuntimeCall::Session(pallet_session::Call::set_keys { keys: keys.clone(), proof });
	nodes[0].submit(&nodes[0].sign(Eve, set_keys).await).await;
	eventually("Eve's keys are set", Duration::from_secs(60), || async {
		let key = pallet_session::NextKeys::<Runtime>::hashed_key_for(Eve.to_account_id());
		nodes[0].storage::<SessionKeys>(&key, None).await.is_some()
	})
	.await;
	let seat = RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
		who: Eve.to_account_id(),
	});
	council_motion(&nodes[0], seat, 0).await;
	let unseat = RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
		who: Dave.to_account_id(),
	});
	let seated_at = nodes[0].best_number().await.unwrap();
	council_motion(&nodes[0], unseat, 1).await;
	let unseated_at = nodes[0].best_number().await.unwrap();

	// A motion closed in session `s` is planned at the boundary into `s + 1` and applies from
	// `s + 2`: within two sessions Eve authors (and, with five authorities, her slot comes
	// within one more session).
	let eve_aura = keys.aura.clone();
	let dave_aura: AuraId = Dave.public().into();
	let eve_block =
		eventually_block("a block authored by Eve", &nodes[0], seated_at, 3 * SESSION, |a| {
			*a == eve_aura
		})
		.await;
	eprintln!("Eve authored block #{eve_block}; the motion seating her closed by #{seated_at}");
	// Within two sessions of his motion Dave is out of the authorities; from then on he
	// authors nothing, while the others (Eve among them) go on and finalize.
	let mut out_at = unseated_at;
	while authorities_at(&nodes[0], out_at).await.contains(&dave_aura) {
		assert!(out_at <= unseated_at + 2 * SESSION, "Dave is still an authority at #{out_at}");
		nodes[0].wait_for_best(out_at + 1, Duration::from_secs(60)).await;
		out_at += 1;
	}
	eprintln!("Dave is out of the authorities at #{out_at}; the motion closed by #{unseated_at}");
	let authorities = authorities_at(&nodes[0], out_at).await;
	assert_eq!(authorities.len(), 4);
	assert!(authorities.contains(&eve_aura));
	nodes[0].wait_for_best(out_at + 2 * SESSION, Duration::from_secs(120)).await;
	for number in out_at + 1..=out_at + 2 * SESSION {
		assert_ne!(author_of(&nodes[0], number).await, dave_aura, "Dave authored #{number}");
	}
	nodes[0].wait_for_finalized(out_at + SESSION, Duration::from_secs(60)).await;

	// 4. Eve leaves the cooperative: her node loses its place on every validator, of both
	// backends, within the bound, and stops following the chain.
	let leave = RuntimeCall::Guarantor(pallet_guarantor::Call::leave {});
	let left_at = Instant::now();
	nodes[0].submit(&nodes[0].sign(Eve, leave).await).await;
	for node in &nodes {
		eventually("every validator drops Eve's node", DROP_BOUND, || async {
			!peer_ids(node).await.contains(&eve.peer_id)
		})
		.await;
	}
	let dropped_after = left_at.elapsed();
	eprintln!("Eve's node was dropped by all four validators {dropped_after:?} after she left");
	eventually("Eve's node has no peers", Duration::from_secs(30), || async {
		member_node.peers().await.map(|p| p == 0).unwrap_or(false)
	})
	.await;
	// Cut off, her node no longer follows the chain's finality (a validator still in the
	// authorities for the rest of the session may author blocks of its own, which no one takes).
	let stalled = member_node.finalized_number().await.unwrap();
	let finalized = nodes[0].finalized_number().await.unwrap();
	nodes[0].wait_for_finalized(finalized.max(stalled) + 3, Duration::from_secs(90)).await;
	assert!(
		member_node.finalized_number().await.unwrap() <= stalled + 1,
		"a departed member's node no longer follows the chain"
	);
	for node in &nodes {
		assert_eq!(node.peers().await.unwrap(), 3, "the validators keep each other");
	}
	// Alice, Bob and Charlie finalize without Eve's node (3 of the 4 authorities, then of 3).
	let finalized = nodes[0].finalized_number().await.unwrap();
	for node in &nodes[..3] {
		node.wait_for_finalized(finalized + 2, Duration::from_secs(90)).await;
	}

	for node in nodes.into_iter().chain([stranger, member_node]) {
		let status = node.stop();
		assert!(status.success(), "a node exited with {status}");
	}
}

/// Blocks in a session of the test chain.
const SESSION: u32 = 5;

/// The local testnet's chain spec with 5-block sessions (`validatorSet.sessionPeriod`), written
/// under `root`; its path.
fn short_sessions_spec(root: &std::path::Path) -> String {
	let spec = run(&["build-spec", "--chain", "local"]);
	let mut spec: serde_json::Value = serde_json::from_str(&spec).expect("a JSON chain spec");
	spec["genesis"]["runtimeGenesis"]["patch"]["validatorSet"]["sessionPeriod"] = SESSION.into();
	let path = root.join("local-short-sessions.json");
	std::fs::write(&path, spec.to_string()).expect("the spec can be written");
	path.display().to_string()
}

/// A `0x…` field of a JSON object, as bytes.
fn hex_field(value: &serde_json::Value, field: &str) -> Vec<u8> {
	let hex = value[field].as_str().unwrap_or_else(|| panic!("no {field} in {value}"));
	bytes::from_hex(hex).expect("hex")
}

/// Passes `call` as council motion number `index`: Alice proposes it with threshold 4 (two
/// thirds of the five), Alice, Bob, Charlie and Dave vote aye, Alice closes it; waits until the
/// motion is gone (executed).
async fn council_motion(node: &Node, call: RuntimeCall, index: u32) {
	type Council = pallet_collective::Instance1;
	let length = call.encoded_size() as u32;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let propose = RuntimeCall::Council(pallet_collective::Call::propose {
		threshold: 4,
		proposal: Box::new(call),
		length_bound: length,
	});
	node.submit(&node.sign(Alice, propose).await).await;
	let voting = pallet_collective::Voting::<Runtime, Council>::hashed_key_for(hash);
	eventually("the motion is proposed", Duration::from_secs(60), || async {
		node.storage::<pallet_collective::Votes<AccountId, u32>>(&voting, None).await.is_some()
	})
	.await;
	for voter in [Alice, Bob, Charlie, Dave] {
		let vote = RuntimeCall::Council(pallet_collective::Call::vote {
			proposal: hash,
			index,
			approve: true,
		});
		node.submit(&node.sign(voter, vote).await).await;
	}
	eventually("four councillors voted aye", Duration::from_secs(60), || async {
		node.storage::<pallet_collective::Votes<AccountId, u32>>(&voting, None)
			.await
			.is_some_and(|votes| ayes(&votes) >= 4)
	})
	.await;
	let close = RuntimeCall::Council(pallet_collective::Call::close {
		proposal_hash: hash,
		index,
		proposal_weight_bound: frame_support::weights::Weight::from_parts(10_000_000_000, 100_000),
		length_bound: length,
	});
	node.submit(&node.sign(Alice, close).await).await;
	eventually("the motion is closed", Duration::from_secs(60), || async {
		node.storage::<pallet_collective::Votes<AccountId, u32>>(&voting, None).await.is_none()
	})
	.await;
}

/// The hash of block `number`.
async fn block_hash(node: &Node, number: u32) -> H256 {
	common::parse_hash(&node.call("chain_getBlockHash", vec![number]).await.expect("a hash"))
}

/// The Aura authorities in the state of block `number`.
async fn authorities_at(node: &Node, number: u32) -> Vec<AuraId> {
	let hash = block_hash(node, number).await;
	let raw = node
		.call(
			"state_call",
			vec!["AuraApi_authorities".to_string(), "0x".into(), format!("{hash:?}")],
		)
		.await
		.expect("AuraApi_authorities");
	let raw = bytes::from_hex(raw.as_str().expect("hex")).expect("hex");
	Vec::<AuraId>::decode(&mut &raw[..]).expect("a list of Aura keys")
}

/// Who authored block `number`: the Aura authority of its slot, as its parent's state lists
/// them.
async fn author_of(node: &Node, number: u32) -> AuraId {
	let hash = block_hash(node, number).await;
	let header = node.call("chain_getHeader", vec![format!("{hash:?}")]).await.expect("header");
	let logs = header["digest"]["logs"].as_array().expect("digest logs");
	let slot = logs
		.iter()
		.filter_map(|log| {
			let raw = bytes::from_hex(log.as_str()?).ok()?;
			match sp_runtime::DigestItem::decode(&mut &raw[..]).ok()? {
				sp_runtime::DigestItem::PreRuntime(engine, data) if engine == *b"aura" => {
					u64::decode(&mut &data[..]).ok()
				}
				_ => None,
			}
		})
		.next()
		.expect("an Aura pre-runtime digest");
	let authorities = authorities_at(node, number - 1).await;
	authorities[(slot % authorities.len() as u64) as usize].clone()
}

/// Waits for a block after `after`, within `blocks` blocks, whose author satisfies `check`; its
/// number.
async fn eventually_block(
	what: &str,
	node: &Node,
	after: u32,
	blocks: u32,
	check: impl Fn(&AuraId) -> bool,
) -> u32 {
	let mut next = after + 1;
	let deadline = Instant::now() + Duration::from_secs(6 * blocks as u64 + 60);
	loop {
		while node.best_number().await.unwrap() >= next {
			if check(&author_of(node, next).await) {
				return next;
			}
			next += 1;
			assert!(next <= after + blocks, "{what}: not within {blocks} blocks of #{after}");
		}
		assert!(Instant::now() < deadline, "{what}: the chain stalled");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

/// How many ayes a motion has (the collective's `Votes` keeps its fields private: read them
/// from its encoding, index, threshold, ayes, nays, end).
fn ayes(votes: &pallet_collective::Votes<AccountId, u32>) -> usize {
	let (_, _, ayes, _, _) =
		<(u32, u32, Vec<AccountId>, Vec<AccountId>, u32)>::decode(&mut &votes.encode()[..])
			.expect("Votes encodes as its fields");
	ayes.len()
}
