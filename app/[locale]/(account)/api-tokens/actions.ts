"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { requireUser } from "@/lib/auth/session";
import { apiTokenIdSchema, createApiTokenSchema } from "@/lib/validation/api";
import { type FormState, fieldErrorsOf, submittedValues } from "@/lib/validation/form-state";

export type CreateTokenState = FormState<"name", "limit_reached" | "rate_limited"> & {
  // The raw token, shown once and never retrievable again.
  created?: { name: string; token: string };
};

async function refreshList() {
  revalidatePath(`/${await getLocale()}/api-tokens`);
}

export async function createToken(_previous: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const values = submittedValues(formData, ["name"] as const);
  const user = await requireUser("/api-tokens");
  const parsed = createApiTokenSchema.safeParse({ name: formData.get("name") });
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };

  const result = await createApiToken(user.id, parsed.data.name);
  if (result.status === "rate_limited") {
    return { values, fieldErrors: {}, formError: "rate_limited", retryAfterSeconds: result.retryAfterSeconds };
  }
  if (result.status === "limit_reached") return { values, fieldErrors: {}, formError: "limit_reached" };
  await refreshList();
  return { values: {}, fieldErrors: {}, created: { name: parsed.data.name, token: result.token } };
}

export async function revokeToken(_previous: void, formData: FormData): Promise<void> {
  const user = await requireUser("/api-tokens");
  const tokenId = apiTokenIdSchema.safeParse(formData.get("tokenId"));
  if (!tokenId.success) return;
  await revokeApiToken(user.id, tokenId.data);
  await refreshList();
}
