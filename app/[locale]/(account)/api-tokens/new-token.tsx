"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

// The raw token, this once: only its hash is kept, so a lost token is replaced, not recovered.
export function NewToken({ name, token }: { name: string; token: string }) {
  const t = useTranslations("ApiTokens");
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"copied" | "failed" | null>(null);

  return (
    <section aria-labelledby="new-token-title" className="rounded-lg border border-emerald-300 bg-emerald-50 p-4">
      <h3 id="new-token-title" className="font-semibold text-emerald-950">
        {t("createdTitle", { name })}
      </h3>
      <p role="alert" className="mt-1 text-sm font-medium text-emerald-950">
        {t("createdWarning")}
      </p>
      <label htmlFor="new-token" className="mt-3 block text-sm font-medium">
        {t("tokenLabel")}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="new-token"
          ref={input}
          readOnly
          value={token}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm"
          data-testid="new-api-token"
        />
        <button
          type="button"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(token);
              setCopy("copied");
            } catch {
              // No clipboard access (a plain-http address, or permission refused): select it for the visitor to copy.
              input.current?.select();
              setCopy("failed");
            }
          }}
          className="shrink-0 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-semibold hover:bg-slate-50"
        >
          {t("copy")}
        </button>
      </div>
      <p aria-live="polite" className="mt-1 text-sm text-emerald-900">
        {copy && t(copy === "copied" ? "copied" : "copyFailed")}
      </p>
    </section>
  );
}
