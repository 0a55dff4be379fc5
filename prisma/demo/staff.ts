import type { PrismaClient } from "@prisma/client";
import { hashPassword } from "../../lib/auth/password";
import { STAFF_TOTP_SECRET, staffAccounts } from "../catalog";

// The seeded admin and support accounts, with their authenticator enrolled. Like the demo
// account, a changed password stays changed; the role and the shared secret are put back.
// Production seeds no staff: `npm run staff:promote` makes the first admin there.
export async function seedStaffAccounts(db: PrismaClient, now = new Date()): Promise<number> {
  for (const { password, role, ...profile } of staffAccounts) {
    const user = await db.user.upsert({
      where: { email: profile.email },
      create: { ...profile, role, passwordHash: await hashPassword(password), emailVerified: now },
      update: { role, lockedAt: null },
      select: { id: true },
    });
    await db.staffTotp.upsert({
      where: { userId: user.id },
      create: { userId: user.id, secret: STAFF_TOTP_SECRET, confirmedAt: now },
      update: { secret: STAFF_TOTP_SECRET, confirmedAt: now },
    });
  }
  return staffAccounts.length;
}
