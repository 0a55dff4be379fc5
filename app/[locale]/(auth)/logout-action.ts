"use server";

import { z } from "zod";
import { type ActionReply, publicAction } from "@/app/_lib/form-action";
import { signOut } from "@/lib/auth/auth";
import type { FormState } from "@/lib/validation/form-state";

// Anyone may log out; without a session it only leads home. The session ends on the server too
// (events.signOut in lib/auth/auth.ts), so a copy of its cookie stops working.
export const logout = publicAction(
  { schema: z.object({}) },
  async (_input, { locale }): Promise<ActionReply<FormState<never>>> => {
    await signOut({ redirectTo: `/${locale}` });
    return {};
  },
);
