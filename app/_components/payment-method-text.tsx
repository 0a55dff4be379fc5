import { getTranslations } from "next-intl/server";
import type { PaymentMethodUsed } from "@/lib/payments/gateway";
import { paymentMethodLabel } from "@/lib/payments/method-label";

export async function PaymentMethodText({ method }: { method: PaymentMethodUsed }) {
  const t = await getTranslations("PaymentMethods");
  return paymentMethodLabel(t as Parameters<typeof paymentMethodLabel>[0], method);
}
