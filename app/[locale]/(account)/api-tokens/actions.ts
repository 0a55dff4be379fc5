"use server";

import { revalidatePath } from "next/cache";
import { type ActionReply, userAction } from "@/app/_lib/form-action";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/validation/api";
import type { FormState } from "@/lib/validation/form-state";

export type CreateTokenState = FormState<"name", "limit_reached" | "rate_limited"> & {
  // The raw token, shown once and never retrievable again.
  created?: { name: string; token: string };
};

// The signed-in user's own tokens: creating one for, or revoking one of, another account is
// not expressible (revoking names the token and is scoped to the caller's account).
export const createToken = userAction(
  { schema: createApiTokenSchema, echo: ["name"], returnTo: "/api-tokens" },
  async ({ name }, { user, locale }): Promise<ActionReply<CreateTokenState>> => {
    const result = await createApiToken(user.id, name);
    switch (result.status) {
      case "rate_limited":
        return result;
      case "limit_reached":
        return { formError: "limit_reached" };
      case "created":
        revalidatePath(`/${locale}/api-tokens`);
        return { values: {}, created: { name, token: result.token } };
    }
  },
);

export const revokeToken = userAction(
  { schema: revokeApiTokenSchema, identifiers: ["tokenId"], returnTo: "/api-tokens" },
  async ({ tokenId }, { user, locale }): Promise<ActionReply<FormState<never>>> => {
    await revokeApiToken(user.id, tokenId);
    revalidatePath(`/${locale}/api-tokens`);
    return {};
  },
);
