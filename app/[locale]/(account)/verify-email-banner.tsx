import { getTranslations } from "next-intl/server";
import { ClientTranslations } from "@/app/_components/client-translations";
import { currentUser } from "@/lib/auth/session";
import { ResendVerification } from "./resend-verification";

// Until the address is confirmed; it never blocks buying.
export async function VerifyEmailBanner() {
  const user = await currentUser();
  if (!user || user.emailVerified) return null;
  const t = await getTranslations("Verification");
  return (
    <div role="status" className="border-b border-amber-300 bg-amber-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm text-amber-950">
        <p className="flex-1">{t("bannerText", { email: user.email })}</p>
        <ClientTranslations messages={["Verification"]}>
          <ResendVerification />
        </ClientTranslations>
      </div>
    </div>
  );
}
