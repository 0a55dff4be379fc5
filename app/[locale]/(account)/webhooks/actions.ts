"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { type ActionReply, userAction } from "@/app/_lib/form-action";
import { endpointOfForm } from "@/app/_lib/webhook-target";
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
import { createEndpoint, deleteEndpoint, rotateSecret, updateEndpoint } from "@/lib/webhooks/endpoints";

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
// session's user id, and an id that is not theirs is answered 404 (endpointOfForm, or the lib's
// own not_found).

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

const endpointForm = { schema: webhookEndpointFormId, identifiers: ["endpointId"], returnTo: "/webhooks" } as const;

// The list shows each endpoint's state, and its own page the rest.
function endpointChanged(locale: string, endpointId: string) {
  revalidatePath(`/${locale}/webhooks`);
  revalidatePath(`/${locale}/webhooks/${endpointId}`);
}

export const rotateWebhookSecret = userAction(
  endpointForm,
  async ({ endpointId }, { user, locale }): Promise<ActionReply<EndpointActionState>> => {
    await endpointOfForm(user.id, endpointId);
    const rotated = await rotateSecret(user.id, endpointId);
    endpointChanged(locale, endpointId);
    return rotated.status === "rotated" ? { secret: rotated.secret } : { formError: "not_found" };
  },
);

export const toggleWebhookEndpoint = userAction(
  endpointForm,
  async ({ endpointId }, { user, locale, formData }): Promise<ActionReply<EndpointActionState>> => {
    await endpointOfForm(user.id, endpointId);
    await updateEndpoint(user.id, endpointId, { enabled: formData.get("enabled") === "true" });
    endpointChanged(locale, endpointId);
    return { done: true };
  },
);

export const deleteWebhookEndpoint = userAction(
  endpointForm,
  async ({ endpointId }, { user, locale }): Promise<ActionReply<EndpointActionState>> => {
    await endpointOfForm(user.id, endpointId);
    await deleteEndpoint(user.id, endpointId);
    endpointChanged(locale, endpointId);
    return { done: true };
  },
);

export const sendWebhookTest = userAction(
  { schema: webhookTestForm, identifiers: ["endpointId", "type"], returnTo: "/webhooks" },
  async ({ endpointId, type }, { user, locale }): Promise<ActionReply<EndpointActionState>> => {
    await endpointOfForm(user.id, endpointId);
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
