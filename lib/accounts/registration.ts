import "server-only";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import type { RegisterInput } from "../validation/auth";
import { issueEmailVerification } from "./email-verification";
import { hashPassword } from "../auth/password";
import { postgresLimiter, spend } from "../rate-limit";
import { type RateLimited, rateLimited } from "../result";

export const REGISTRATIONS_PER_IP = 5;

const registrationsByIp = postgresLimiter("register_ip", REGISTRATIONS_PER_IP, 60 * 60);

export type RegistrationResult = { status: "created"; userId: string } | { status: "email_taken" } | RateLimited;

// Every attempt from the address counts, "email taken" ones included: each costs a password
// hash, and otherwise one address could test without end which emails have accounts.
export async function registerUser(input: RegisterInput, locale: string, ip: string): Promise<RegistrationResult> {
  const retryAfterSeconds = await spend(registrationsByIp, ip);
  if (retryAfterSeconds > 0) return rateLimited(retryAfterSeconds);

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
