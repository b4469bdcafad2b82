//! The JSON the `guarantor_*` methods return: what a person reads.
//!
//! Its shape is derived on the runtime's views themselves (`pallet_guarantor::queries`, with
//! `std`): field names in camelCase, accounts as SS58 addresses, balances as decimal strings
//! of the smallest unit (no floats, no hex), phases, roles and sides as words, block numbers
//! as numbers. docs/rpc.md shows every field. What is here only adds what has to be computed:
//! the evidence as text and hex, whether a claim is final, its current panel, and the account
//! a view is of.

use pallet_guarantor_runtime_api::{
	ClaimStatus, ClaimStep, ClaimsOfView, GuarantorTree, MemberInfo, Panelist, Verdict, WardTree,
};
use serde::Serialize;
use sp_core::H160;

/// A claim's status: the runtime's view, with the evidence rendered and what is derived from
/// the phase and panels.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[serde(bound(serialize = "A: Serialize, B: core::fmt::Display, N: Serialize"))]
pub struct ClaimStatusJson<A, B, N> {
	/// The view: `id`, `claimant`, `respondent`, `amount`, `agreement`, `filedAt`,
	/// `contest`, `acknowledged`, `phase` (with `upheld`, `compensated` and `forceMajeure`
	/// once paid), `level`, `panels`, `deadline`, `verdict`, `bonds`, `payments`, `liable`.
	#[serde(flatten)]
	pub status: ClaimStatus<A, B, N>,
	/// The evidence as text, if it is printable UTF-8 (a URI, say).
	pub evidence: Option<String>,
	/// The evidence's bytes, 0x-prefixed hex.
	pub evidence_hex: String,
	/// Whether the claim is over (`paid`, `rejected` or `counterPaid`).
	pub r#final: bool,
	/// The current level's panel with each panelist's vote (the last of `panels`).
	pub panel: Vec<Panelist<A, B>>,
	/// The steps the claim took after its filing, oldest first: `null` at a block of a runtime
	/// that did not keep them (before 112); a claim filed before that has only the steps since.
	pub steps: Option<Vec<StepJson<B, N>>>,
	/// The smart contract (0x-prefixed 20-byte address) whose promise the claim concerns, if
	/// a contract filed it (`agreement` is then `null`); `null` otherwise, and at a block of a
	/// runtime before 113.
	pub contract: Option<H160>,
}

/// A step of a claim: `at` (block), `level`, `phase` (with `upheld`, `compensated` and
/// `forceMajeure` once paid) and, for a decision, its `verdict`.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[serde(bound(serialize = "B: core::fmt::Display, N: Serialize"))]
pub struct StepJson<B, N> {
	/// The step.
	#[serde(flatten)]
	pub step: ClaimStep<B, N>,
	/// The decision's verdict, for a `decided` step.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub verdict: Option<Verdict<B>>,
}

impl<B: Clone, N> From<ClaimStep<B, N>> for StepJson<B, N> {
	fn from(step: ClaimStep<B, N>) -> Self {
		Self { verdict: step.verdict(), step }
	}
}

impl<A: Clone, B: Clone, N> From<ClaimStatus<A, B, N>> for ClaimStatusJson<A, B, N> {
	fn from(status: ClaimStatus<A, B, N>) -> Self {
		Self {
			evidence: String::from_utf8(status.evidence.clone())
				.ok()
				.filter(|text| !text.chars().any(char::is_control)),
			evidence_hex: sp_core::bytes::to_hex(&status.evidence, false),
			r#final: status.phase.is_final(),
			panel: status.panels.last().cloned().unwrap_or_default(),
			steps: None,
			contract: None,
			status,
		}
	}
}

/// A member, or `{"account": …, "status": "none"}` for an account that is not one.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(untagged)]
#[serde(bound(serialize = "A: Serialize, B: core::fmt::Display, N: Serialize"))]
pub enum MemberJson<A, B, N> {
	/// A member (or candidate): the runtime's view with its account.
	Member {
		/// The account.
		account: A,
		/// The view: `status`, `founder`, `since`, `guarantors`, `wards`, `deposit`,
		/// `unbonding`, `coverage`, `committed`, `debt`, `debts`, `credits`, `strikes`,
		/// `struckOut`, `strikesLapseAt`, `openClaims`, `filedClaims`, `counteredClaims`.
		#[serde(flatten)]
		info: MemberInfo<A, B, N>,
	},
	/// Neither a member nor a candidate.
	NotMember {
		/// The account.
		account: A,
		/// `none`.
		status: &'static str,
	},
}

