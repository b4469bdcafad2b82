//! End-to-end: a chain with no sudo key upgrades its runtime by a council motion, as an
//! operator of a real cooperative would (docs/governance.md, "Upgrading the runtime").
//!
//! The chain is the dev chain with its sudo key removed (and a decision period long enough to
//! span the upgrade). The new code is this runtime built as its own next version
//! (`poruka_runtime::upgrade_test::WASM_BINARY`: `spec_version` one higher, built by the
//! runtime's `build.rs`).
//!
//! 1. Nobody is sudo: the key is unset and Alice's `sudo.sudo` fails.
//! 2. Dave files a claim against Eve, before Eve's guarantors (Alice, Bob, Charlie).
//! 3. Alice proposes `utility.batchAll([whitelist.whitelistCall(H),
//!    whitelist.dispatchWhitelistedCallWithPreimage(system.authorizeUpgrade(codeHash))])` with
//!    threshold 4 of 5; Alice, Bob, Charlie and Dave vote aye (free); Alice closes: the upgrade
//!    is authorized.
//! 4. Eve (any account) submits `system.applyAuthorizedUpgrade(code)`, free of fees: the code
//!    is updated and the next block runs the new version.
//! 5. The chain keeps producing and finalizing blocks, and the claim filed before the upgrade is
//!    decided and paid after it, with transactions signed for the new version.

mod common;

use std::{path::PathBuf, time::Duration};

use codec::Encode;
use common::{node_binary, Node, STARTUP_TIMEOUT};
use frame_support::{dispatch::GetDispatchInfo, traits::GetCallMetadata};
use jsonrpsee::rpc_params;
use poruka_runtime::RuntimeCall;
use serde_json::Value;
use sp_runtime::traits::{BlakeTwo256, Hash};
use subxt::{
	ext::{scale_encode, scale_type_resolver::TypeResolver},
	utils::AccountId32,
	OnlineClient, PolkadotConfig,
};
use subxt_signer::sr25519::{dev, Keypair};

#[subxt::subxt(runtime_metadata_path = "../runtime/metadata.scale")]
mod poruka {}

use poruka::runtime_types::pallet_guarantor::types::Verdict;

const UNIT: u128 = 1_000_000_000_000;

type Client = OnlineClient<PolkadotConfig>;

fn account(key: &Keypair) -> AccountId32 {
	key.public_key().to_account_id()
}

/// A call built with the runtime's own types (so its hash, length and weight are the
/// runtime's), submitted through subxt, which signs it for whatever runtime version the chain
/// runs when it is sent.
struct Native {
	pallet: &'static str,
	call: &'static str,
	args: EncodedArgs,
}

/// A call's arguments, already SCALE-encoded.
struct EncodedArgs(Vec<u8>);

impl scale_encode::EncodeAsFields for EncodedArgs {
	fn encode_as_fields_to<R: TypeResolver>(
		&self,
		_fields: &mut dyn scale_encode::FieldIter<'_, R::TypeId>,
		_types: &R,
		out: &mut Vec<u8>,
	) -> Result<(), scale_encode::Error> {
		out.extend_from_slice(&self.0);
		Ok(())
	}
}

impl From<RuntimeCall> for Native {
	fn from(call: RuntimeCall) -> Self {
		let names = call.get_call_metadata();
		// The encoding is the pallet's index, the call's index, then the arguments.
		let args = call.encode()[2..].to_vec();
		Native { pallet: names.pallet_name, call: names.function_name, args: EncodedArgs(args) }
	}
}

impl subxt::transactions::Payload for Native {
	type CallData = EncodedArgs;

	fn pallet_name(&self) -> &str {
		self.pallet
	}

	fn call_name(&self) -> &str {
		self.call
	}

	fn call_data(&self) -> &EncodedArgs {
		&self.args
	}
}

/// Signs `call` as `signer` for the chain's current runtime, submits it and waits until it is
/// in the best block (one authority: no forks); its events, or the error it failed with. The
/// nonce is the pool's next one, so a signer's transactions can follow each other block by
/// block.
async fn try_send<Call: subxt::transactions::Payload>(
	(node, api): (&Node, &Client),
	signer: &Keypair,
	call: &Call,
) -> Result<subxt::extrinsics::ExtrinsicEvents<PolkadotConfig>, String> {
	use subxt::{
		config::polkadot::PolkadotExtrinsicParamsBuilder, transactions::TransactionStatus,
	};
	let nonce = node.next_nonce(&signer.public_key().0.into()).await;
	let params =
		PolkadotExtrinsicParamsBuilder::<PolkadotConfig>::new().nonce(nonce.into()).build();
	let at = api.at_current_block().await.expect("the current block");
	let mut progress = at
		.transactions()
		.sign_and_submit_then_watch(call, signer, params)
		.await
		.expect("the transaction is accepted");
	while let Some(status) = progress.next().await {
		match status.expect("the transaction's status") {
			TransactionStatus::InBestBlock(in_block)
			| TransactionStatus::InFinalizedBlock(in_block) => {
				return in_block.wait_for_success().await.map_err(|e| e.to_string())
			}
			TransactionStatus::Error { message }
			| TransactionStatus::Invalid { message }
			| TransactionStatus::Dropped { message } => panic!("the transaction was lost: {message}"),
			_ => continue,
		}
	}
	panic!("the transaction's status stream ended before it was in a block")
}

