import { describe, expect, it } from "vitest";
import { jstDate } from "../../lib/time/jst";
import { demoStory } from "./story";

const DAY = 86_400_000;

// Just after midnight, early morning, midday and the last second of a Japan day.
const CLOCKS = ["2026-12-01T15:00:20Z", "2026-12-01T23:30:00Z", "2026-12-02T04:00:00Z", "2026-12-02T14:59:59Z"];

describe("the demo story", () => {
  it.each(CLOCKS)("at %s has nothing after now, and usage on each of the active eSIM's six days", (clock) => {
    const now = new Date(clock);
    const story = demoStory(now);
    const steps = story.flatMap((order) => order.esims.flat());
    for (const instant of [...story.map((order) => order.at), ...steps.map((step) => step.at)])
      expect(instant <= now).toBe(true);
    for (const step of steps.filter((step) => step.kind === "usage")) {
      expect(step.receivedAt >= step.at && step.receivedAt <= now).toBe(true);
      expect(step.dataMb).toBeGreaterThan(0);
    }

    const active = story[0]!.esims[0]!;
    const days = new Set(active.flatMap((step) => (step.kind === "usage" ? [jstDate(step.at)] : [])));
    expect([...days]).toEqual([5, 4, 3, 2, 1, 0].map((daysAgo) => jstDate(new Date(now.getTime() - daysAgo * DAY))));
  });

  it("keeps the active plan between 75 % and 90 % used, whatever the time of day", () => {
    for (const clock of CLOCKS) {
      const used = demoStory(new Date(clock))[0]!.esims[0]!.reduce(
        (sum, step) => sum + (step.kind === "usage" ? step.dataMb : 0),
        0,
      );
      // docomo-3gb-7d: 3,072 MB.
      expect(used / 3072).toBeGreaterThan(0.75);
      expect(used / 3072).toBeLessThan(0.9);
    }
  });
});
