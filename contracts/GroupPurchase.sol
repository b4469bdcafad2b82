// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import "./IPoruka.sol";

/// @title A group purchase backed by the participants' guarantors.
/// @notice The organizer buys for the group and each participant owes it a share. To join, a
/// participant commits coverage for its share (its deposit and guarantors stand behind the
/// promise); it pays the share by block `payBy`, which releases the commitment. One who does
/// not pay is claimed against through the guarantor system: its guarantors judge, and the
/// organizer is compensated from its deposit and their guarantees.
/// @dev Amounts are pico-POR (the chain's 12 decimals); `msg.value` is in wei (18 decimals), so
/// a share of `share` pico-POR is paid with `share * 1e6` wei.
contract GroupPurchase {
    IPoruka constant PORUKA = IPoruka(0x0000000000000000000000000000000050520000);

    /// Who buys for the group and is paid the shares.
    address public immutable organizer;
    /// Each participant's share, in pico-POR.
    uint128 public immutable share;
    /// The last block to join.
    uint32 public immutable joinBy;
    /// The last block to pay.
    uint32 public immutable payBy;
    /// Until when the commitments run: `payBy` and the time to file a claim after it.
    uint32 public immutable commitUntil;

    mapping(address => bool) public joined;
    mapping(address => bool) public paid;
    /// The claim filed against a participant, plus one (zero: none).
    mapping(address => uint32) public claimPlusOne;

    event Joined(address indexed participant);
    event Paid(address indexed participant);
    event Defaulted(address indexed participant, uint32 claimId);

    constructor(uint128 share_, uint32 joinBy_, uint32 payBy_, uint32 claimWindow) {
        require(share_ > 0, "no share");
        require(joinBy_ <= payBy_, "pay after joining");
        // Without time to claim, a defaulter could let its commitment lapse first.
        require(claimWindow > 0, "no time to claim");
        organizer = msg.sender;
        share = share_;
        joinBy = joinBy_;
        payBy = payBy_;
        commitUntil = payBy_ + claimWindow;
    }

    /// Joins: the caller commits `share` of its coverage to this purchase until `commitUntil`.
    function join() external {
        require(block.number <= joinBy, "joining is closed");
        require(msg.sender != organizer, "the organizer does not join");
        require(!joined[msg.sender], "already joined");
        // Reverts with the chain's reason: NotActiveMember, InsufficientCoverage, ...
        PORUKA.commit(share, commitUntil);
        joined[msg.sender] = true;
        emit Joined(msg.sender);
    }

    /// Pays the caller's share to the organizer; its commitment is released.
    function pay() external payable {
        require(joined[msg.sender] && !paid[msg.sender], "nothing to pay");
        require(block.number <= payBy, "too late to pay");
        require(msg.value == uint256(share) * 1e6, "pay exactly the share");
        paid[msg.sender] = true;
        PORUKA.release(msg.sender, share);
        (bool sent, ) = organizer.call{value: msg.value}("");
        require(sent, "the organizer could not be paid");
        emit Paid(msg.sender);
    }

    /// After `payBy`, the organizer claims the share of a participant who did not pay. The
    /// organizer is the claimant (it posts the claim bond); the participant's guarantors judge.
    function claimDefault(address participant) external returns (uint32 claimId) {
        require(msg.sender == organizer, "only the organizer claims");
        require(block.number > payBy, "not due yet");
        require(joined[participant] && !paid[participant], "no default");
        require(claimPlusOne[participant] == 0, "claimed already");
        claimId = PORUKA.fileClaim(participant, share, bytes("GroupPurchase: share not paid"));
        claimPlusOne[participant] = claimId + 1;
        emit Defaulted(participant, claimId);
    }

    /// How the claim against `participant` stands (see IPoruka.claimStatus).
    function claimOutcome(address participant)
        external
        view
        returns (bool filed, uint8 phase, uint8 verdict, uint128 compensated)
    {
        uint32 plusOne = claimPlusOne[participant];
        if (plusOne == 0) return (false, 0, 0, 0);
        (bool exists, uint8 p, , uint8 v, , uint128 c) = PORUKA.claimStatus(plusOne - 1);
        return (exists, p, v, c);
    }
}
