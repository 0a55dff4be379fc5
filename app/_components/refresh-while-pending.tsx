"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Asks the server again every few seconds while the payment is unconfirmed, for up to a minute.
export function RefreshWhilePending({ intervalMs = 2000, maxTries = 30 }: { intervalMs?: number; maxTries?: number }) {
  const router = useRouter();
  useEffect(() => {
    let tries = 0;
    const timer = setInterval(() => {
      tries += 1;
      if (tries > maxTries) clearInterval(timer);
      else router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs, maxTries]);
  return null;
}
