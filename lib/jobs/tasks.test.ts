import type { JobHelpers } from "graphile-worker";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { deliverDueEmails } from "../email/sender";
import { EMAILS_PER_PASS, taskList } from "./tasks";

vi.mock("../email/sender", () => ({ deliverDueEmails: vi.fn() }));

const helpers = { addJob: vi.fn() } as unknown as JobHelpers & { addJob: ReturnType<typeof vi.fn> };

describe("the email delivery job", () => {
  beforeEach(() => helpers.addJob.mockReset());

  it.each([
    ["a full pass of sends", { sent: EMAILS_PER_PASS, failed: 0 }, 1],
    ["a full pass with some refused", { sent: EMAILS_PER_PASS - 3, failed: 3 }, 1],
    ["a pass that emptied the outbox", { sent: 7, failed: 0 }, 0],
    ["a pass the mail server ended", { sent: 2, failed: 1 }, 0],
  ])("after %s, queues the next pass now only if emails may be left", async (_name, result, nextPasses) => {
    vi.mocked(deliverDueEmails).mockResolvedValueOnce(result);
    await taskList["deliver-emails"]({}, helpers);
    expect(deliverDueEmails).toHaveBeenLastCalledWith({ limit: EMAILS_PER_PASS });
    expect(helpers.addJob).toHaveBeenCalledTimes(nextPasses);
    if (nextPasses)
      expect(helpers.addJob).toHaveBeenCalledWith(
        "deliver-emails",
        {},
        { jobKey: "deliver-emails", jobKeyMode: "preserve_run_at" },
      );
  });
});
