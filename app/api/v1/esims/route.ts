import { apiJson, withApiToken } from "@/lib/api/http";
import { afterCursor, pageBody, pageOf, rowsToTake } from "@/lib/api/pagination";
import { usageObject } from "@/lib/api/usage-object";
import { balancesOfUser } from "@/lib/balance/summary";

// GET: the usage of the token owner's eSIMs (deleted ones left out), newest first, a page at a time.
export const GET = withApiToken(async (request, userId) => {
  const query = pageOf(request);
  if (query.status === "refused") return query.response;
  const balances = await balancesOfUser(userId, { where: afterCursor(query.page), take: rowsToTake(query.page) });
  return apiJson(pageBody(balances, query.page, usageObject));
});
