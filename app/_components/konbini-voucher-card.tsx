import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/money";
import { KONBINI_STORES, type KonbiniVoucher } from "@/lib/payments/konbini";

// The voucher a Konbini buyer takes to a store: each chain's payment number, the confirmation
// number, the amount and the deadline (23:59:59 JST on the last day).
export async function KonbiniVoucherCard({ voucher }: { voucher: KonbiniVoucher }) {
  const [t, format, locale] = await Promise.all([getTranslations("PaymentMethods"), getFormatter(), getLocale()]);
  const amount = formatMoney({ amount: voucher.amount, currency: voucher.currency }, locale);
  return (
    <section
      aria-labelledby="voucher-title"
      className="rounded-lg border-2 border-amber-300 bg-amber-50 p-4"
      data-testid="konbini-voucher"
    >
      <h2 id="voucher-title" className="text-lg font-bold">
        {t("voucher.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("voucher.lead", { amount })}</p>
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-600">{t("voucher.amount")}</dt>
        <dd className="font-bold">{amount}</dd>
        <dt className="text-slate-600">{t("voucher.confirmationNumber")}</dt>
        <dd className="font-mono font-bold" data-testid="confirmation-number">
          {voucher.confirmationNumber}
        </dd>
      </dl>
      <p className="mt-3 font-semibold" data-testid="voucher-deadline">
        {t("voucher.deadline", {
          dateTime: format.dateTime(new Date(voucher.expiresAt), { dateStyle: "long", timeStyle: "medium" }),
        })}
      </p>
      <table className="mt-3 w-full text-left text-sm">
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">
              {t("voucher.store")}
            </th>
            <th scope="col" className="py-1 font-medium">
              {t("voucher.paymentCode")}
            </th>
          </tr>
        </thead>
        <tbody>
          {KONBINI_STORES.map((store) => (
            <tr key={store} className="border-t border-amber-200">
              <th scope="row" className="py-1 pr-4 font-medium">
                {t(`stores.${store}`)}
              </th>
              <td className="py-1 font-mono">{voucher.paymentCodes[store]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {voucher.hostedVoucherUrl && (
        <a href={voucher.hostedVoucherUrl} className="mt-3 inline-block font-semibold text-brand-700 underline">
          {t("voucher.printable")}
        </a>
      )}
    </section>
  );
}
