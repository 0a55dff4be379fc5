import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { auditChanges, listAuditEntries } from "@/lib/admin/audit-log";
import { requireStaff } from "@/lib/admin/guard";
import { parseAuditLogFilters } from "@/lib/validation/admin-ops";
import { Pager } from "../_components/pager";

type AuditLogPageProps = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: AuditLogPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "AdminAuditLog" });
  return { title: t("title") };
}

const cell = "py-2 pr-4";
const input = "rounded-md border border-slate-300 px-3 py-2 font-normal";

// Admins only (capability "auditLog").
export default async function AuditLogPage({ params, searchParams }: AuditLogPageProps) {
  setRequestLocale((await params).locale);
  await requireStaff("auditLog", "/admin/audit-log");
  const filters = parseAuditLogFilters(await searchParams);
  const [t, format, entries] = await Promise.all([
    getTranslations("AdminAuditLog"),
    getFormatter(),
    listAuditEntries(filters),
  ]);
  const time = (instant: Date) => format.dateTime(instant, { dateStyle: "medium", timeStyle: "medium" });

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("lead")}</p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search" data-testid="audit-filters">
        {/* Any part of an email finds its staff member, so the field is not an email field. */}
        {(
          [
            ["actor", "search"],
            ["action", "text"],
            ["target", "text"],
            ["from", "date"],
            ["to", "date"],
          ] as const
        ).map(([name, type]) => (
          <label key={name} className="flex flex-col gap-1 text-sm font-medium">
            {t(`filters.${name}`)}
            <input type={type} name={name} defaultValue={filters[name] ?? ""} className={input} />
          </label>
        ))}
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("filter")}
        </button>
      </form>
      {entries.rows.length === 0 ? (
        <p className="text-slate-700" data-testid="audit-empty">
          {t("empty")}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[64rem] text-left text-sm" data-testid="audit-table">
            <thead className="border-b border-slate-300 text-slate-600">
              <tr>
                {(["time", "actor", "action", "target", "change", "ip"] as const).map((column) => (
                  <th key={column} scope="col" className={`${cell} font-medium`}>
                    {t(`columns.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {entries.rows.map((entry) => {
                const changes = auditChanges(entry);
                return (
                  <tr key={entry.id} className="border-b border-slate-200 align-top" data-testid="audit-entry">
                    <td className={`${cell} whitespace-nowrap`}>{time(entry.createdAt)}</td>
                    <td className={`${cell} break-all`}>
                      {entry.actorEmail}
                      <span className="block text-xs text-slate-500">{entry.actorRole.toLowerCase()}</span>
                    </td>
                    <th scope="row" className={`${cell} font-mono text-xs font-medium`}>
                      {entry.action}
                    </th>
                    <td className={`${cell} text-xs`}>
                      {entry.targetType}
                      {entry.targetId && <span className="block font-mono break-all">{entry.targetId}</span>}
                    </td>
                    <td className={`${cell} max-w-md`}>
                      {changes === null ? (
                        <pre className="text-xs break-all whitespace-pre-wrap">
                          {JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}
                        </pre>
                      ) : changes.length === 0 ? (
                        "—"
                      ) : (
                        <dl className="space-y-1 text-xs">
                          {changes.map((change) => (
                            <div key={change.field}>
                              <dt className="font-semibold">{change.field}</dt>
                              <dd className="font-mono break-all">
                                {change.changed ? (
                                  <>
                                    {change.before !== null && (
                                      <del className="text-red-800">
                                        <span className="sr-only">{t("before")} </span>
                                        {change.before}
                                      </del>
                                    )}
                                    {change.before !== null && change.after !== null && " → "}
                                    {change.after !== null && (
                                      <ins className="text-emerald-800 no-underline">
                                        <span className="sr-only">{t("after")} </span>
                                        {change.after}
                                      </ins>
                                    )}
                                  </>
                                ) : (
                                  <span className="text-slate-600">{change.after}</span>
                                )}
                              </dd>
                            </div>
                          ))}
                        </dl>
                      )}
                    </td>
                    <td className={`${cell} font-mono text-xs`}>{entry.ip}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        pathname="/admin/audit-log"
        query={{
          actor: filters.actor,
          action: filters.action,
          target: filters.target,
          from: filters.from,
          to: filters.to,
        }}
        page={filters.page}
        pageCount={entries.pageCount}
        total={entries.total}
      />
    </div>
  );
}