impl<A, B, N> MemberJson<A, B, N> {
	/// The view of `account`, which is a member if `info` is `Some`.
	pub fn new(account: A, info: Option<MemberInfo<A, B, N>>) -> Self {
		match info {
			Some(info) => Self::Member { account, info },
			None => Self::NotMember { account, status: "none" },
		}
	}
}

/// The claims of an account, newest first.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ClaimsOfJson<A> {
	/// The account.
	pub account: A,
	/// The view: `claims` (each `id`, `role`, `open`) and `truncated`.
	#[serde(flatten)]
	pub view: ClaimsOfView,
}

/// The guarantor tree above a member.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[serde(bound(serialize = "A: Serialize, B: core::fmt::Display, N: Serialize"))]
pub struct TreeJson<A, B, N> {
	/// The member whose tree it is.
	pub root: A,
	/// How many levels up it was walked.
	pub depth: u32,
	/// The view: `nodes` (breadth first from the root, each once) and `truncated`.
	#[serde(flatten)]
	pub tree: GuarantorTree<A, B, N>,
}

/// The wards below a member.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[serde(bound(serialize = "A: Serialize, B: core::fmt::Display, N: Serialize"))]
pub struct WardsJson<A, B, N> {
	/// The member whose wards they are.
	pub root: A,
	/// How many levels down it was walked.
	pub depth: u32,
	/// The view: `nodes` (breadth first from the root, each once, each with its `wards`) and
	/// `truncated`.
	#[serde(flatten)]
	pub tree: WardTree<A, B, N>,
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_guarantor_runtime_api::{
		Arbiter, ArbitrationView, Bond, BondKind, ClaimPhase, ClaimRef, ClaimRole, Contest,
		GuaranteeView, Liability, LiableView, MemberStatus, Payment, PaymentSource, Side, TreeNode,
		Verdict,
	};
	use serde_json::{json, Value};
	use sp_core::crypto::{AccountId32, Ss58Codec};

	fn who(n: u8) -> AccountId32 {
		AccountId32::new([n; 32])
	}

	fn ss58(n: u8) -> String {
		who(n).to_ss58check()
	}

	fn to_json(value: impl Serialize) -> Value {
		serde_json::to_value(value).expect("serializes")
	}

