// Seeds the catalog and the demo account. Safe to run any number of times: catalog rows are
// upserted by their natural key, and the demo account's history is written anew. Runs with
// `--conditions=react-server` so that server-only modules can be imported outside Next.
import type { PrismaClient } from "@prisma/client";
import { applyDevelopmentDefaults } from "../lib/development-defaults";
import { carriers, plans, promotions, promotionWindow, topUpPacks } from "./catalog";

// The demo history is written with the shop's own modules, which read the configuration when
// they load; outside production it has these defaults, as for the app.
applyDevelopmentDefaults();

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
    const plans = planId ? [{ planId }] : [];
    await db.promotion.upsert({
      where: { slug: rule.slug },
      create: {
        ...rule,
        plans: { create: plans },
        redemptionCount,
        ...promotionWindow(startsInDays, endsInDays, seededAt),
      },
      update: { ...rule, plans: { deleteMany: {}, create: plans } },
    });
  }
}

async function main() {
  const [{ db, pool }, { seedDemoAccount }, { seedStaffAccounts }, { env }] = await Promise.all([
    import("../lib/db/client"),
    import("./demo/account"),
    import("./demo/staff"),
    import("../lib/env"),
  ]);
  try {
    await seed(db);
    // Known passwords are for a sandbox; a production database gets its first admin by command.
    if (env().APP_ENV === "production") {
      console.log(`Seeded the catalog; no demo or staff accounts in production.`);
      return;
    }
    await seedDemoAccount(db);
    const staff = await seedStaffAccounts(db);
    console.log(
      `Seeded ${carriers.length} carriers, ${plans.length} plans, ${topUpPacks.length} top-up packs, ${promotions.length} promotions, the demo account with its history and ${staff} staff accounts.`,
    );
  } finally {
    await db.$disconnect();
    await pool.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
