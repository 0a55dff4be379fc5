import { z } from "zod";
import { isValidEid } from "../esim/eid";
import { LIFECYCLE_EVENTS } from "../esim/lifecycle";

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

// Deleting cannot be undone, so the form must say it was meant.
export const lifecycleFormSchema = z
  .object({ event: lifecycleEvent, confirm: z.literal("yes").optional() })
  .refine(({ event, confirm }) => event !== "delete" || confirm === "yes", {
    path: ["confirm"],
    error: "delete_unconfirmed",
  });

export const esimIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/);
