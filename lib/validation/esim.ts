import { z } from "zod";
import { LIFECYCLE_EVENTS } from "../esim/lifecycle";

export const lifecycleEventSchema = z.object({
  event: z.enum(LIFECYCLE_EVENTS, { error: "event must be one of download, install, enable, disable, delete" }),
});

// Deleting cannot be undone, so the form must say it was meant.
export const lifecycleFormSchema = lifecycleEventSchema.extend({ confirm: z.literal("yes").optional() }).refine(
  ({ event, confirm }) => event !== "delete" || confirm === "yes",
  { path: ["confirm"], error: "delete_unconfirmed" },
);

export const esimIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/);
