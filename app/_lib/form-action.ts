import "server-only";
import type { Locale } from "next-intl";
import { getLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { z } from "zod";
import type { Capability } from "@/lib/admin/capabilities";
import { requireStaffForAction, requireStaffSignIn, type StaffMember } from "@/lib/admin/guard";
import { requireUser } from "@/lib/auth/session";
import type { RateLimited } from "@/lib/result";
import {
  type AnyFormState,
  fieldErrorsOf,
  formInput,
  type RepeatedFields,
  submittedValues,
} from "@/lib/validation/form-state";

// What a handler answers: the parts of its form's state it sets (values default to the echoed
// ones, field errors to none), or a lib refusal by a rate limit, which becomes the form's
// "rate_limited" message with its wait.
export type ActionReply<State extends AnyFormState> = Partial<State> | RateLimited;

type Context = { locale: Locale; formData: FormData };
type UserContext = Context & { user: NonNullable<Awaited<ReturnType<typeof requireUser>>> };
type StaffContext = Context & { staff: StaffMember };

type ActionOptions<Schema extends z.ZodType> = {
  // Parsed from every field of the form; the browser runs the same schema before submitting.
  schema: Schema;
  // Fields sent back to refill the inputs (React resets them after an action). Never passwords.
  echo?: readonly string[];
  // Fields posted under one name more than once (a group of checkboxes), which the schema takes
  // as a list; echoed as lists. The browser's check needs the same list (useCheckedAction).
  repeated?: readonly RepeatedFields<Schema>[];
  // Hidden fields naming what the form acts on (an eSIM, a link's token). Only a forged request
  // gets one wrong, and it is answered like a thing that is not there: 404.
  identifiers?: readonly string[];
  // A form posted without useActionState has no state to show errors in: this answers instead
  // (a redirect to a page that explains).
  onInvalid?: (context: Context) => Promise<never> | never;
};

// Usable both with useActionState (previous state, form data) and as a plain <form action>
// (form data only, whose answer nobody reads), so a server-rendered form needs no client component.
export type FormAction<State> = {
  (formData: FormData): Promise<void>;
  (previous: State, formData: FormData): Promise<State>;
};

type Handler<Schema extends z.ZodType, Ctx, State extends AnyFormState> = (
  input: z.output<Schema>,
  context: Ctx,
) => Promise<ActionReply<State>>;

function formDataOf(args: [FormData] | [unknown, FormData]): FormData {
  return args.length === 1 ? args[0] : args[1];
}

function stateOf<State extends AnyFormState>(values: State["values"], reply: ActionReply<State>): State {
  if ("status" in reply && reply.status === "rate_limited") {
    return { values, fieldErrors: {}, formError: "rate_limited", retryAfterSeconds: reply.retryAfterSeconds } as State;
  }
  return { values, fieldErrors: {}, ...reply } as State;
}

function build<Schema extends z.ZodType, Ctx extends Context, State extends AnyFormState>(
  options: ActionOptions<Schema>,
  contextFor: (formData: FormData) => Promise<Ctx>,
  handler: Handler<Schema, Ctx, State>,
): FormAction<State> {
  return (async (...args: [FormData] | [unknown, FormData]) => {
    const formData = formDataOf(args);
    const context = await contextFor(formData);
    const values = submittedValues(formData, options.echo ?? [], options.repeated) as State["values"];
    const parsed = options.schema.safeParse(formInput(formData, options.repeated));
    if (!parsed.success) {
      if (parsed.error.issues.some((issue) => options.identifiers?.includes(String(issue.path[0])))) notFound();
      if (options.onInvalid) return options.onInvalid(context);
      return { values, fieldErrors: fieldErrorsOf(parsed.error) } as State;
    }
    return stateOf(values, await handler(parsed.data, context));
  }) as FormAction<State>;
}

// The path of the page a form's own fields name, for its `returnTo` and the redirects back there:
// formPath("/esims/[esimId]") reads the form's esimId. The fields are read before the schema
// checks them, so each is encoded as it stands.
export function formPath(pattern: string): (formData: FormData) => string {
  return (formData) =>
    pattern.replace(/\[(\w+)\]/g, (_, field: string) => encodeURIComponent(String(formData.get(field))));
}

// A form anyone may post (login, registration, a reset link).
export function publicAction<Schema extends z.ZodType, State extends AnyFormState>(
  options: ActionOptions<Schema>,
  handler: Handler<Schema, Context, State>,
): FormAction<State> {
  return build(options, async (formData) => ({ locale: (await getLocale()) as Locale, formData }), handler);
}

// A form for signed-in users only. A visitor whose session ended is sent to log in, and back to
// `returnTo` (a path without the language) afterwards; nothing of the form is read before that.
export function userAction<Schema extends z.ZodType, State extends AnyFormState>(
  options: ActionOptions<Schema> & { returnTo: string | ((formData: FormData) => string) },
  handler: Handler<Schema, UserContext, State>,
): FormAction<State> {
  const { returnTo } = options;
  return build(
    options,
    async (formData) => {
      const user = await requireUser(typeof returnTo === "string" ? returnTo : returnTo(formData));
      return { user, locale: (await getLocale()) as Locale, formData };
    },
    handler,
  );
}

// Which capability each console action requires, for the test that calls every one of them as
// every kind of caller (app/[locale]/(admin)/admin/access.integration.test.ts).
export const staffActionCapabilities = new WeakMap<object, { capability: Capability; name: string }>();

// A form of the operator console. Whoever may not use it (a customer, a visitor, a staff member
// without the capability or the second factor) gets a 404 before anything of the form is read,
// and a signed-in caller's attempt is written to the audit log. `name` is the action as the
// audit log shows it.
export function staffAction<Schema extends z.ZodType, State extends AnyFormState>(
  options: ActionOptions<Schema> & { capability: Capability; name: string },
  handler: Handler<Schema, StaffContext, State>,
): FormAction<State> {
  const action = build(
    options,
    async (formData) => {
      const staff = await requireStaffForAction(options.capability, options.name);
      return { staff, locale: (await getLocale()) as Locale, formData };
    },
    handler,
  );
  staffActionCapabilities.set(action, { capability: options.capability, name: options.name });
  return action;
}

// The second-factor forms: for a signed-in staff member who has not passed it yet; anyone else
// gets a 404.
export function secondFactorAction<Schema extends z.ZodType, State extends AnyFormState>(
  options: ActionOptions<Schema>,
  handler: Handler<Schema, StaffContext, State>,
): FormAction<State> {
  return build(
    options,
    async (formData) => ({ staff: await requireStaffSignIn(), locale: (await getLocale()) as Locale, formData }),
    handler,
  );
}
