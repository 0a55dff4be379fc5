import "server-only";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import type { RegisterInput } from "../validation/auth";
import { issueEmailVerification } from "./email-verification";
import { hashPassword } from "../auth/password";

export type RegistrationResult = { status: "created"; userId: string } | { status: "email_taken" };

export async function registerUser(input: RegisterInput, locale: string): Promise<RegistrationResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { name: input.name, email: input.email, phone: input.phone, passwordHash, locale },
        select: { id: true, name: true, email: true, locale: true },
      });
      await issueEmailVerification(tx, created);
      return created;
    });
    return { status: "created", userId: user.id };
  } catch (error) {
    // The unique index decides, so two simultaneous sign-ups cannot both win.
    if (isUniqueViolation(error)) return { status: "email_taken" };
    throw error;
  }
}
