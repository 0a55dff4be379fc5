import { describe, expect, it } from "vitest";
import { MAX_RECORD_BYTES, MAX_RECORD_VOICE_SECONDS } from "../balance/usage";
import { MAX_USAGE_DATA_BYTES, MAX_USAGE_VOICE_SECONDS, usageRecordSchema } from "../validation/api";

const now = new Date("2026-12-01T03:00:00Z");
const parse = (body: unknown) => usageRecordSchema(now).safeParse(body);
const messageOf = (body: unknown) => {
  const result = parse(body);
  return result.success ? null : result.error.issues[0]?.message;
};

describe("the usage record body", () => {
  it("has the ledger's limits", () => {
    expect(BigInt(MAX_USAGE_DATA_BYTES)).toBe(MAX_RECORD_BYTES);
    expect(MAX_USAGE_VOICE_SECONDS).toBe(MAX_RECORD_VOICE_SECONDS);
  });

  it("becomes a usage input, with bytes as a bigint", () => {
    expect(
      parse({
        record_id: "cdr:2026-12-01.001_a-b",
        data_bytes: 107_374_182_400,
        voice_seconds: 60,
        occurred_at: "2026-12-01T12:04:00+09:00",
      }),
    ).toEqual({
      success: true,
      data: {
        recordId: "cdr:2026-12-01.001_a-b",
        dataBytes: 107_374_182_400n,
        voiceSeconds: 60,
        occurredAt: new Date("2026-12-01T03:04:00Z"),
      },
    });
    expect(parse({ record_id: "r1", voice_seconds: 1 })).toMatchObject({
      success: true,
      data: { dataBytes: 0n, occurredAt: undefined },
    });
  });

  it.each([
    [{ record_id: "r1", data_bytes: -1 }, "data_bytes"],
    [{ record_id: "r1", data_bytes: 1.5 }, "data_bytes"],
    [{ record_id: "r1", data_bytes: 107_374_182_401 }, "data_bytes"],
    [{ record_id: "r1", data_bytes: 1e300 }, "data_bytes"],
    [{ record_id: "r1", data_bytes: "1024" }, "data_bytes"],
    [{ record_id: "r1", voice_seconds: 86_401 }, "voice_seconds"],
    [{ record_id: "r1", voice_seconds: null }, "voice_seconds"],
    [{ data_bytes: 1 }, "record_id"],
    [{ record_id: "", data_bytes: 1 }, "record_id"],
    [{ record_id: "a b", data_bytes: 1 }, "record_id"],
    [{ record_id: "x".repeat(101), data_bytes: 1 }, "record_id"],
    [{ record_id: "r1", data_bytes: 1, occurred_at: "2026-12-01T12:00:00" }, "occurred_at"],
    [{ record_id: "r1", data_bytes: 1, occurred_at: "yesterday" }, "occurred_at"],
    [{ record_id: "r1", data_bytes: 1, occurred_at: "2026-12-01T03:05:01Z" }, "5 minutes in the future"],
    [{ record_id: "r1" }, "greater than 0"],
    [{ record_id: "r1", data_bytes: 0, voice_seconds: 0 }, "greater than 0"],
    [{ record_id: "r1", data_bytes: 1, dataBytes: 1 }, "dataBytes"],
    [[], "JSON object"],
    [null, "JSON object"],
  ])("refuses %j, saying what is wrong", (body, mentioned) => {
    expect(messageOf(body)).toContain(mentioned);
  });

  it("allows a record stamped up to 5 minutes ahead of the eSIM's clock", () => {
    expect(parse({ record_id: "r1", data_bytes: 1, occurred_at: "2026-12-01T03:05:00Z" }).success).toBe(true);
  });
});
