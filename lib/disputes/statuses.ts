// Stripe's dispute statuses, in the order a dispute passes through them: an inquiry (warning_*)
// may escalate to a chargeback; closed is final. An event moves a dispute only forward, so a
// late or replayed one (events arrive out of order) never reopens or rewinds it.
const RANK: Record<string, number> = {
  warning_needs_response: 0,
  warning_under_review: 1,
  needs_response: 2,
  under_review: 3,
  warning_closed: 4,
  won: 4,
  lost: 4,
};

export const CLOSED_DISPUTE_STATUSES = ["warning_closed", "won", "lost"];
// Waiting for the shop's evidence.
export const AWAITING_EVIDENCE = ["warning_needs_response", "needs_response"];

export function isClosedDispute(status: string): boolean {
  return CLOSED_DISPUTE_STATUSES.includes(status);
}

// Statuses this code does not know (Stripe adds some) never replace a known one.
export function movesForward(from: string, to: string): boolean {
  const [a, b] = [RANK[from], RANK[to]];
  return a !== undefined && b !== undefined && b > a;
}
