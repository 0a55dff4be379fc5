import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ClientTranslations } from "@/app/_components/client-translations";
import { PlanName } from "@/app/_components/plan-name";
import { can } from "@/lib/admin/capabilities";
import { customerForStaff, STAFF_CUSTOMER_ROWS } from "@/lib/admin/customers";
import { requireStaff } from "@/lib/admin/guard";
import type { Messages } from "@/lib/i18n/messages";
import { Link } from "@/lib/i18n/navigation";
import { JST_TIME_ZONE } from "@/lib/time/jst";
import { staffCustomerSchema } from "@/lib/validation/admin-accounts";
import { validOrUndefined } from "@/lib/validation/parse";
import { CorrectEmailForm, EndSessionsForm, LockForm, RevokeTokensForm, RoleForm } from "./customer-actions";

type StaffCustomerPageProps = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: StaffCustomerPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "AdminCustomer" });
  return { title: t("details") };
}

function Table({ testId, columns, children }: { testId: string; columns: string[]; children: ReactNode }) {
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full min-w-[40rem] text-left text-sm" data-testid={testId}>
        <thead className="border-b border-slate-300 text-slate-600">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="py-2 pr-4 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

// Support and admins see the account (capability "view"); only admins change it
// ("manageAccounts", and "roles" for the role), checked again on the server.
export default async function StaffCustomerPage({ params }: StaffCustomerPageProps) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff("view", `/admin/customers/${id}`);
  const valid = validOrUndefined(staffCustomerSchema, { userId: id });
  const customer = valid ? await customerForStaff(valid.userId) : null;
  if (!customer) notFound();
  const [t, tEsim, format] = await Promise.all([
    getTranslations("AdminCustomer"),
    getTranslations("Esim"),
    getFormatter(),
  ]);
  const when = (date: Date) =>
    format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: JST_TIME_ZONE });
  const manages = can(staff.role, "manageAccounts");
  const column = (key: keyof Messages["AdminCustomer"]["columns"]) => t(`columns.${key}`);

  const details: [string, ReactNode][] = [
    [t("name"), customer.name],
    [
      t("email"),
      <span key="email" data-testid="customer-email">
        {customer.email} ({customer.emailVerified ? t("verified") : t("unverified")})
      </span>,
    ],
    [
      t("role"),
      <span key="role" data-testid="customer-role">
        {t(`roles.${customer.role}`)}
      </span>,
    ],
    [t("created"), when(customer.createdAt)],
    [t("locale"), customer.locale],
    [
      t("locked"),
      <span key="locked" data-testid="customer-locked">
        {customer.lockedAt ? t("lockedSince", { dateTime: when(customer.lockedAt) }) : t("notLocked")}
      </span>,
    ],
    [t("sessionsEnded"), customer.sessionsValidFrom ? when(customer.sessionsValidFrom) : t("never")],
  ];

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{t("title", { name: customer.name })}</h1>
        <p className="mt-1 text-slate-700">{customer.email}</p>
      </header>

      <section aria-labelledby="account-title">
        <h2 id="account-title" className="text-xl font-semibold">
          {t("details")}
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]" data-testid="customer-details">
          {details.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-sm font-medium text-slate-600">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="orders-title">
        <h2 id="orders-title" className="text-xl font-semibold">
          {t("orders", { count: STAFF_CUSTOMER_ROWS })}
        </h2>
        {customer.orders.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("ordersEmpty")}</p>
        ) : (
          <Table
            testId="customer-orders"
            columns={(["reference", "kind", "status", "total", "created"] as const).map(column)}
          >
            {customer.orders.map((order) => (
              <tr key={order.id} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-4 font-mono font-semibold">
                  <Link href={`/admin/orders/${order.reference}`} className="text-brand-700 underline">
                    {order.reference}
                  </Link>
                </th>
                <td className="py-2 pr-4">{t(`kinds.${order.kind}`)}</td>
                <td className="py-2 pr-4">{t(`statuses.${order.status}`)}</td>
                <td className="py-2 pr-4 whitespace-nowrap">
                  {format.number(order.totalAmount, { style: "currency", currency: order.currency })}
                </td>
                <td className="py-2 pr-4 whitespace-nowrap">{when(order.createdAt)}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>

      <section aria-labelledby="esims-title">
        <h2 id="esims-title" className="text-xl font-semibold">
          {t("esims", { count: STAFF_CUSTOMER_ROWS })}
        </h2>
        {customer.esimProfiles.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("esimsEmpty")}</p>
        ) : (
          <Table testId="customer-esims" columns={(["iccid", "plan", "state", "created"] as const).map(column)}>
            {customer.esimProfiles.map((esim) => (
              <tr key={esim.id} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-4 font-mono font-semibold">
                  <Link href={`/admin/esims/${esim.id}`} className="text-brand-700 underline">
                    {esim.iccid}
                  </Link>
                </th>
                <td className="py-2 pr-4">
                  <PlanName plan={esim.plan} />
                </td>
                <td className="py-2 pr-4">
                  {tEsim(`states.${esim.state}`)}
                  {esim.suspendedAt && ` · ${t("suspended")}`}
                </td>
                <td className="py-2 pr-4 whitespace-nowrap">{when(esim.createdAt)}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>

      <ClientTranslations messages={["AdminCustomer", "Errors"]}>
        <section aria-labelledby="tokens-title">
          <h2 id="tokens-title" className="text-xl font-semibold">
            {t("tokens")}
          </h2>
          {customer.tokens.length === 0 ? (
            <p className="mt-2 text-slate-700">{t("tokensEmpty")}</p>
          ) : (
            <Table
              testId="customer-tokens"
              columns={[
                ...(["name", "prefix", "created", "lastUsed", "expires"] as const).map(column),
                ...(manages ? [""] : []),
              ]}
            >
              {customer.tokens.map((token) => (
                <tr key={token.id} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-4 font-semibold">
                    {token.name}
                  </th>
                  <td className="py-2 pr-4 font-mono">{token.prefix}…</td>
                  <td className="py-2 pr-4 whitespace-nowrap">{when(token.createdAt)}</td>
                  <td className="py-2 pr-4 whitespace-nowrap">
                    {token.lastUsedAt ? when(token.lastUsedAt) : t("notUsed")}
                  </td>
                  <td className="py-2 pr-4 whitespace-nowrap">
                    {token.expiresAt ? when(token.expiresAt) : t("neverExpires")}
                  </td>
                  {manages && (
                    <td className="py-2 pr-4">
                      <RevokeTokensForm userId={customer.id} tokenId={token.id} />
                    </td>
                  )}
                </tr>
              ))}
            </Table>
          )}
          {manages && customer.tokens.length > 0 && (
            <div className="mt-4 max-w-xs">
              <RevokeTokensForm userId={customer.id} />
            </div>
          )}
        </section>

        {manages && (
          <section aria-labelledby="actions-title" className="space-y-4">
            <h2 id="actions-title" className="text-xl font-semibold">
              {t("actions")}
            </h2>
            <div className="grid gap-4 lg:grid-cols-2">
              <EndSessionsForm userId={customer.id} />
              <LockForm userId={customer.id} locked={customer.lockedAt !== null} />
              <CorrectEmailForm userId={customer.id} />
              {can(staff.role, "roles") && <RoleForm userId={customer.id} role={customer.role} />}
            </div>
          </section>
        )}
      </ClientTranslations>
    </div>
  );
}
