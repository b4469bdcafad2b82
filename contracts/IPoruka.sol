// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title The Poruka precompile: the guarantor system, for contracts.
/// @notice At address 0x0000000000000000000000000000000050520000 on every Poruka chain
/// ("PR" in bytes 16 and 17). Amounts are in pico-POR (12 decimals); blocks are block numbers;
/// a member's address is its account's 20-byte contract address (its `map_account` address).
/// @dev The runtime builds the precompile from this file (runtime/src/precompiles.rs), so the
/// interface here is the one the chain answers.
interface IPoruka {
    /// Whether `member` is an active member: admitted, not suspended, not leaving.
    function isActiveMember(address member) external view returns (bool);

    /// The member's coverage: its deposit not being withdrawn and its guarantees that count.
    function coverageOf(address member) external view returns (uint128);

    /// How much of the member's coverage agreements and contracts hold.
    function committedOf(address member) external view returns (uint128);

    /// The member's commitment to `promisee` (a contract): how much, until which block, and how
    /// many claims about it are open. All zero if there is none.
    function commitmentOf(address member, address promisee)
        external
        view
        returns (uint128 amount, uint32 until, uint32 openClaims);

    /// Where claim `claimId` stands. `phase`: 0 open, 1 appealed, 2 decided (the verdict stands
    /// unless appealed), 3 in arbitration, 4 final. `verdict` (once decided or final): 0 none
    /// yet, 1 upheld, 2 rejected, 3 counter-claim upheld, 4 dismissed; `upheld` the amount
    /// upheld, `compensated` what reached the harmed party (once final). `exists` is false for
    /// a claim that never existed or was pruned after its retention.
    function claimStatus(uint32 claimId)
        external
        view
        returns (bool exists, uint8 phase, uint32 level, uint8 verdict, uint128 upheld, uint128 compensated);

    /// The transaction's signer commits `amount` of its coverage to the calling contract's
    /// promise until block `until` (a commitment it has already adds up and runs to the later
    /// block). Only when the signer called the contract directly; reverts with the reason
    /// (`NotActiveMember`, `InsufficientCoverage`, `BadPeriod`, `TooManyContracts`, ...).
    function commit(uint128 amount, uint32 until) external;

    /// The calling contract releases `amount` of `member`'s commitment to it (the promise kept).
    function release(address member, uint128 amount) external;

    /// The calling contract files a claim for the transaction's signer (the harmed member, who
    /// posts the claim bond) against `respondent`, committed to the contract, for `amount` (at
    /// most the commitment), with `evidence` (a hash or URI). The claim's subject is the
    /// contract; the respondent's guarantors judge it. Only when the signer called the contract
    /// directly. Returns the claim's id.
    function fileClaim(address respondent, uint128 amount, bytes calldata evidence)
        external
        returns (uint32 claimId);
}
