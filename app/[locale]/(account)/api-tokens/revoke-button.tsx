"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { revokeToken } from "./actions";

// Revoking stops every integration using the token at once, so it is confirmed first.
export function RevokeButton({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useTranslations("ApiTokens");
  const [, formAction, pending] = useActionState(revokeToken, { values: {}, fieldErrors: {} });
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(t("revokeConfirm", { name }))) event.preventDefault();
      }}
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t("revokeLabel", { name })}
        className="rounded-md border border-slate-400 px-3 py-1 text-sm font-semibold hover:bg-slate-50 disabled:opacity-60"
      >
        {t("revoke")}
      </button>
    </form>
  );
}
