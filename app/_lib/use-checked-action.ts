"use client";

import { type FormEvent, useActionState, useState } from "react";
import type { z } from "zod";
import { type AnyFormState, fieldErrorsOf, formInput, type RepeatedFields } from "@/lib/validation/form-state";

// A form's server action with its zod schema checked in the browser first: a form the server
// would refuse is not sent, and its errors show at once. The action checks again. `repeated`
// names the same list fields as the action's option.
export function useCheckedAction<State extends AnyFormState, Schema extends z.ZodType = z.ZodType>(
  schema: Schema,
  action: (previous: Awaited<State>, formData: FormData) => Promise<State>,
  initialState: Awaited<State>,
  { repeated }: { repeated?: readonly RepeatedFields<Schema>[] } = {},
) {
  const [state, formAction] = useActionState(action, initialState);
  const [clientErrors, setClientErrors] = useState<State["fieldErrors"] | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const parsed = schema.safeParse(formInput(new FormData(event.currentTarget), repeated));
    setClientErrors(parsed.success ? null : fieldErrorsOf(parsed.error));
    if (!parsed.success) event.preventDefault();
  };
  return { state, formAction, fieldErrors: clientErrors ?? state.fieldErrors, onSubmit };
}
