import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { requireStaff } from "@/lib/admin/guard";
import { type SearchHit, searchConsole } from "@/lib/admin/search";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { parseConsoleSearch } from "@/lib/validation/admin-orders";
import { Pager } from "../_components/pager";

type SearchPageProps = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: SearchPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "AdminSearch" });
  return { title: t("title") };
}

function hrefOf(hit: SearchHit): string {
  switch (hit.kind) {
    case "customer":
      return `/admin/customers/${hit.id}`;
    case "order":
      return `/admin/orders/${hit.reference}`;
    case "esim":
      return `/admin/esims/${hit.id}`;
    case "promotion":
      return `/admin/promotions/${hit.id}`;
  }
}

function labelOf(hit: SearchHit): string {
  switch (hit.kind) {
    case "customer":
      return hit.name;
    case "order":
      return hit.reference;
    case "esim":
      return hit.iccid;
    case "promotion":
      return hit.code;
  }
}

// Staff (capability "view"). A plain GET form: the query and page live in the address, so a
// search can be shared with a colleague.
export default async function SearchPage({ params, searchParams }: SearchPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireStaff("view", "/admin/search");
  const { q, page } = parseConsoleSearch(await searchParams);
  const [t, tOrders, format] = await Promise.all([
    getTranslations("AdminSearch"),
    getTranslations("Orders"),
    getFormatter(),
  ]);
  const results = q ? await searchConsole(q, page) : null;
  const details = (hit: SearchHit) => {
    switch (hit.kind) {
      case "customer":
        return hit.email;
      case "order":
        return `${tOrders(`statuses.${hit.status}`)} · ${formatMoney({ amount: hit.totalAmount, currency: hit.currency }, locale)} · ${hit.email}`;
      case "esim":
        return `${hit.state} · ${hit.email}`;
      case "promotion":
        return t("promotionUses", { count: hit.redemptionCount });
    }
  };

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <form method="get" role="search" className="flex max-w-3xl flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="console-search" className="block text-sm font-medium">
            {t("label")}
          </label>
          <input
            id="console-search"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={254}
            className="block w-full rounded-md border border-slate-400 px-3 py-2 text-base"
          />
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("submit")}
        </button>
      </form>
      {!results && <p className="max-w-3xl text-slate-700">{t("hint")}</p>}
      {results && results.total === 0 && (
        <p role="status" className="text-slate-800" data-testid="no-match">
          {t("noMatch", { query: q })}
        </p>
      )}
      {results && results.total > 0 && (
        <section aria-labelledby="results" className="space-y-3">
          <h2 id="results" className="sr-only">
            {t("results")}
          </h2>
          <div className="overflow-x-auto">
            <table className="w-full min-w-[48rem] text-left text-sm" data-testid="search-results">
              <thead className="border-b border-slate-300 text-slate-600">
                <tr>
                  {(["kind", "record", "details", "created"] as const).map((column) => (
                    <th key={column} scope="col" className="py-2 pr-4 font-medium">
                      {t(`columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {results.rows.map((hit) => (
                  <tr key={`${hit.kind}-${hit.id}`} className="border-b border-slate-200">
                    <td className="py-2 pr-4">{t(`kinds.${hit.kind}`)}</td>
                    <th scope="row" className="py-2 pr-4 font-semibold">
                      <Link href={hrefOf(hit)} className="font-mono text-brand-700 underline">
                        {labelOf(hit)}
                      </Link>
                    </th>
                    <td className="py-2 pr-4">{details(hit)}</td>
                    <td className="py-2 pr-4">
                      {format.dateTime(hit.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager pathname="/admin/search" query={{ q }} {...results} />
        </section>
      )}
    </div>
  );
}