/// [`try_send`] that fails the test if the transaction fails.
async fn send<Call: subxt::transactions::Payload>(
	chain: (&Node, &Client),
	signer: &Keypair,
	call: &Call,
) -> subxt::extrinsics::ExtrinsicEvents<PolkadotConfig> {
	try_send(chain, signer, call).await.expect("the transaction succeeds")
}

/// The fee a transaction paid, by its events.
fn fee_paid(events: &subxt::extrinsics::ExtrinsicEvents<PolkadotConfig>) -> u128 {
	events
		.find::<poruka::transaction_payment::events::TransactionFeePaid>()
		.filter_map(Result::ok)
		.map(|e| e.actual_fee)
		.sum()
}

/// The `specVersion` the node reports for its best block.
async fn spec_version(node: &Node) -> u32 {
	let version: Value =
		node.call("state_getRuntimeVersion", rpc_params![]).await.expect("the runtime version");
	version["specVersion"].as_u64().expect("a spec version") as u32
}

/// The dev chain spec with the sudo key removed and a decision period of 100 blocks, written
/// to a file; its path.
fn chain_spec_without_sudo() -> PathBuf {
	let output = std::process::Command::new(node_binary())
		.args(["build-spec", "--chain", "dev"])
		.output()
		.expect("poruka-node build-spec runs");
	assert!(output.status.success(), "build-spec failed");
	let mut spec: Value = serde_json::from_slice(&output.stdout).expect("the spec is JSON");
	spec["id"] = "poruka_upgrade_test".into();
	let patch = &mut spec["genesis"]["runtimeGenesis"]["patch"];
	assert!(patch["sudo"]["key"].is_string(), "the dev preset has a sudo key to remove");
	patch["sudo"]["key"] = Value::Null;
	patch["guarantor"]["timing"]["decisionPeriod"] = 100.into();
	let dir = std::env::temp_dir().join("poruka-e2e-upgrade");
	std::fs::create_dir_all(&dir).expect("a temporary directory");
	let path = dir.join(format!("spec-{}.json", std::process::id()));
	std::fs::write(&path, serde_json::to_vec_pretty(&spec).expect("JSON")).expect("spec written");
	path
}

