import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ClientTranslations } from "@/app/_components/client-translations";
import { API_TOKEN_PREFIX, apiTokensOf, MAX_ACTIVE_API_TOKENS } from "@/lib/api/tokens";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { CreateTokenForm } from "./create-token-form";
import { RevokeButton } from "./revoke-button";

type ApiTokensPageProps = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: ApiTokensPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "ApiTokens" });
  return { title: t("title"), robots: { index: false } };
}

// The signed-in user's own tokens: the list is read by the session's user id, so nobody else's
// can be shown.
export default async function ApiTokensPage({ params }: ApiTokensPageProps) {
  setRequestLocale((await params).locale);
  const user = await requireUser("/api-tokens");
  const [tokens, t, format] = await Promise.all([apiTokensOf(user.id), getTranslations("ApiTokens"), getFormatter()]);
  const activeCount = tokens.filter((token) => token.state === "active").length;
  const apiBase = `${env().APP_URL}/api/v1`;
  const dateTime = (instant: Date) => format.dateTime(instant, { dateStyle: "medium", timeStyle: "short" });

  return (
    <ClientTranslations messages={["ApiTokens", "Errors"]}>
      <div className="mx-auto max-w-4xl px-4 py-12">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-3 max-w-2xl text-slate-700">{t("lead")}</p>
        <p className="mt-2 max-w-2xl text-slate-700">{t("lifetimeNote")}</p>
        <p className="mt-2">
          <a href="/api/v1/openapi.json" className="font-semibold text-brand-700 underline">
            {t("reference")}
          </a>
        </p>
        <figure className="mt-4">
          <figcaption className="text-sm text-slate-600">{t("example")}</figcaption>
          <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 px-4 py-3 text-sm text-slate-100">
            <code>{`curl -H "Authorization: Bearer ${API_TOKEN_PREFIX}…" ${apiBase}/esims`}</code>
          </pre>
        </figure>

        <section aria-labelledby="create-title" className="mt-8 max-w-xl rounded-xl border border-slate-200 p-6">
          <h2 id="create-title" className="text-lg font-semibold">
            {t("createTitle")}
          </h2>
          <div className="mt-4">
            <CreateTokenForm maxTokens={MAX_ACTIVE_API_TOKENS} />
          </div>
        </section>

        <section aria-labelledby="list-title" className="mt-8">
          <h2 id="list-title" className="text-lg font-semibold">
            {t("listTitle")}
          </h2>
          {tokens.length === 0 ? (
            <p className="mt-2 text-slate-700">{t("empty")}</p>
          ) : (
            <>
              <p className="mt-1 text-sm text-slate-600">
                {t("activeCount", { count: activeCount, max: MAX_ACTIVE_API_TOKENS })}
              </p>
              <div className="mt-4 overflow-x-auto">
                <table className="w-full min-w-[52rem] text-left">
                  <thead className="border-b border-slate-300 text-sm text-slate-600">
                    <tr>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        {t("columns.name")}
                      </th>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        {t("columns.token")}
                      </th>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        {t("columns.created")}
                      </th>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        {t("columns.lastUsed")}
                      </th>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        {t("columns.expires")}
                      </th>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        {t("columns.status")}
                      </th>
                      <th scope="col" className="py-2 font-medium">
                        <span className="sr-only">{t("columns.actions")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {tokens.map((token) => (
                      <tr key={token.id} className="border-b border-slate-200" data-testid="api-token-row">
                        <td className="py-3 pr-4 break-all">{token.name}</td>
                        <td className="py-3 pr-4 font-mono text-sm">{token.prefix}…</td>
                        <td className="py-3 pr-4 text-sm">{dateTime(token.createdAt)}</td>
                        <td className="py-3 pr-4 text-sm">
                          {token.lastUsedAt ? dateTime(token.lastUsedAt) : t("never")}
                        </td>
                        <td className="py-3 pr-4 text-sm">
                          {token.expiresAt ? dateTime(token.expiresAt) : t("noExpiry")}
                        </td>
                        <td className="py-3 pr-4 text-sm">
                          {token.revokedAt && (
                            <span className="rounded bg-slate-100 px-2 py-0.5 font-medium text-slate-800">
                              {t("revokedAt", { dateTime: dateTime(token.revokedAt) })}
                            </span>
                          )}
                          {token.state === "expired" && (
                            <span className="rounded bg-amber-100 px-2 py-0.5 font-medium text-amber-900">
                              {t("expired")}
                            </span>
                          )}
                          {token.state === "active" && (
                            <span className="rounded bg-emerald-100 px-2 py-0.5 font-medium text-emerald-900">
                              {t("active")}
                            </span>
                          )}
                        </td>
                        <td className="py-3 text-right">
                          {token.state === "active" && <RevokeButton tokenId={token.id} name={token.name} />}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      </div>
    </ClientTranslations>
  );
}
