import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./errors";

const known = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError("failed", { code, clientVersion: "6", meta });
const adapter = (cause: Record<string, unknown>) => ({ driverAdapterError: { name: "DriverAdapterError", cause } });
const withCode = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe("isDatabaseUnavailable", () => {
  it.each([
    ["Prisma: server unreachable", known("P1001")],
    ["Prisma: connect timed out", known("P1002")],
    ["Prisma: server closed the connection", known("P1017")],
    ["raw query, adapter says unreachable", known("P2010", adapter({ kind: "DatabaseNotReachable" }))],
    ["adapter: connection closed", known("P2010", adapter({ kind: "ConnectionClosed" }))],
    ["adapter: server shutting down", known("P2010", adapter({ kind: "postgres", code: "57P01" }))],
    ["adapter: server starting up", known("P2010", adapter({ kind: "postgres", code: "57P03" }))],
    ["pg: connection refused", withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")],
    ["pg: connection failure SQLSTATE", withCode("connection failure", "08006")],
    ["pg: pool connect timeout", withCode("timeout exceeded when trying to connect")],
    ["pg: lost mid-query", withCode("Connection terminated unexpectedly")],
    ["wrapped in a cause", new Error("outer", { cause: withCode("refused", "ECONNREFUSED") })],
  ])("%s → unavailable", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["unique violation", known("P2002")],
    ["record not found", known("P2025")],
    ["adapter: syntax error", known("P2010", adapter({ kind: "postgres", code: "42601" }))],
    ["serialization failure", withCode("could not serialize", "40001")],
    ["plain error", new Error("boom")],
    ["not an error", "ECONNREFUSED"],
    ["nothing", undefined],
  ])("%s → not unavailable", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