#[tokio::test(flavor = "multi_thread")]
async fn the_council_upgrades_the_runtime_of_a_chain_without_sudo() {
	let code = poruka_runtime::upgrade_test::WASM_BINARY
		.expect("the upgrade test's wasm is built with the runtime (not with SKIP_WASM_BUILD)");
	let spec = chain_spec_without_sudo();
	let spec = spec.to_str().expect("a UTF-8 path");
	// A validator of a non-dev chain needs a network key of its own.
	let node_key = "0000000000000000000000000000000000000000000000000000000000000001";
	let node = Node::start(&[
		"--chain",
		spec,
		"--alice",
		"--force-authoring",
		"--tmp",
		"--node-key",
		node_key,
	]);
	node.wait_for_finalized(1, STARTUP_TIMEOUT).await;
	let url = format!("ws://127.0.0.1:{}", node.rpc_port);
	let api = Client::from_insecure_url(&url).await.expect("subxt connects");
	let chain = (&node, &api);
	let (alice, bob, charlie, dave, eve) =
		(dev::alice(), dev::bob(), dev::charlie(), dev::dave(), dev::eve());
	let old_version = poruka_runtime::VERSION.spec_version;
	assert_eq!(spec_version(&node).await, old_version);

	// 1. No sudo.
	let sudo_key = pallet_sudo::Key::<poruka_runtime::Runtime>::hashed_key();
	assert_eq!(node.storage::<poruka_runtime::AccountId>(&sudo_key, None).await, None);
	let remark = RuntimeCall::System(frame_system::Call::remark { remark: b"root?".to_vec() });
	let as_root =
		Native::from(RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(remark) }));

	// 2. A claim before the upgrade (filed while Alice tries sudo).
	let tx = poruka::transactions().guarantor();
	let evidence =
		poruka::runtime_types::bounded_collections::bounded_vec::BoundedVec(b"unpaid".to_vec());
	let file = tx.file_claim(account(&eve), 10 * UNIT, evidence, None);
	let (refused, events) =
		tokio::join!(try_send(chain, &alice, &as_root), send(chain, &dave, &file));
	let error = refused.expect_err("no one is sudo");
	assert!(error.contains("RequireSudo"), "refused because nobody is sudo: {error}");
	let claim = events
		.find_first::<poruka::guarantor::events::ClaimFiled>()
		.expect("a ClaimFiled event")
		.expect("the event decodes")
		.claim;

	// 3. The motion.
	let code_hash = BlakeTwo256::hash(code);
	let authorize = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash });
	let proposal = RuntimeCall::Utility(pallet_utility::Call::batch_all {
		calls: vec![
			RuntimeCall::Whitelist(pallet_whitelist::Call::whitelist_call {
				call_hash: BlakeTwo256::hash_of(&authorize),
			}),
			RuntimeCall::Whitelist(
				pallet_whitelist::Call::dispatch_whitelisted_call_with_preimage {
					call: Box::new(authorize),
				},
			),
		],
	});
	let length_bound = proposal.encoded_size() as u32;
	let proposal_weight_bound = proposal.get_dispatch_info().call_weight;
	let propose = RuntimeCall::Council(pallet_collective::Call::propose {
		threshold: 4,
		proposal: Box::new(proposal),
		length_bound,
	});
	let events = send(chain, &alice, &Native::from(propose)).await;
	let proposed = events
		.find_first::<poruka::council::events::Proposed>()
		.expect("a Proposed event")
		.expect("the event decodes");
	let (proposal_hash, index) = (proposal_hash_of(&proposed), proposed.proposal_index);
	let vote = || {
		Native::from(RuntimeCall::Council(pallet_collective::Call::vote {
			proposal: proposal_hash,
			index,
			approve: true,
		}))
	};
	// Four of five: two thirds. Each member's first vote on a motion is free.
	let (a, b, c, d) = (vote(), vote(), vote(), vote());
	let votes = tokio::join!(
		send(chain, &alice, &a),
		send(chain, &bob, &b),
		send(chain, &charlie, &c),
		send(chain, &dave, &d)
	);
	for events in [votes.0, votes.1, votes.2, votes.3] {
		assert_eq!(fee_paid(&events), 0, "a council member's first vote is free");
	}
	let close = RuntimeCall::Council(pallet_collective::Call::close {
		proposal_hash,
		index,
		proposal_weight_bound,
		length_bound,
	});
	let events = send(chain, &alice, &Native::from(close)).await;
	let closed = events
		.find_first::<poruka::council::events::Closed>()
		.expect("a Closed event")
		.expect("the event decodes");
	assert_eq!((closed.yes, closed.no), (4, 0));
	let executed = events
		.find_first::<poruka::council::events::Executed>()
		.expect("an Executed event")
		.expect("the event decodes");
	assert!(executed.result.is_ok(), "the motion's call succeeded: {:?}", executed.result);
	let authorized = events
		.find_first::<poruka::system::events::UpgradeAuthorized>()
		.expect("an UpgradeAuthorized event")
		.expect("the event decodes");
	assert_eq!(authorized.code_hash.0, code_hash.0);

	// 4. Anyone submits the code.
	let apply =
		RuntimeCall::System(frame_system::Call::apply_authorized_upgrade { code: code.to_vec() });
	let events = send(chain, &eve, &Native::from(apply)).await;
	assert!(
		events.find_first::<poruka::system::events::CodeUpdated>().is_some(),
		"the code is updated"
	);
	assert_eq!(fee_paid(&events), 0, "an authorized upgrade is applied free of fees");
	let upgraded_at = node.best_number().await.expect("a best block");

	// 5. The new version runs; blocks are produced and finalized.
	node.wait_for_finalized(upgraded_at + 2, Duration::from_secs(60)).await;
	assert_eq!(spec_version(&node).await, old_version + 1);
	let last_upgrade = frame_system::LastRuntimeUpgrade::<poruka_runtime::Runtime>::hashed_key();
	let last_upgrade = node
		.storage::<frame_system::LastRuntimeUpgradeInfo>(&last_upgrade, None)
		.await
		.expect("the last upgrade is recorded");
	assert_eq!(last_upgrade.spec_version.0, old_version + 1, "the new code ran its upgrade hook");

	// The claim filed before the upgrade is decided and paid after it.
	let uphold = || Verdict::Uphold { amount: 10 * UNIT, force_majeure: false };
	let (by_alice, by_bob) = (tx.vote(claim, uphold()), tx.vote(claim, uphold()));
	let votes = tokio::join!(send(chain, &alice, &by_alice), send(chain, &bob, &by_bob));
	let decided = [votes.0, votes.1]
		.iter()
		.find_map(|events| events.find_first::<poruka::guarantor::events::ClaimDecided>())
		.expect("a ClaimDecided event")
		.expect("the event decodes");
	node.wait_for_finalized(decided.appeal_until + 1, Duration::from_secs(120)).await;
	let status: Value =
		node.call("guarantor_claimStatus", rpc_params![claim]).await.expect("the claim");
	assert_eq!((status["phase"].as_str(), status["final"].as_bool()), (Some("paid"), Some(true)));
	assert_eq!(status["compensated"].as_str(), Some((10 * UNIT).to_string().as_str()));
	let finalized = node.finalized_number().await.expect("a finalized block");
	node.wait_for_finalized(finalized + 1, Duration::from_secs(60)).await;
	let _ = std::fs::remove_file(spec);
}

/// The motion's hash as the runtime's hash type.
fn proposal_hash_of(proposed: &poruka::council::events::Proposed) -> sp_core::H256 {
	sp_core::H256(proposed.proposal_hash.0)
}
