import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { can } from "@/lib/admin/capabilities";
import { requireStaffSignIn } from "@/lib/admin/guard";
import { Link } from "@/lib/i18n/navigation";
import { CONSOLE_SECTIONS } from "./sections";

export const metadata: Metadata = { robots: { index: false, follow: false } };

// Staff only: anyone else gets the 404 of a page that does not exist (each page checks again,
// with its own capability, since a layout does not guard the page rendered inside it).
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaffSignIn();
  const t = await getTranslations("Admin");
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-8 lg:flex-row">
      <nav aria-label={t("navigation")} className="lg:w-52 lg:shrink-0">
        <p className="text-sm font-semibold text-slate-600">
          {t("console")} · {t(`roles.${staff.role}`)}
        </p>
        <ul className="mt-3 flex flex-wrap gap-2 lg:flex-col lg:gap-1">
          {CONSOLE_SECTIONS.filter((section) => can(staff.role, section.capability)).map((section) => (
            <li key={section.href}>
              <Link
                href={section.href}
                className="block rounded-md px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
              >
                {t(`sections.${section.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
