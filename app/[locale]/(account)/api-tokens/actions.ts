"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { type ActionReply, userAction } from "@/app/_lib/form-action";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { clientIp } from "@/lib/auth/client-ip";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/validation/api";
import type { FormState } from "@/lib/validation/form-state";

// The password is never echoed back to the form.
export type CreateTokenState = FormState<"name" | "expiresIn" | "currentPassword", "limit_reached" | "rate_limited"> & {
  // The raw token, shown once and never retrievable again.
  created?: { name: string; token: string };
};

// The signed-in user's own tokens: creating one for, or revoking one of, another account is
// not expressible (revoking names the token and is scoped to the caller's account).
export const createToken = userAction(
  { schema: createApiTokenSchema, echo: ["name", "expiresIn"], returnTo: "/api-tokens" },
  async (input, { user, locale }): Promise<ActionReply<CreateTokenState>> => {
    const result = await createApiToken(user, input, clientIp(await headers()));
    switch (result.status) {
      case "rate_limited":
        return result;
      case "wrong_password":
        return { fieldErrors: { currentPassword: ["current_password_wrong"] } };
      case "limit_reached":
        return { formError: "limit_reached" };
      case "created":
        revalidatePath(`/${locale}/api-tokens`);
        return { values: {}, created: { name: input.name, token: result.token } };
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
