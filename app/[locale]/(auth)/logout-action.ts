"use server";

import { getLocale } from "next-intl/server";
import { signOut } from "@/lib/auth/auth";

export async function logout() {
  await signOut({ redirectTo: `/${await getLocale()}` });
}
