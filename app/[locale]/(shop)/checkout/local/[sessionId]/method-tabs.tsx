import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { PaymentMethodType } from "@/lib/payments/methods";

// Stripe Checkout's method chooser, as links: it works without JavaScript, and the chosen
// method is in the address, so a reload or the back button keeps it.
export async function MethodTabs({
  sessionId,
  offered,
  selected,
}: {
  sessionId: string;
  offered: readonly PaymentMethodType[];
  selected: PaymentMethodType;
}) {
  const [t, tCheckout] = await Promise.all([getTranslations("PaymentMethods"), getTranslations("LocalCheckout")]);
  return (
    <nav aria-label={tCheckout("chooseMethod")}>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {offered.map((method) => (
          <li key={method}>
            <Link
              href={{ pathname: `/checkout/local/${sessionId}`, query: { method } }}
              aria-current={method === selected ? "page" : undefined}
              className={`block rounded-md border px-3 py-2 text-center text-sm font-semibold ${
                method === selected
                  ? "border-brand-700 bg-brand-50 text-brand-800 ring-2 ring-brand-700"
                  : "border-slate-300 hover:bg-slate-50"
              }`}
            >
              {t(`names.${method}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
