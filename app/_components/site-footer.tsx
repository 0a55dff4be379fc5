import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export async function SiteFooter() {
  const [t, tDevices] = await Promise.all([getTranslations("Footer"), getTranslations("Devices.links")]);
  return (
    <footer className="border-t border-slate-200 bg-slate-50">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-6 text-sm text-slate-600">
        <p>
          <Link href="/devices" className="font-semibold text-slate-700 underline">
            {tDevices("checker")}
          </Link>
        </p>
        <p>{t("sandbox")}</p>
        <p>{t("timeZone")}</p>
      </div>
    </footer>
  );
}
