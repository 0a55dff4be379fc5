// Staff accounts from the command line, where there is no console yet:
//   npm run staff:promote -- --email owner@example.com --role admin
//     gives an existing account a role (admin, support or customer); how a production shop gets
//     its first admin, who then enrols an authenticator at /admin.
//   npm run staff:code
//     prints the current code of the seeded staff accounts' authenticator (development only).
import { parseArgs } from "node:util";
import { applyDevelopmentDefaults } from "../lib/development-defaults";

applyDevelopmentDefaults();

const ROLES = { admin: "ADMIN", support: "SUPPORT", customer: "CUSTOMER" } as const;

const {
  positionals: [command],
  values,
} = parseArgs({ allowPositionals: true, options: { email: { type: "string" }, role: { type: "string" } } });

async function promote() {
  const role = ROLES[(values.role ?? "") as keyof typeof ROLES];
  if (!values.email || !role)
    throw new Error("Usage: npm run staff:promote -- --email <address> --role admin|support|customer");
  const [{ changeRole }, { db, pool }] = await Promise.all([import("../lib/admin/roles"), import("../lib/db/client")]);
  try {
    const actor = { id: null, email: "command-line", role: "ADMIN" as const, ip: "local" };
    const result = await changeRole(actor, values.email.toLowerCase(), role);
    if (result.status === "not_found") throw new Error(`No account has the email ${values.email}: register it first.`);
    console.log(
      result.status === "changed"
        ? `${values.email} is now ${values.role} (was ${result.from.toLowerCase()}).`
        : `${values.email} already is ${values.role}.`,
    );
  } finally {
    await db.$disconnect();
    await pool.end();
  }
}

async function printCode() {
  const [{ totpCodeAt }, { STAFF_TOTP_SECRET }] = await Promise.all([
    import("../lib/admin/totp"),
    import("../prisma/catalog"),
  ]);
  const now = new Date();
  const secondsLeft = 30 - (Math.floor(now.getTime() / 1000) % 30);
  console.log(`${await totpCodeAt(STAFF_TOTP_SECRET, now)}  (valid for ${secondsLeft} s more)`);
}

(command === "promote"
  ? promote()
  : command === "code"
    ? printCode()
    : Promise.reject(new Error("Commands: promote, code"))
).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