	#[test]
	fn a_paid_claim_reads_as_words_strings_and_numbers() {
		let uphold = Verdict::Uphold { amount: 30u128, force_majeure: false };
		let status = ClaimStatus::<AccountId32, u128, u32> {
			id: 7,
			claimant: who(1),
			respondent: who(2),
			amount: 40,
			evidence: b"ipfs://deal".to_vec(),
			agreement: Some(3),
			filed_at: 12,
			contest: Some(Contest { at_level: 1, counter_claim: Some(5) }),
			acknowledged: 0,
			phase: ClaimPhase::Paid { amount: 30, compensated: 25, force_majeure: false },
			level: 1,
			panels: vec![vec![Panelist {
				who: who(3),
				ward: who(2),
				side: Side::Respondent,
				vote: Some(uphold),
			}]],
			deadline: None,
			verdict: Some(uphold),
			bonds: vec![Bond { who: who(1), amount: 5, kind: BondKind::CounterClaim }],
			payments: vec![
				Payment { payer: who(2), source: PaymentSource::Deposit, amount: 10 },
				Payment {
					payer: who(3),
					source: PaymentSource::Guarantee { level: 1 },
					amount: 15,
				},
			],
			liable: vec![LiableView {
				side: Side::Respondent,
				depth: 1,
				guarantees: vec![Liability {
					guarantor: who(3),
					ward: who(2),
					amount: 20,
					paid_out: 1,
				}],
			}],
			arbitration: Some(ArbitrationView {
				arbiters: vec![
					Arbiter { who: who(4), vote: Some(uphold) },
					Arbiter { who: who(5), vote: None },
				],
				standing: None,
				decision: Some(uphold),
			}),
		};
		let panelist = json!({"account": ss58(3), "guarantees": ss58(2), "side": "respondent", "vote": {"verdict": "uphold", "amount": "30", "forceMajeure": false}});
		let mut status = ClaimStatusJson::from(status);
		assert_eq!(status.steps, None, "steps are the RPC's to add, where the runtime keeps them");
		status.steps = Some(vec![
			ClaimStep { at: 20, level: 1, phase: ClaimPhase::Decided { verdict: uphold } }.into(),
			ClaimStep {
				at: 25,
				level: 1,
				phase: ClaimPhase::Paid { amount: 30, compensated: 25, force_majeure: false },
			}
			.into(),
		]);
		assert_eq!(
			to_json(status),
			json!({
				"id": 7,
				"claimant": ss58(1),
				"respondent": ss58(2),
				"amount": "40",
				"evidence": "ipfs://deal",
				"evidenceHex": "0x697066733a2f2f6465616c",
				"agreement": 3,
				"filedAt": 12,
				"contest": {"atLevel": 1, "counterClaim": "5"},
				"acknowledged": "0",
				"phase": "paid",
				"upheld": "30",
				"compensated": "25",
				"forceMajeure": false,
				"final": true,
				"level": 1,
				"panel": [panelist.clone()],
				"panels": [[panelist]],
				"deadline": null,
				"verdict": {"verdict": "uphold", "amount": "30", "forceMajeure": false},
				"bonds": [{"account": ss58(1), "amount": "5", "kind": "counterClaim"}],
				"payments": [
					{"payer": ss58(2), "source": "deposit", "amount": "10"},
					{"payer": ss58(3), "source": "guarantee", "level": 1, "amount": "15"},
				],
				"liable": [{"side": "respondent", "depth": 1, "guarantees": [
					{"guarantor": ss58(3), "guarantees": ss58(2), "amount": "20"},
				]}],
				"arbitration": {
					"arbiters": [
						{"account": ss58(4), "vote": {"verdict": "uphold", "amount": "30", "forceMajeure": false}},
						{"account": ss58(5), "vote": null},
					],
					"standing": null,
					"decision": {"verdict": "uphold", "amount": "30", "forceMajeure": false},
				},
				"steps": [
					{"at": 20, "level": 1, "phase": "decided",
					 "verdict": {"verdict": "uphold", "amount": "30", "forceMajeure": false}},
					{"at": 25, "level": 1, "phase": "paid", "upheld": "30", "compensated": "25",
					 "forceMajeure": false},
				],
				"contract": null,
			})
		);
	}

	#[test]
	fn a_decided_claim_shows_its_verdict_once_and_binary_evidence_as_hex_only() {
		let reject = Verdict::<u128>::Reject;
		let status = ClaimStatus::<AccountId32, u128, u32> {
			id: 1,
			claimant: who(1),
			respondent: who(2),
			amount: 40,
			evidence: vec![0, 1, 2],
			agreement: None,
			filed_at: 1,
			contest: None,
			acknowledged: 0,
			phase: ClaimPhase::Decided { verdict: reject },
			level: 1,
			panels: vec![],
			deadline: Some(30),
			verdict: Some(reject),
			bonds: vec![],
			payments: vec![],
			liable: vec![],
			arbitration: None,
		};
		let mut json = ClaimStatusJson::from(status);
		assert_eq!(
			json.contract, None,
			"the contract is the RPC's to add, where the runtime keeps it"
		);
		json.contract = Some(H160::repeat_byte(0xab));
		let json = to_json(json);
		assert_eq!(json["contract"], json!(format!("0x{}", "ab".repeat(20))));
		assert_eq!(json["agreement"], Value::Null);
		assert_eq!(json["phase"], "decided");
		assert_eq!(json["verdict"], json!({"verdict": "reject"}));
		assert_eq!(
			(json["evidence"].clone(), json["evidenceHex"].clone()),
			(Value::Null, json!("0x000102"))
		);
		assert_eq!(
			(json["deadline"].clone(), json["final"].clone(), json["panel"].clone()),
			(json!(30), json!(false), json!([]))
		);
		assert_eq!(json["contest"], Value::Null);
	}

