import { getTranslations } from "next-intl/server";
import type { METHOD_FLOW } from "@/lib/payments/methods";
import { TEST_CARDS } from "@/lib/payments/test-cards";

const spaced = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, "$1 ");

// Stripe's test values for the chosen method, so a tester can drive every outcome.
export async function TestValues({ method }: { method: (typeof METHOD_FLOW)[keyof typeof METHOD_FLOW] }) {
  const t = await getTranslations("LocalCheckout");
  const rows: [value: string, outcome: string][] =
    method === "card"
      ? TEST_CARDS.map((card) => [spaced(card), t(`cards.${card}`)])
      : method === "voucher"
        ? (["11111111110", "22222222220", "33333333330", "44444444440", "55555555550", "01234567890"] as const).map(
            (number) => [number, t(`konbiniTests.${number}`)],
          )
        : [];
  return (
    <section aria-labelledby="test-values-title" className="mt-8 rounded-lg border border-slate-200 p-4">
      <h2 id="test-values-title" className="font-semibold">
        {t(method === "card" ? "testCards" : "testValues")}
      </h2>
      <p className="text-sm text-slate-600">{t(`testValuesNote.${method}`)}</p>
      {rows.length > 0 && (
        <ul className="mt-3 space-y-1 text-sm">
          {rows.map(([value, outcome]) => (
            <li key={value} className="flex flex-wrap justify-between gap-2">
              <code className="font-mono">{value}</code>
              <span className="text-slate-700">{outcome}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
