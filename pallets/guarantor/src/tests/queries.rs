//! The read-only views clients use: the trees above and below a member, and the summary.

use super::*;
use crate::{
	queries::{QueryError, MAX_TREE_DEPTH, MAX_TREE_NODES},
	synthetic::account,
	SyntheticCooperative,
};

/// 4 is guaranteed by founders 1 (40) and 2 (30); 5 by 4 (15) and founder 3 (12).
fn two_levels() -> ExtBuilder {
	ExtBuilder::default().guarantees(&[(1, 4, 40), (2, 4, 30), (4, 5, 15), (3, 5, 12)])
}

#[test]
fn the_tree_above_a_member_lists_each_guarantor_once_breadth_first() {
	two_levels().build_and_execute(|| {
		let tree = Guarantor::guarantor_tree(&5, 2).unwrap();
		let nodes: Vec<_> = tree.nodes.iter().map(|n| (n.who, n.depth)).collect();
		// Largest guarantee first at every level.
		assert_eq!(nodes, vec![(5, 0), (4, 1), (3, 1), (1, 2), (2, 2)]);
		let above_5: Vec<_> = tree.nodes[0].guarantors.iter().map(|g| (g.who, g.amount)).collect();
		assert_eq!(above_5, vec![(4, 15), (3, 12)]);
		assert!(tree.nodes[2].founder && !tree.nodes[1].founder);
		assert!(!tree.truncated);
		// One level: 5's guarantors are listed, but not walked.
		assert_eq!(Guarantor::guarantor_tree(&5, 0).unwrap().nodes.len(), 1);
	});
}

#[test]
fn the_wards_below_a_member_are_walked_down_the_same_way() {
	two_levels().build_and_execute(|| {
		let tree = Guarantor::ward_tree(&1, 2).unwrap();
		let nodes: Vec<_> = tree.nodes.iter().map(|n| (n.who, n.depth)).collect();
		assert_eq!(nodes, vec![(1, 0), (4, 1), (5, 2)]);
		let below_4: Vec<_> = tree.nodes[1].wards.iter().map(|g| (g.who, g.amount)).collect();
		assert_eq!(below_4, vec![(5, 15)]);
		assert!(tree.nodes[2].wards.is_empty());
		assert_eq!(tree.nodes[1].status, Some(MemberStatus::Active));
		// One level down: 4 is listed with its ward, which is not walked.
		let shallow = Guarantor::ward_tree(&1, 1).unwrap();
		assert_eq!(shallow.nodes.len(), 2);
		assert_eq!(shallow.nodes[1].wards.len(), 1);
		// A member with no wards is a tree of one; a member's own view lists them largest first.
		assert_eq!(Guarantor::ward_tree(&5, 8).unwrap().nodes.len(), 1);
		let wards_of_1: Vec<_> =
			Guarantor::member_info(&1).unwrap().wards.iter().map(|g| g.who).collect();
		assert_eq!(wards_of_1, vec![4]);
	});
}

#[test]
fn tree_queries_refuse_a_non_member_and_a_depth_past_the_bound() {
	two_levels().build_and_execute(|| {
		let up = |who, depth| Guarantor::guarantor_tree(&who, depth).map(|_| ());
		let down = |who, depth| Guarantor::ward_tree(&who, depth).map(|_| ());
		for query in [&up as &dyn Fn(AccountId, u32) -> _, &down] {
			assert_eq!(
				query(1, MAX_TREE_DEPTH + 1),
				Err(QueryError::DepthTooLarge { max: MAX_TREE_DEPTH })
			);
			assert_eq!(query(77, 1), Err(QueryError::NotMember));
		}
	});
}

#[test]
fn a_large_tree_stops_at_the_node_bound_and_says_so() {
	let spec = SyntheticCooperative { members: 800, founders: 100, depth: 7, claims: 0 };
	ExtBuilder::bare().synthetic(spec).build_and_execute(|| {
		let founder = account::<Test>(0);
		let down = Guarantor::ward_tree(&founder, MAX_TREE_DEPTH).unwrap();
		assert!(down.truncated);
		assert_eq!(down.nodes.len(), MAX_TREE_NODES as usize);
		let last = account::<Test>(799);
		let up = Guarantor::guarantor_tree(&last, MAX_TREE_DEPTH).unwrap();
		// Up the same bound holds, and the walk reaches the founders when it fits.
		assert!(up.nodes.len() <= MAX_TREE_NODES as usize);
		assert!(up.truncated || up.nodes.iter().any(|n| n.founder));
		let summary = Guarantor::summary();
		assert_eq!((summary.members.active, summary.members.total()), (800, 800));
		assert_eq!((summary.open_claims, summary.claims_filed), (0, 0));
	});
}
