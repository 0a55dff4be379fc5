import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ClientTranslations } from "@/app/_components/client-translations";
import { requireUser } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import { endpointsOf } from "@/lib/webhooks/endpoints";
import { deleteWebhookEndpoint, toggleWebhookEndpoint } from "./actions";
import { CreateEndpointForm } from "./create-endpoint-form";
import { BUTTON } from "./button-style";
import { RotateForm } from "./rotate-form";

type WebhooksPageProps = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: WebhooksPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Webhooks" });
  return { title: t("title"), robots: { index: false } };
}

// The signed-in user's own endpoints: read by the session's user id, so nobody else's can show.
export default async function WebhooksPage({ params }: WebhooksPageProps) {
  setRequestLocale((await params).locale);
  const user = await requireUser("/webhooks");
  const [endpoints, t, format] = await Promise.all([endpointsOf(user.id), getTranslations("Webhooks"), getFormatter()]);
  const dateTime = (instant: Date) => format.dateTime(instant, { dateStyle: "medium", timeStyle: "short" });

  return (
    <ClientTranslations messages={["Webhooks"]}>
      <div className="mx-auto max-w-4xl px-4 py-12">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-3 max-w-2xl text-slate-700">{t("lead")}</p>

        <section aria-labelledby="create-title" className="mt-8 max-w-xl rounded-xl border border-slate-200 p-6">
          <h2 id="create-title" className="text-lg font-semibold">
            {t("createTitle")}
          </h2>
          <div className="mt-4">
            <CreateEndpointForm />
          </div>
        </section>

        <section aria-labelledby="list-title" className="mt-8">
          <h2 id="list-title" className="text-lg font-semibold">
            {t("listTitle")}
          </h2>
          {endpoints.length === 0 && <p className="mt-2 text-slate-700">{t("empty")}</p>}
          <ul className="mt-4 space-y-4">
            {endpoints.map((endpoint) => (
              <li key={endpoint.id} className="rounded-xl border border-slate-200 p-4" data-testid="webhook-endpoint">
                <p className="font-mono text-sm break-all">{endpoint.url}</p>
                {endpoint.description && <p className="mt-1 text-slate-700">{endpoint.description}</p>}
                <p className="mt-1 text-sm text-slate-600">{endpoint.eventTypes.join(", ")}</p>
                <p className="mt-1 text-sm font-medium">
                  {endpoint.disabledAt
                    ? t(`disabled.${(endpoint.disabledReason ?? "owner") as "owner" | "gone" | "failing"}`)
                    : t("enabled")}
                </p>
                {endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date() && (
                  <p className="mt-1 text-sm text-slate-600">
                    {t("rotationOverlap", { dateTime: dateTime(endpoint.previousSecretExpiresAt) })}
                  </p>
                )}
                <div className="mt-3 flex flex-wrap items-start gap-2">
                  <Link href={`/webhooks/${endpoint.id}`} className={BUTTON}>
                    {t("log")}
                  </Link>
                  <RotateForm endpointId={endpoint.id} />
                  <form action={toggleWebhookEndpoint}>
                    <input type="hidden" name="endpointId" value={endpoint.id} />
                    <input type="hidden" name="enabled" value={endpoint.disabledAt ? "true" : "false"} />
                    <button type="submit" className={BUTTON}>
                      {endpoint.disabledAt ? t("enable") : t("disable")}
                    </button>
                  </form>
                  <form action={deleteWebhookEndpoint}>
                    <input type="hidden" name="endpointId" value={endpoint.id} />
                    <button type="submit" className={BUTTON}>
                      {t("delete")}
                    </button>
                  </form>
                </div>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </ClientTranslations>
  );
}
