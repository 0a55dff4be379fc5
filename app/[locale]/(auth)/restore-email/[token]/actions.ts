"use server";

import { getLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { restoreEmail } from "@/lib/accounts/email-restore";

export async function putEmailBack(token: string): Promise<void> {
  const locale = await getLocale();
  const result = await restoreEmail(token);
  if (result.status === "restored") redirect(`/${locale}/reset-password/${result.resetToken}?restored=1`);
  // Back to the link's page, which explains an unusable link or a taken address.
  redirect(
    `/${locale}/restore-email/${encodeURIComponent(token)}${result.status === "email_in_use" ? "?problem=email_in_use" : ""}`,
  );
}
