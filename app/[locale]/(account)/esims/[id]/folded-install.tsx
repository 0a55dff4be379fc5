import { getTranslations } from "next-intl/server";
import { EsimInstall, type InstallableEsim } from "@/app/_components/esim-install";

// Once the profile is on the phone, the QR code, the manual fields and the instructions are
// for checking, not the first thing to read: they fold behind a native disclosure, which opens
// without any script and is in the page from the start, so opening it moves nothing above it.
export async function FoldedInstall({ esim }: { esim: InstallableEsim }) {
  const t = await getTranslations("Esim");
  return (
    <details className="rounded-xl border border-slate-200">
      <summary className="cursor-pointer rounded-xl px-6 py-4 font-semibold hover:bg-slate-50">
        {t("installDetails")}
      </summary>
      <div className="border-t border-slate-200 p-6">
        <EsimInstall esim={esim} />
      </div>
    </details>
  );
}