	#[test]
	fn a_member_and_a_non_member() {
		let guarantee = GuaranteeView::<AccountId32, u128, u32> {
			who: who(3),
			amount: 50,
			release_at: Some(90),
			counts: false,
			liable_claims: 1,
		};
		let info = MemberInfo::<AccountId32, u128, u32> {
			status: MemberStatus::Active,
			founder: false,
			since: 4,
			guarantors: vec![guarantee.clone()],
			wards: vec![],
			deposit: 100,
			unbonding: vec![],
			coverage: 100,
			committed: 0,
			debt: 0,
			debts: vec![],
			credits: vec![],
			strikes: 0,
			struck_out: false,
			strikes_lapse_at: None,
			open_claims: 1,
			filed_claims: 0,
			countered_claims: 0,
		};
		let json = to_json(MemberJson::new(who(2), Some(info)));
		assert_eq!(json["account"], ss58(2));
		assert_eq!(json["status"], "active");
		assert_eq!(json["deposit"], "100");
		assert_eq!(
			json["guarantors"],
			json!([{"account": ss58(3), "amount": "50", "releaseAt": 90, "counts": false, "liableClaims": 1}])
		);
		assert_eq!(
			(json["struckOut"].clone(), json["strikesLapseAt"].clone()),
			(json!(false), Value::Null)
		);
		assert_eq!(
			to_json(MemberJson::<AccountId32, u128, u32>::new(who(9), None)),
			json!({"account": ss58(9), "status": "none"})
		);
	}

	#[test]
	fn wards_read_as_nodes_with_their_wards() {
		let wards = WardsJson::<AccountId32, u128, u32> {
			root: who(1),
			depth: 1,
			tree: WardTree {
				nodes: vec![pallet_guarantor_runtime_api::WardNode {
					who: who(1),
					depth: 0,
					status: Some(MemberStatus::Active),
					founder: true,
					wards: vec![],
				}],
				truncated: false,
			},
		};
		assert_eq!(
			to_json(wards),
			json!({"root": ss58(1), "depth": 1, "nodes": [{"account": ss58(1), "depth": 0, "status": "active", "founder": true, "wards": []}], "truncated": false})
		);
	}

	#[test]
	fn a_summary_reads_as_counts() {
		let summary = pallet_guarantor_runtime_api::CooperativeSummary {
			members: pallet_guarantor_runtime_api::MemberCounts {
				candidates: 1,
				active: 5,
				suspended: 2,
				leaving: 0,
			},
			open_claims: 3,
			claims_filed: 7,
		};
		assert_eq!(
			to_json(summary),
			json!({"members": {"candidates": 1, "active": 5, "suspended": 2, "leaving": 0}, "openClaims": 3, "claimsFiled": 7})
		);
	}

	#[test]
	fn claims_of_and_a_tree() {
		let claims = ClaimsOfJson {
			account: who(1),
			view: ClaimsOfView {
				claims: vec![ClaimRef { id: 4, role: ClaimRole::Panelist, open: true }],
				truncated: false,
			},
		};
		assert_eq!(
			to_json(claims),
			json!({"account": ss58(1), "claims": [{"id": 4, "role": "panelist", "open": true}], "truncated": false})
		);
		let tree = TreeJson::<AccountId32, u128, u32> {
			root: who(1),
			depth: 1,
			tree: GuarantorTree {
				nodes: vec![TreeNode {
					who: who(1),
					depth: 0,
					status: Some(MemberStatus::Leaving),
					founder: true,
					guarantors: vec![],
				}],
				truncated: true,
			},
		};
		assert_eq!(
			to_json(tree),
			json!({"root": ss58(1), "depth": 1, "nodes": [{"account": ss58(1), "depth": 0, "status": "leaving", "founder": true, "guarantors": []}], "truncated": true})
		);
	}
}
