import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

type Query = Record<string, string | number | undefined>;

// Previous and next links of a console list, keeping its filters.
export async function Pager({
  pathname,
  query,
  page,
  pageCount,
  total,
}: {
  pathname: string;
  query: Query;
  page: number;
  pageCount: number;
  total: number;
}) {
  // An empty list says so itself.
  if (total === 0) return null;
  const t = await getTranslations("Admin");
  const hrefFor = (target: number) => {
    const values: Query = { ...query, page: target > 1 ? target : undefined };
    const kept = Object.entries(values).filter(
      (entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== "",
    );
    return { pathname, query: Object.fromEntries(kept) };
  };
  const linkClass = "rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50";
  return (
    <nav aria-label={t("pager.pagination")} className="flex flex-wrap items-center gap-3 text-sm" data-testid="pager">
      <span className="text-slate-600">{t("pager.pageOf", { page, pageCount, total })}</span>
      {page > 1 && (
        <Link href={hrefFor(page - 1)} rel="prev" className={linkClass}>
          {t("pager.previousPage")}
        </Link>
      )}
      {page < pageCount && (
        <Link href={hrefFor(page + 1)} rel="next" className={linkClass}>
          {t("pager.nextPage")}
        </Link>
      )}
    </nav>
  );
}
