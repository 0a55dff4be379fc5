import { z } from "./zod";
import { esimIdSchema } from "./esim";

// What each QA scenario may ask for. The limits keep a scenario within what a phone on a
// traveller's plan does: at most 100 GB, three days of streaming, a day-long outage.
export const SCENARIO_LIMITS = {
  mb: { min: 1, max: 102_400 },
  hours: { min: 1, max: 72 },
  deadZoneMinutes: { min: 5, max: 1440 },
  outageMinutes: { min: 1, max: 1440 },
} as const;

export const SCENARIO_TYPES = ["usage_stream", "dead_zone", "smdp_outage", "profile_deleted"] as const;
export type ScenarioType = (typeof SCENARIO_TYPES)[number];

// JSON sends numbers; a form sends the same numbers as text.
function scenarioSchemaOf(number: (name: string) => z.ZodNumber | z.ZodCoercedNumber) {
  const whole = (name: string, { min, max }: { min: number; max: number }) =>
    number(name)
      .int({ error: `${name} must be a whole number` })
      .min(min, { error: `${name} must be at least ${min}` })
      .max(max, { error: `${name} must be at most ${max}` });
  const mb = whole("mb", SCENARIO_LIMITS.mb);
  return z.discriminatedUnion(
    "type",
    [
      z.object({ type: z.literal("usage_stream"), mb, hours: whole("hours", SCENARIO_LIMITS.hours) }),
      z.object({ type: z.literal("dead_zone"), mb, minutes: whole("minutes", SCENARIO_LIMITS.deadZoneMinutes) }),
      z.object({ type: z.literal("smdp_outage"), minutes: whole("minutes", SCENARIO_LIMITS.outageMinutes) }),
      z.object({ type: z.literal("profile_deleted") }),
    ],
    { error: `type must be one of ${SCENARIO_TYPES.join(", ")}` },
  );
}

// The API's body: one scenario, named by `type`.
export const scenarioSchema = scenarioSchemaOf((name) => z.number({ error: `${name} must be a number` }));
export type Scenario = z.output<typeof scenarioSchema>;

// The eSIM page's forms, which name the eSIM by id.
export const scenarioFormSchema = z.intersection(
  z.object({ esimId: esimIdSchema }),
  scenarioSchemaOf((name) => z.coerce.number({ error: `${name} must be a number` })),
);
