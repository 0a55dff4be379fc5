"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { type ActionReply, userAction } from "@/app/_lib/form-action";
import { fromJstLocal } from "@/lib/time/jst";
import type { FormState } from "@/lib/validation/form-state";
import {
  webhookDeliveryFormId,
  webhookEndpointFormId,
  webhookEndpointFormSchema,
  webhookReplayForm,
  webhookTestForm,
} from "@/lib/validation/webhooks";
import { replayFailedSince, resendDelivery, sendTestEvent } from "@/lib/webhooks/delivery-log";
import { createEndpoint, deleteEndpoint, endpointOf, rotateSecret, updateEndpoint } from "@/lib/webhooks/endpoints";

export type WebhookFormError =
  | "invalid_url"
  | "scheme"
  | "credentials"
  | "own_app"
  | "private_address"
  | "unresolvable"
  | "verification_failed"
  | "limit_reached"
  | "endpoint_disabled"
  | "not_found";

export type CreateEndpointState = FormState<"url" | "description" | "eventTypes", WebhookFormError> & {
  verificationStatus?: string;
  // The secret, shown this once.
  created?: { url: string; secret: string };
};

export type EndpointActionState = FormState<never, WebhookFormError> & {
  secret?: string;
  replayed?: number;
  done?: boolean;
};

// Every action acts on the signed-in user's own endpoints only: each lib call is scoped by the
// session's user id, and an id that is not theirs is answered 404.
const notFoundUnlessFound = async (userId: string, endpointId: string) => {
  if (!(await endpointOf(userId, endpointId))) notFound();
};

export const createWebhookEndpoint = userAction(
  { schema: webhookEndpointFormSchema, echo: ["url", "description"], returnTo: "/webhooks" },
  async (input, { user, locale }): Promise<ActionReply<CreateEndpointState>> => {
    const created = await createEndpoint(user.id, input);
    if (created.status === "created") {
      revalidatePath(`/${locale}/webhooks`);
      return { values: {}, created: { url: created.endpoint.url, secret: created.secret } };
    }
    if (created.status === "refused") return { formError: created.reason };
    if (created.status === "verification_failed")
      return { formError: "verification_failed", verificationStatus: String(created.httpStatus ?? created.excerpt) };
    return { formError: "limit_reached" };
  },
);

const endpointAction = (
  run: (userId: string, endpointId: string, formData: FormData) => Promise<Partial<EndpointActionState>>,
) =>
  userAction(
    { schema: webhookEndpointFormId.passthrough(), identifiers: ["endpointId"], returnTo: "/webhooks" },
    async ({ endpointId }, { user, locale, formData }): Promise<ActionReply<EndpointActionState>> => {
      await notFoundUnlessFound(user.id, endpointId);
      const reply = await run(user.id, endpointId, formData);
      revalidatePath(`/${locale}/webhooks`);
      revalidatePath(`/${locale}/webhooks/${endpointId}`);
      return reply;
    },
  );

export const rotateWebhookSecret = endpointAction(async (userId, endpointId) => {
  const rotated = await rotateSecret(userId, endpointId);
  return rotated.status === "rotated" ? { secret: rotated.secret } : { formError: "not_found" };
});

export const toggleWebhookEndpoint = endpointAction(async (userId, endpointId, formData) => {
  await updateEndpoint(userId, endpointId, { enabled: formData.get("enabled") === "true" });
  return { done: true };
});

export const deleteWebhookEndpoint = endpointAction(async (userId, endpointId) => {
  await deleteEndpoint(userId, endpointId);
  return { done: true };
});

export const sendWebhookTest = userAction(
  { schema: webhookTestForm, identifiers: ["endpointId", "type"], returnTo: "/webhooks" },
  async ({ endpointId, type }, { user, locale }): Promise<ActionReply<EndpointActionState>> => {
    await notFoundUnlessFound(user.id, endpointId);
    await sendTestEvent(user.id, endpointId, type);
    revalidatePath(`/${locale}/webhooks/${endpointId}`);
    return { done: true };
  },
);

export const resendWebhookDelivery = userAction(
  { schema: webhookDeliveryFormId, identifiers: ["endpointId", "deliveryId"], returnTo: "/webhooks" },
  async ({ endpointId, deliveryId }, { user, locale }): Promise<ActionReply<EndpointActionState>> => {
    const resent = await resendDelivery(user.id, deliveryId, endpointId);
    if (resent.status === "not_found") notFound();
    revalidatePath(`/${locale}/webhooks/${endpointId}`);
    return resent.status === "resent" ? { done: true } : { formError: "endpoint_disabled" };
  },
);

// The field is Japan time, as the site shows every time.
export const replayFailedWebhooks = userAction(
  { schema: webhookReplayForm, identifiers: ["endpointId"], returnTo: "/webhooks" },
  async ({ endpointId, since }, { user, locale }): Promise<ActionReply<EndpointActionState>> => {
    const replayed = await replayFailedSince(user.id, endpointId, fromJstLocal(since));
    if (replayed.status === "not_found") notFound();
    revalidatePath(`/${locale}/webhooks/${endpointId}`);
    return replayed.status === "replayed" ? { replayed: replayed.count } : { formError: "endpoint_disabled" };
  },
);
