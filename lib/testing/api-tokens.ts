import { TOKEN_BUDGET, USAGE_READ_BUDGET } from "../api/rate-limit-budgets";
import { createApiToken } from "../api/tokens";
import { db } from "../db/client";
import { createApiTokenSchema } from "../validation/api";
import { BUYER_PASSWORD } from "./shop";
import { uniqueIp } from "./users";

type TokenFields = { name?: string; expiresIn?: string; currentPassword?: string };

// A token made the way the tokens page makes one, for an account registered with BUYER_PASSWORD.
export function createTestToken(account: { id: string; email: string }, fields: TokenFields = {}) {
  const input = createApiTokenSchema.parse({ name: "tests", currentPassword: BUYER_PASSWORD, ...fields });
  return createApiToken(account, input, uniqueIp());
}

export async function newApiToken(account: { id: string; email: string }, fields: TokenFields = {}) {
  const result = await createTestToken(account, fields);
  if (result.status !== "created") throw new Error(`token not created: ${result.status}`);
  return result;
}

// Measurements read one eSIM's usage hundreds of times a minute, far past the published budgets
// they are not measuring: the counters are cleared before each such request.
export async function forgetApiBudgets() {
  await db.$executeRaw`
    DELETE FROM rate_limits WHERE key LIKE ${`${TOKEN_BUDGET.name}:%`} OR key LIKE ${`${USAGE_READ_BUDGET.name}:%`}`;
}
