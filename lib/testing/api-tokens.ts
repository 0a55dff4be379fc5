import { createApiToken } from "../api/tokens";
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
