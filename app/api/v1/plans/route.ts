import { apiJson, withApiToken } from "@/lib/api/http";
import { pageOf } from "@/lib/api/pagination";
import { apiPlansPage } from "@/lib/api/plans";

// GET: the catalog on sale now, with prices, running sales and top-up packs; any token may read it.
export const GET = withApiToken(async (request) => {
  const query = pageOf(request);
  if (query.status === "refused") return query.response;
  return apiJson(await apiPlansPage(query.page));
});
