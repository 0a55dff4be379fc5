import { z } from "./zod";

// Where a staff member goes once the second factor is passed: a console page, nowhere else.
export const consolePathSchema = z
  .string()
  .regex(/^\/admin(\/[\w\-./%?=&]*)?$/)
  .refine((path) => !path.includes("//") && !path.includes(".."))
  .catch("/admin");

// Six digits from an authenticator, or a recovery code (XXXXX-XXXXX) typed with or without
// its dash and spaces.
export const secondFactorSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^(\d{6}|[2-9a-zA-Z]{5}[\s-]?[2-9a-zA-Z]{5})$/, "second_factor_format"),
  next: consolePathSchema.optional(),
});

export const enrolmentSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "totp_format"),
});
