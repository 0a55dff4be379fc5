import { apiError, apiJson, withApiToken } from "@/lib/api/http";
import { apiPlan } from "@/lib/api/plans";

// GET: one plan on sale now; any token may read it.
export const GET = withApiToken<{ id: string }>(async (_request, _userId, { id }) => {
  const plan = await apiPlan(id);
  return plan ? apiJson(plan) : apiError(404, "not_found", "No plan with this id is on sale.");
});
