import { balancesOfUser } from "@/lib/balance/summary";
import { apiJson, withApiToken } from "@/lib/api/http";
import { usageObject } from "@/lib/api/usage-object";

// GET: the usage of every eSIM in the token owner's account, newest first.
export const GET = withApiToken(async (_request, userId) => {
  const balances = await balancesOfUser(userId);
  return apiJson({ data: balances.map(usageObject) });
});
