import { EventEmitter } from "node:events";
import { run, type Runner } from "graphile-worker";
import { afterEach, describe, expect, it, vi } from "vitest";
import { forgetWorkers, HEARTBEAT_INTERVAL_MS, recordHeartbeat } from "./heartbeats";
import { startJobRunner, stopJobRunner } from "./runner";

vi.mock("./heartbeats", () => ({
  HEARTBEAT_INTERVAL_MS: 10_000,
  recordHeartbeat: vi.fn(async () => undefined),
  forgetWorkers: vi.fn(async () => undefined),
}));

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

  it("says its workers are alive until the runner stops, and forgets only those that stopped cleanly", async () => {
    vi.useFakeTimers();
    await stopJobRunner();
    vi.mocked(run).mockClear();
    // A runner already in place (the test above) is replaced once it loses a worker.
    vi.mocked(run).mockResolvedValueOnce(fakeRunner());
    workerDies(await startJobRunner());
    await vi.advanceTimersByTimeAsync(0);
    const events = vi.mocked(run).mock.calls[0]![0].events as unknown as EventEmitter;
    const worker = (workerId: string) => ({ worker: { workerId } });
    events.emit("worker:create", worker("worker-a"));
    events.emit("worker:create", worker("worker-b"));
    vi.mocked(recordHeartbeat).mockClear();

    await vi.advanceTimersByTimeAsync(HEARTBEAT_INTERVAL_MS);
    expect(recordHeartbeat).toHaveBeenLastCalledWith(["worker-a", "worker-b"]);
    events.emit("worker:stop", worker("worker-a"));
    events.emit("worker:stop", { ...worker("worker-b"), error: new Error("connection lost") });
    expect(forgetWorkers).toHaveBeenCalledExactlyOnceWith(["worker-a"]);
    await vi.advanceTimersByTimeAsync(HEARTBEAT_INTERVAL_MS);
    expect(recordHeartbeat).toHaveBeenLastCalledWith([]);

    events.emit("stop", {});
    const beats = vi.mocked(recordHeartbeat).mock.calls.length;
    await vi.advanceTimersByTimeAsync(5 * HEARTBEAT_INTERVAL_MS);
    expect(recordHeartbeat).toHaveBeenCalledTimes(beats);
  });
});
