import { Prisma } from "@prisma/client";

// A write refused by a unique index: the database, not a prior read, decides who got there first.
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// Prisma's codes for a server it cannot reach, a connect that timed out, a connection it closed.
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017"]);
// What the pg driver adapter calls the same failures.
const UNREACHABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
// Socket errors, and SQLSTATEs of a server going away or not yet up: class 08 (connection
// exception), 57P01–57P03 (shutting down, crashed, starting up).
const UNREACHABLE_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|08...|57P0[123])$/;
// pg's own errors for a connect that timed out and a connection lost mid-query carry no code.
const UNREACHABLE_MESSAGES = /timeout exceeded when trying to connect|Connection terminated/;

type ErrorLike = { code?: unknown; message?: unknown; meta?: unknown; cause?: unknown };

function unreachable(error: ErrorLike): boolean {
  if (
    typeof error.code === "string" &&
    (UNREACHABLE_PRISMA_CODES.has(error.code) || UNREACHABLE_CODES.test(error.code))
  )
    return true;
  const adapter = (error.meta as { driverAdapterError?: { cause?: { kind?: string; code?: string } } } | undefined)
    ?.driverAdapterError?.cause;
  if (adapter?.kind && UNREACHABLE_ADAPTER_KINDS.has(adapter.kind)) return true;
  if (adapter?.kind === "postgres" && UNREACHABLE_CODES.test(adapter.code ?? "")) return true;
  return typeof error.message === "string" && UNREACHABLE_MESSAGES.test(error.message);
}

// Raised where an outage was noticed earlier and only its consequence remains (a session that
// could not be checked).
export class DatabaseUnavailableError extends Error {
  constructor() {
    super("The database is unreachable");
  }
}

// The database is down or restarting (not a bad query): the request may succeed if tried again
// shortly, so it is answered 503 rather than 500.
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    if (current instanceof DatabaseUnavailableError) return true;
    if (unreachable(current as ErrorLike)) return true;
    current = (current as ErrorLike).cause;
  }
  return false;
}
