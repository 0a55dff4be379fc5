import "server-only";
import { generate, generateSecret, generateURI, verify } from "otplib";

const ISSUER = "Tabi eSIM";
// One period either side: an authenticator a little fast or slow, or a code typed as it turned.
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

// What an authenticator app scans to enrol (shown as a QR code beside the secret itself).
export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret });
}

const epochOf = (now: Date) => Math.floor(now.getTime() / 1000);

// The code an authenticator shows at `now`: for the development command that prints it and tests.
export function totpCodeAt(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: epochOf(now) });
}

// The time step a valid code belongs to, or null. Codes are checked against the last step used
// by the caller (second-factor.ts), so that a code seen over a shoulder cannot be used again.
export async function totpStep(secret: string, code: string, now: Date): Promise<number | null> {
  const result = await verify({ secret, token: code, epoch: epochOf(now), epochTolerance: TOLERANCE_SECONDS });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
