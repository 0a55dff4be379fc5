import "server-only";
import { db } from "../db/client";
import type { Locale } from "../i18n/routing";

// The language emails are written in; the site's own language follows the visitor's choice.
export async function setPreferredLocale(userId: string, locale: Locale): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
