import { z } from "./zod";
import { isValidEid } from "../esim/eid";
import { LIFECYCLE_EVENTS } from "../esim/lifecycle";
import { linkTokenSchema } from "./auth";

const lifecycleEvent = z.enum(LIFECYCLE_EVENTS, {
  error: "event must be one of download, install, enable, disable, delete",
});

// What a phone reports. A download may name the phone (its EID); without one, the simulator
// picks a phone.
export const lifecycleEventSchema = z
  .object({
    event: lifecycleEvent,
    eid: z
      .string()
      .refine(isValidEid, { error: "eid must be the phone's EID: 32 digits starting with 89, with valid check digits" })
      .optional(),
  })
  .refine(({ event, eid }) => eid === undefined || event === "download", {
    path: ["eid"],
    error: "eid is only reported with the download event",
  });

export const esimIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/);

// Forms on the owner's eSIM pages name the eSIM by its id.
export const esimFormSchema = z.object({ esimId: esimIdSchema });

// A lifecycle form names its eSIM by id on the owner's pages, or by the activation link's token
// on a phone that is not signed in. Deleting cannot be undone, so the form must say it was meant.
export const lifecycleFormSchema = z
  .object({
    esimId: esimIdSchema.optional(),
    token: linkTokenSchema.optional(),
    event: lifecycleEvent,
    confirm: z.literal("yes").optional(),
  })
  .refine(({ esimId, token }) => (esimId === undefined) !== (token === undefined), {
    path: ["esimId"],
    error: "esim_unnamed",
  })
  .refine(({ event, confirm }) => event !== "delete" || confirm === "yes", {
    path: ["confirm"],
    error: "delete_unconfirmed",
  });

export const SIMULATIONS = ["data", "call", "advance"] as const;
export const simulationFormSchema = esimFormSchema.extend({ action: z.enum(SIMULATIONS) });

export const topUpFormSchema = esimFormSchema.extend({ pack: z.string().regex(/^[a-z0-9-]{1,80}$/) });
