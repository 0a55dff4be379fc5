import { Prisma } from "@prisma/client";

// A write refused by a unique index: the database, not a prior read, decides who got there first.
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
