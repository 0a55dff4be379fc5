"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type EndpointActionState, rotateWebhookSecret } from "./actions";
import { BUTTON } from "./button-style";
import { ShownOnce } from "./shown-once";

const initialState: EndpointActionState = { values: {}, fieldErrors: {} };

// Confirmed first: the receiver must take the new secret within the 24 hours of overlap.
export function RotateForm({ endpointId }: { endpointId: string }) {
  const t = useTranslations("Webhooks");
  const [state, formAction, pending] = useActionState(rotateWebhookSecret, initialState);
  return (
    <div className="space-y-2">
      <form
        action={formAction}
        onSubmit={(event) => {
          if (!window.confirm(t("rotateConfirm"))) event.preventDefault();
        }}
      >
        <input type="hidden" name="endpointId" value={endpointId} />
        <button type="submit" disabled={pending} className={BUTTON}>
          {t("rotate")}
        </button>
      </form>
      {state.secret && <ShownOnce key={state.secret} secret={state.secret} />}
    </div>
  );
}
