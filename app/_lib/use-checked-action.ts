"use client";

import { type FormEvent, useActionState, useState } from "react";
import type { z } from "zod";
import { type FormState, fieldErrorsOf } from "@/lib/validation/form-state";

// A form's server action with its zod schema checked in the browser first: a form the server
// would refuse is not sent, and its errors show at once. The action checks again.
export function useCheckedAction<State extends FormState<string, string>>(
  schema: z.ZodType,
  action: (previous: Awaited<State>, formData: FormData) => Promise<State>,
  initialState: Awaited<State>,
) {
  const [state, formAction] = useActionState(action, initialState);
  const [clientErrors, setClientErrors] = useState<State["fieldErrors"] | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const parsed = schema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    setClientErrors(parsed.success ? null : fieldErrorsOf(parsed.error));
    if (!parsed.success) event.preventDefault();
  };
  return { state, formAction, fieldErrors: clientErrors ?? state.fieldErrors, onSubmit };
}
