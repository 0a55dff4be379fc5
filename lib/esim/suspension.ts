// The sources of the eSIM history rows support's suspend and resume write (lib/admin/esims.ts).
// A suspension is not a profile state, so such a row leaves the state as it was, and its
// source tells it apart from a resend that replaced the activation code.
export const SUSPEND_EVENT_SOURCE = "support:suspend";
export const RESUME_EVENT_SOURCE = "support:resume";
