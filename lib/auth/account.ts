import "server-only";
import { cache } from "react";
import { db } from "../db/client";

// The signed-in account, read once per request: the session check in the jwt callback and
// the pages asking who is signed in (session.ts) share this one primary-key read.
export const accountById = cache((id: string) =>
  db.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerified: true,
      phone: true,
      locale: true,
      createdAt: true,
      sessionsValidFrom: true,
      role: true,
      lockedAt: true,
    },
  }),
);
