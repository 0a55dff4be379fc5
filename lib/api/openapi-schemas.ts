import { API_ERROR_CODES } from "./error-codes";
import { nullableInstant, ref } from "./openapi-common";

// The objects the API answers with, as OpenAPI 3.1 (JSON Schema 2020-12) components.

const price = {
  type: "object",
  required: ["amount", "currency"],
  properties: {
    amount: { type: "integer", description: "In the currency's minor units; JPY has none, so 880 is ¥880." },
    currency: { type: "string", examples: ["JPY"] },
  },
};

export const schemas = {
  Usage: {
    type: "object",
    required: [
      "iccid",
      "status",
      "total",
      "remaining",
      "is_unlimited",
      "expired_at",
      "total_voice",
      "remaining_voice",
      "as_of",
      "carrier",
      "plan",
      "profile_state",
      "eid",
    ],
    properties: {
      iccid: { type: "string", examples: ["8981100022152967705"] },
      status: {
        enum: ["NOT_ACTIVE", "ACTIVE", "FINISHED", "EXPIRED"],
        description:
          "NOT_ACTIVE until first use on the network; FINISHED when no data is left; EXPIRED after the validity ends or once deleted.",
      },
      total: {
        type: ["integer", "null"],
        minimum: 0,
        description: "Data credited, in bytes (plan and top-ups); null for unlimited plans.",
      },
      remaining: {
        type: ["integer", "null"],
        minimum: 0,
        description: "Data left, in bytes; null for unlimited plans.",
      },
      is_unlimited: { type: "boolean" },
      expired_at: nullableInstant("When the validity ends (23:59:59 on the last day); null before first use."),
      total_voice: { type: "integer", minimum: 0, description: "Call time credited, in seconds." },
      remaining_voice: { type: "integer", minimum: 0, description: "Call time left, in seconds." },
      as_of: nullableInstant(
        "When the last usage record was received, i.e. how fresh these figures are; null before any.",
      ),
      carrier: { enum: ["DOCOMO", "KDDI_AU", "SOFTBANK"] },
      plan: { type: "string", description: "The plan's slug.", examples: ["au-1gb-3d"] },
      profile_state: {
        enum: ["released", "downloaded", "installed", "enabled", "disabled", "deleted", "revoked"],
        description: "Where the profile is in its install lifecycle (see `POST /esims/{iccid}/events`).",
      },
      eid: {
        type: ["string", "null"],
        description: "The EID of the phone the profile was downloaded to; null before the download.",
        examples: ["89001012012341234012345678901224"],
      },
    },
  },
  TopUp: {
    type: "object",
    required: ["id", "data_bytes", "days_added", "price"],
    properties: {
      id: { type: "string", description: "The pack's slug.", examples: ["au-topup-1gb-7d"] },
      data_bytes: { type: "integer", minimum: 0 },
      days_added: { type: "integer", minimum: 0, description: "Days added to the validity." },
      price,
    },
  },
  TopUpWindow: {
    type: "object",
    required: ["open", "closes_at", "reason"],
    properties: {
      open: { type: "boolean" },
      closes_at: nullableInstant("When top-ups stop being sold; null while the plan has not started, or when closed."),
      reason: { enum: ["deleted", "grace_over", null], description: "Why the window is closed; null while open." },
    },
  },
  Plan: {
    type: "object",
    required: [
      "id",
      "carrier",
      "carrier_name",
      "kind",
      "data_bytes",
      "days",
      "voice_seconds",
      "fair_use_daily_bytes",
      "throttled_kbps",
      "price",
      "sale",
      "buy_one_get_one",
      "topups",
    ],
    properties: {
      id: { type: "string", description: "The plan's slug; the `plan` of an order.", examples: ["au-1gb-3d"] },
      carrier: { enum: ["DOCOMO", "KDDI_AU", "SOFTBANK"] },
      carrier_name: { type: "string", examples: ["au (KDDI)"] },
      kind: { enum: ["data_pack", "unlimited"] },
      data_bytes: { type: ["integer", "null"], minimum: 0, description: "Null for unlimited plans." },
      days: { type: "integer", minimum: 1, description: "Validity from first use, counted in Japan days." },
      voice_seconds: { type: "integer", minimum: 0 },
      fair_use_daily_bytes: {
        type: ["integer", "null"],
        minimum: 0,
        description: "Unlimited plans: full speed up to this much a Japan day, then throttled.",
      },
      throttled_kbps: { type: ["integer", "null"], minimum: 0 },
      price: { ...price, description: "The list price of one eSIM." },
      sale: {
        type: ["object", "null"],
        required: ["amount", "ends_at"],
        properties: {
          amount: { type: "integer", description: "The sale price of one eSIM, in minor units." },
          ends_at: nullableInstant("When the sale ends; null for an open-ended one."),
        },
        description: "The best sale running now; null when none. Orders are priced with it.",
      },
      buy_one_get_one: { type: "boolean", description: "Whether a second eSIM of this plan is free right now." },
      topups: { type: "array", items: ref("TopUp"), description: "Packs an eSIM of this plan can take later." },
    },
  },
  Order: {
    type: "object",
    required: [
      "ref",
      "kind",
      "status",
      "plan",
      "topup",
      "esim",
      "quantity",
      "promo_code",
      "amounts",
      "esims",
      "checkout_url",
      "created_at",
      "paid_at",
    ],
    properties: {
      ref: { type: "string", pattern: "^TB-[A-Z0-9]{8}$", description: "The reference the buyer's emails show." },
      kind: { enum: ["esim", "topup"] },
      status: {
        enum: ["pending", "paid", "fulfilled", "failed", "expired", "refunded", "partially_refunded"],
        description:
          "pending until paid; fulfilled once the eSIMs are issued (or the top-up credited); expired when the checkout lapsed unpaid (24 hours); refunded when it could not be delivered or was given back in full; partially_refunded when part of what was paid was given back.",
      },
      plan: { type: ["string", "null"], description: "eSIM orders: the plan's id." },
      topup: { type: ["string", "null"], description: "Top-ups: the pack's id." },
      esim: { type: ["string", "null"], description: "Top-ups: the ICCID of the eSIM credited." },
      quantity: { type: "integer", minimum: 1 },
      promo_code: { type: ["string", "null"] },
      amounts: {
        type: "object",
        required: ["unit", "subtotal", "discount", "total", "currency"],
        properties: {
          unit: { type: "integer" },
          subtotal: { type: "integer" },
          discount: { type: "integer", description: "Sales and the promo code together." },
          total: { type: "integer", description: "What the end user pays, in minor units." },
          currency: { type: "string", examples: ["JPY"] },
        },
      },
      esims: {
        type: "array",
        items: { type: "string" },
        description: "The ICCIDs this order issued, once fulfilled; read each one's usage at /esims/{iccid}/usage.",
      },
      checkout_url: {
        type: ["string", "null"],
        format: "uri",
        description:
          "Where the end user pays. Given in the answer that opened the order, and when one pending order is read by `ref` while its checkout is open; null otherwise (and in lists).",
      },
      created_at: nullableInstant("When the order was opened."),
      paid_at: nullableInstant("When it was paid; null until then."),
    },
  },
  Error: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: { enum: API_ERROR_CODES },
          message: { type: "string", description: "For people; may change. Match on `code`." },
          decline_code: {
            type: "string",
            description: "`card_declined`: Stripe's decline code, such as `insufficient_funds`.",
          },
          order: { type: "string", description: "`card_declined`: the reference of the order left unpaid." },
          checkout_url: { type: "string", description: "`card_declined`: where the order can still be paid." },
          reason: {
            type: "string",
            description:
              "`promo_code_refused`: code_unknown, code_not_started, code_expired, code_used_up, code_already_used, code_in_use or code_not_applicable. `topup_unavailable`: wrong_carrier, deleted or grace_over.",
          },
        },
      },
    },
  },
};
