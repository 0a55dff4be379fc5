import Stripe from "stripe";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { log } from "@/lib/log";
import { bodyText, readBoundedBody } from "@/lib/http/bounded-body";
import { handleWebhookEvent } from "@/lib/payments/webhook-events";
import { verifyWebhookEvent } from "@/lib/payments/webhook-signature";

// Stripe's checkout events are a few kB; anything near this is not one of them.
const MAX_EVENT_BYTES = 1024 * 1024;

// One endpoint for real Stripe and the local test-mode checkout (whoever holds the signing
// secret; anyone else gets 400). The signature covers the raw body, so it is read as text
// before anything parses it.
export async function POST(request: Request) {
  const body = await readBoundedBody(request, MAX_EVENT_BYTES);
  if (body.status === "too_large") {
    return Response.json({ error: "body_too_large", message: "The body must be at most 1 MB." }, { status: 413 });
  }
  const payload = bodyText(body.bytes);
  let event: Stripe.Event;
  try {
    event = verifyWebhookEvent(payload, request.headers.get("stripe-signature"));
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) throw error;
    return Response.json(
      { error: "invalid_signature", message: "The Stripe-Signature header does not match this payload." },
      { status: 400 },
    );
  }
  let result: Awaited<ReturnType<typeof handleWebhookEvent>>;
  try {
    result = await handleWebhookEvent(event);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    // Nothing was recorded; Stripe (and the local checkout) deliver the event again later.
    log.warn({ eventId: event.id, err: error }, "webhook refused: the database is unavailable");
    return Response.json({ received: false, result: "unavailable" }, { status: 503, headers: { "retry-after": "5" } });
  }
  // Any non-2xx makes Stripe deliver the event again later.
  return Response.json({ received: true, result: result.status }, { status: result.status === "retry" ? 503 : 200 });
}
