// How long links sent by email stay valid; the emails say so.
export const EMAIL_VERIFICATION_HOURS = 48;
export const PASSWORD_RESET_MINUTES = 60;
export const ACTIVATION_LINK_DAYS = 30;
export const EMAIL_RESTORE_DAYS = 7;
