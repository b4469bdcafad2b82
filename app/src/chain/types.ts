// The shapes of the node's JSON-RPC answers (docs/rpc.md). Balances are decimal strings in the
// smallest unit; accounts SS58.

export type MemberStatus = 'active' | 'candidate' | 'suspended' | 'leaving' | 'none';

export interface GuaranteeView {
  account: string;
  amount: string;
  releaseAt: number | null;
  counts: boolean;
  liableClaims: number;
}

export interface MemberView {
  account: string;
  status: MemberStatus;
  founder?: boolean;
  since?: number;
  guarantors?: GuaranteeView[];
  wards?: GuaranteeView[];
  deposit?: string;
  unbonding?: { amount: string; releaseAt: number }[];
  coverage?: string;
  committed?: string;
  debt?: string;
  debts?: { account: string; amount: string }[];
  credits?: { account: string; amount: string }[];
  strikes?: number;
  struckOut?: boolean;
  strikesLapseAt?: number | null;
  openClaims?: number;
  filedClaims?: number;
  counteredClaims?: number;
}

export interface VerdictView {
  verdict: 'uphold' | 'reject' | 'counterUphold';
  amount?: string;
  forceMajeure?: boolean;
}

export interface PanelistView {
  account: string;
  guarantees: string;
  side: 'claimant' | 'respondent';
  vote: VerdictView | null;
}

export interface PaymentView {
  payer: string;
  source: 'deposit' | 'freeBalance' | 'guarantee';
  level?: number;
  amount: string;
}

export type ClaimPhase = 'open' | 'appealed' | 'decided' | 'arbitration' | 'paid' | 'rejected' | 'counterPaid' | 'dismissed';

export interface ClaimView {
  id: number;
  claimant: string;
  respondent: string;
  amount: string;
  agreement: number | null;
  /** The smart contract the claim is about (0x-prefixed address), if a contract filed it; absent before runtime 114. */
  contract?: string | null;
  filedAt: number;
  contest: { atLevel: number; counterClaim: string | null } | null;
  acknowledged: string;
  phase: ClaimPhase;
  upheld?: string;
  compensated?: string;
  forceMajeure?: boolean;
  level: number;
  panels: PanelistView[][];
  deadline: number | null;
  verdict: VerdictView | null;
  bonds: { account: string; amount: string; kind: string }[];
  payments: PaymentView[];
  liable: { side: string; depth: number; guarantees: { guarantor: string; guarantees: string; amount: string }[] }[];
  arbitration: {
    arbiters: { account: string; vote: VerdictView | null }[];
    standing: VerdictView | null;
    decision: VerdictView | null;
  } | null;
  evidence: string | null;
  evidenceHex: string;
  final: boolean;
  panel: PanelistView[];
  /** Its steps after the filing, oldest first (runtime 112; `null` before, absent from older nodes). */
  steps?: StepView[] | null;
}

/** A step of a claim after its filing: the phase it entered, at which level and block. */
export interface StepView {
  at: number;
  level: number;
  phase: ClaimPhase;
  verdict?: VerdictView;
  upheld?: string;
  compensated?: string;
  forceMajeure?: boolean;
}

export interface ClaimRef {
  id: number;
  role: 'claimant' | 'respondent' | 'panelist' | 'arbiter';
  open: boolean;
}

export interface TreeView {
  root: string;
  depth: number;
  nodes: { account: string; depth: number; status: MemberStatus | null; founder: boolean; guarantors: GuaranteeView[] }[];
  truncated: boolean;
}

/** `guarantor_wards`: the wards below a member, and theirs (runtime 111). */
export interface WardsView {
  root: string;
  depth: number;
  nodes: { account: string; depth: number; status: MemberStatus | null; founder: boolean; wards: GuaranteeView[] }[];
  truncated: boolean;
}

export type ObligationState = 'pending' | 'fulfilled' | 'unwound' | 'unpaid' | 'disputed' | 'defaulted';

export interface ObligationView {
  index: number;
  from: string;
  to: string;
  kind: 'payment' | 'delivery';
  amount: string;
  termsHash?: string;
  due: number;
  after: number[];
  state: ObligationState;
  claim?: number;
  compensated?: string;
}

export interface AgreementView {
  id: number;
  proposer: string;
  proposedAt: number;
  deposit: string;
  phase: 'proposed' | 'active' | 'completed' | 'defaulted' | 'cancelled' | 'expired';
  acceptBy?: number;
  compensated?: string;
  parties: { account: string; accepted: boolean; cancelling: boolean }[];
  obligations: ObligationView[];
}
