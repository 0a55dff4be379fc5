"use client";

import { usePathname } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";

// The header and the landing page read no session on the server (every view of a public page
// would pay for it); the browser asks Auth.js once per navigation instead. `undefined` means
// not known yet.
type SignedInAccount = { role: string } | null;
let account: SignedInAccount | undefined;
const listeners = new Set<() => void>();
let pending: Promise<void> | undefined;

function refresh() {
  pending ??= fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" })
    .then((response) => (response.ok ? response.json() : null))
    .then((session: { user?: { role?: string } } | null) => (session?.user ? { role: session.user.role ?? "" } : null))
    .catch(() => account)
    .then((value) => {
      account = value;
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
// null when signed out; the role only decides whether the console is linked.
export function useSignedInAccount(): SignedInAccount | undefined {
  const pathname = usePathname();
  useEffect(refresh, [pathname]);
  return useSyncExternalStore(
    subscribe,
    () => account,
    () => undefined,
  );
}

export function useSignedIn(): boolean | undefined {
  const signedIn = useSignedInAccount();
  return signedIn === undefined ? undefined : signedIn !== null;
}
