"use client";

import { usePathname } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";

// The header and the landing page read no session on the server (every view of a public page
// would pay for it); the browser asks Auth.js once per navigation instead. `undefined` means
// not known yet.
let signedIn: boolean | undefined;
const listeners = new Set<() => void>();
let pending: Promise<void> | undefined;

function refresh() {
  pending ??= fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" })
    .then((response) => (response.ok ? response.json() : null))
    .then((session: { user?: unknown } | null) => Boolean(session?.user))
    .catch(() => signedIn)
    .then((value) => {
      signedIn = value;
      for (const listener of listeners) listener();
    })
    .finally(() => {
      pending = undefined;
    });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Logging in or out ends with a redirect, so a new path is when the answer may have changed.
export function useSignedIn(): boolean | undefined {
  const pathname = usePathname();
  useEffect(refresh, [pathname]);
  return useSyncExternalStore(
    subscribe,
    () => signedIn,
    () => undefined,
  );
}
