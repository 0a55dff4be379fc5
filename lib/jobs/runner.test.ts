import { EventEmitter } from "node:events";
import { run, type Runner } from "graphile-worker";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startJobRunner, stopJobRunner } from "./runner";

vi.mock("graphile-worker", async (original) => ({
  ...(await original<typeof import("graphile-worker")>()),
  run: vi.fn(),
}));

function fakeRunner() {
  const runner = { events: new EventEmitter(), stop: vi.fn(async () => undefined) };
  return runner as typeof runner & Runner;
}

const workerDies = (runner: Runner) =>
  (runner.events as unknown as EventEmitter).emit("worker:fatalError", { error: new Error("connection lost") });

describe("the job runner", () => {
  afterEach(() => vi.useRealTimers());

  it("is replaced by a new one when a worker dies, as soon as the database lets it start", async () => {
    vi.useFakeTimers();
    const [first, second] = [fakeRunner(), fakeRunner()];
    vi.mocked(run)
      .mockResolvedValueOnce(first)
      .mockRejectedValueOnce(new Error("the database is still down"))
      .mockResolvedValueOnce(second);
    expect(await startJobRunner()).toBe(first);

    workerDies(first);
    await vi.advanceTimersByTimeAsync(0);
    expect(first.stop).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(run).toHaveBeenCalledTimes(3);
    expect(await startJobRunner()).toBe(second);

    // Stopping the process stops the runner now in charge, and a later death is handled too.
    await stopJobRunner();
    expect(second.stop).toHaveBeenCalledTimes(1);
    vi.mocked(run).mockResolvedValueOnce(fakeRunner());
    workerDies(second);
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(4);
  });
});
