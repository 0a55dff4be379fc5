import { describe, expect, it } from "vitest";
import { startReceiver } from "../testing/webhook-receiver";
import { checkDestination, isAllowedAddress } from "./destinations";
import { postWebhook } from "./transport";

// Outgoing requests cannot be pointed at the app's own internals or private networks.
describe("webhook destinations", () => {
  it.each([
    { url: "http://10.1.2.3/hooks", production: false, reason: "private_address" },
    { url: "http://192.168.0.10/hooks", production: false, reason: "private_address" },
    { url: "http://172.16.0.1/hooks", production: false, reason: "private_address" },
    { url: "http://169.254.169.254/latest/meta-data", production: false, reason: "private_address" },
    { url: "http://100.64.0.1/", production: false, reason: "private_address" },
    { url: "http://[fd00::1]/", production: false, reason: "private_address" },
    { url: "http://[::ffff:10.0.0.1]/", production: false, reason: "private_address" },
    { url: "http://0.0.0.0/", production: false, reason: "private_address" },
    { url: "http://[::1]:8080/", production: true, reason: "private_address" },
    { url: "http://127.0.0.1:8080/", production: true, reason: "private_address" },
    { url: "http://localhost:8080/", production: true, reason: "private_address" },
    { url: "ftp://example.com/", production: false, reason: "scheme" },
    { url: "file:///etc/passwd", production: false, reason: "scheme" },
    { url: "gopher://127.0.0.1/", production: false, reason: "scheme" },
    { url: "http://user:pass@8.8.8.8/", production: false, reason: "credentials" },
    { url: "not a url", production: false, reason: "invalid_url" },
    { url: "http://does-not-exist.invalid/", production: false, reason: "unresolvable" },
  ])("refuses $url (production: $production): $reason", async ({ url, production, reason }) => {
    expect(await checkDestination(url, !production)).toEqual({ status: "refused", reason });
  });

  it("allows loopback outside production only, and public addresses everywhere", async () => {
    expect((await checkDestination("http://127.0.0.1:8080/hooks", true)).status).toBe("allowed");
    expect((await checkDestination("http://[::1]:8080/hooks", true)).status).toBe("allowed");
    expect((await checkDestination("https://8.8.8.8/hooks", false)).status).toBe("allowed");
    expect(isAllowedAddress("2606:4700::1111", false)).toBe(true);
  });

  it("refuses the app's own address", async () => {
    expect(await checkDestination("http://127.0.0.1:3100/api/v1/esims", true)).toEqual({
      status: "refused",
      reason: "own_app",
    });
  });

  it("does not follow redirects: a 3xx is the answer, and a failure", async () => {
    const target = await startReceiver();
    const redirecting = await startReceiver([{ status: 302, headers: { location: target.url } }]);
    const answer = await postWebhook(redirecting.url, "{}", {});
    expect(answer.httpStatus).toBe(302);
    expect(target.received).toHaveLength(0);
    await Promise.all([target.close(), redirecting.close()]);
  });
});
