// Seeds the catalog and the demo account. Safe to run any number of times: every row is
// upserted by its natural key. Runs with `--conditions=react-server` so that server-only
// modules (password hashing) can be imported outside Next.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { hashPassword } from "../lib/auth/password";
import { carriers, demoAccount, plans, promotions, promotionWindow, topUpPacks } from "./catalog";

async function seed(db: PrismaClient) {
  for (const [sortOrder, carrier] of carriers.entries()) {
    await db.carrier.upsert({
      where: { code: carrier.code },
      create: { ...carrier, sortOrder },
      update: { ...carrier, sortOrder },
    });
  }
  for (const [sortOrder, plan] of plans.entries()) {
    await db.plan.upsert({
      where: { slug: plan.slug },
      create: { ...plan, sortOrder },
      update: { ...plan, sortOrder },
    });
  }
  for (const [sortOrder, pack] of topUpPacks.entries()) {
    await db.topUpPack.upsert({
      where: { slug: pack.slug },
      create: { ...pack, sortOrder },
      update: { ...pack, sortOrder },
    });
  }
  const seededAt = new Date();
  for (const { planSlug, startsInDays, endsInDays, redemptionCount, ...rule } of promotions) {
    const planId = planSlug ? (await db.plan.findUniqueOrThrow({ where: { slug: planSlug } })).id : null;
    // The window and the redemption count are set once, when first seeded; later runs keep
    // whatever has happened since.
    await db.promotion.upsert({
      where: { slug: rule.slug },
      create: { ...rule, planId, redemptionCount, ...promotionWindow(startsInDays, endsInDays, seededAt) },
      update: { ...rule, planId },
    });
  }
  const { password, ...profile } = demoAccount;
  await db.user.upsert({
    where: { email: profile.email },
    create: { ...profile, passwordHash: await hashPassword(password), emailVerified: new Date() },
    update: {},
  });
}

async function main() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  try {
    await seed(db);
    console.log(
      `Seeded ${carriers.length} carriers, ${plans.length} plans, ${topUpPacks.length} top-up packs, ${promotions.length} promotions and the demo account.`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
