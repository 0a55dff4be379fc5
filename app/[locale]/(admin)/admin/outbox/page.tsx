import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { FormAlert } from "@/app/_components/form-alert";
import { SuccessNote } from "@/app/_components/success-note";
import { can } from "@/lib/admin/capabilities";
import { requireStaff } from "@/lib/admin/guard";
import { listOutbox } from "@/lib/admin/outbox";
import type { EmailTemplate } from "@/lib/email/messages";
import { Link } from "@/lib/i18n/navigation";
import { OUTBOX_STATUSES, parseOutboxFilters } from "@/lib/validation/admin-ops";
import { z } from "@/lib/validation/zod";
import { Pager } from "../_components/pager";
import { retryEmailAction } from "./actions";

type OutboxPageProps = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// What the retry answered, shown once after the redirect back here.
const noticeSchema = z.enum(["queued", "not_failed", "link_removed"]).optional().catch(undefined);

export async function generateMetadata({ params }: OutboxPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "AdminOutbox" });
  return { title: t("title") };
}

// Any staff member (capability "view"); retrying needs "resendEmail".
export default async function OutboxPage({ params, searchParams }: OutboxPageProps) {
  setRequestLocale((await params).locale);
  const staff = await requireStaff("view", "/admin/outbox");
  const search = await searchParams;
  const filters = parseOutboxFilters(search);
  const notice = noticeSchema.parse(search.notice);
  const [t, format, emails] = await Promise.all([getTranslations("AdminOutbox"), getFormatter(), listOutbox(filters)]);
  const mayRetry = can(staff.role, "resendEmail");
  const time = (instant: Date) => format.dateTime(instant, { dateStyle: "medium", timeStyle: "medium" });
  const tabClass = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-slate-800 text-white" : "text-slate-800 hover:bg-slate-100"}`;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("lead")}</p>
      </div>
      {notice === "queued" && <SuccessNote>{t("notices.queued")}</SuccessNote>}
      {(notice === "not_failed" || notice === "link_removed") && <FormAlert>{t(`notices.${notice}`)}</FormAlert>}
      <nav aria-label={t("filter")} className="flex flex-wrap gap-2">
        {([undefined, ...OUTBOX_STATUSES] as const).map((status) => (
          <Link
            key={status ?? "all"}
            href={{ pathname: "/admin/outbox", query: status ? { status } : {} }}
            aria-current={filters.status === status ? "page" : undefined}
            className={tabClass(filters.status === status)}
          >
            {t(`statuses.${status ?? "all"}`)}
          </Link>
        ))}
      </nav>
      {emails.rows.length === 0 ? (
        <p className="text-slate-700" data-testid="outbox-empty">
          {t("empty")}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[64rem] text-left text-sm" data-testid="outbox-table">
            <thead className="border-b border-slate-300 text-slate-600">
              <tr>
                {(["recipient", "template", "status", "attempts", "lastError", "queuedAt", "nextAttempt"] as const).map(
                  (column) => (
                    <th key={column} scope="col" className="py-2 pr-4 font-medium">
                      {t(`columns.${column}`)}
                    </th>
                  ),
                )}
                {mayRetry && (
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">{t("columns.actions")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {emails.rows.map((email) => (
                <tr key={email.id} className="border-b border-slate-200 align-top" data-testid={`outbox-${email.id}`}>
                  <th scope="row" className="py-2 pr-4 font-medium break-all">
                    {email.to}
                  </th>
                  <td className="py-2 pr-4">
                    {t(`templates.${email.template as EmailTemplate}`)}
                    <span className="block text-xs text-slate-500">
                      {email.template} · {email.locale}
                    </span>
                  </td>
                  <td className="py-2 pr-4" data-testid="outbox-status">
                    {t(`statuses.${email.status === "FAILED" ? "FAILED" : "PENDING"}`)}
                  </td>
                  <td className="py-2 pr-4 tabular-nums">{email.attempts}</td>
                  <td className="max-w-xs py-2 pr-4 break-words text-slate-700">{email.lastError ?? "—"}</td>
                  <td className="py-2 pr-4 whitespace-nowrap">{time(email.createdAt)}</td>
                  <td className="py-2 pr-4 whitespace-nowrap">
                    {email.status === "PENDING" ? time(email.nextAttemptAt) : "—"}
                  </td>
                  {mayRetry && (
                    <td className="py-2">
                      {email.status === "FAILED" && (
                        <form action={retryEmailAction}>
                          <input type="hidden" name="emailId" value={email.id} />
                          {filters.status && <input type="hidden" name="status" value={filters.status} />}
                          {filters.page > 1 && <input type="hidden" name="page" value={filters.page} />}
                          <button
                            type="submit"
                            className="rounded-md border border-brand-700 px-3 py-1 font-semibold text-brand-700 hover:bg-brand-50"
                            data-testid="retry-email"
                          >
                            {t("retry")}
                          </button>
                        </form>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        pathname="/admin/outbox"
        query={{ status: filters.status }}
        page={filters.page}
        pageCount={emails.pageCount}
        total={emails.total}
      />
    </div>
  );
}
