import { describe, expect, it } from "vitest";
import { MAX_QUEUED_PER_ESIM, oneAtATime } from "./one-at-a-time";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("work on one eSIM", () => {
  it("runs one at a time, in arrival order, and other eSIMs are not held up", async () => {
    const log: string[] = [];
    const step = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([
      oneAtATime("a", step("a1")),
      oneAtATime("a", step("a2")),
      oneAtATime("b", step("b1")),
    ]);
    expect(results).toEqual([
      { status: "done", value: "a1" },
      { status: "done", value: "a2" },
      { status: "done", value: "b1" },
    ]);
    expect(log.indexOf("a2 start")).toBeGreaterThan(log.indexOf("a1 end"));
    expect(log.indexOf("b1 start")).toBeLessThan(log.indexOf("a1 end"));
  });

  it("goes on after a failure, which reaches only its own caller", async () => {
    const failing = oneAtATime("c", async () => {
      throw new Error("lock timeout");
    });
    const next = oneAtATime("c", async () => "after");
    await expect(failing).rejects.toThrow("lock timeout");
    expect(await next).toEqual({ status: "done", value: "after" });
  });

  it("turns callers away once too many are waiting for one eSIM", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const queued = Array.from({ length: MAX_QUEUED_PER_ESIM + 3 }, () => oneAtATime("d", () => gate));
    release();
    const results = await Promise.all(queued);
    expect(results.filter((result) => result.status === "busy")).toHaveLength(3);
    expect(await oneAtATime("d", async () => "free again")).toEqual({ status: "done", value: "free again" });
  });
});
