import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { credentialsPost } from "../testing/sessions";
import { uniqueEmail, uniqueIp } from "../testing/users";
import { registerSchema } from "../validation/auth";
import { verifyCredentials } from "./credentials";
import { LOGIN_FAILURES_PER_ACCOUNT, LOGIN_FAILURES_PER_IP } from "./login-rate-limit";
import { registerUser } from "../accounts/registration";
import { env } from "../env";
import { verifyPassword } from "./password";

// The real verification, counted: how many attempts got as far as argon2.
vi.mock("./password", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./password")>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

async function passwordsVerifiedDuring(work: () => Promise<unknown>): Promise<number> {
  vi.mocked(verifyPassword).mockClear();
  await work();
  return vi.mocked(verifyPassword).mock.calls.length;
}

const PASSWORD = "correct horse battery";

async function newAccount() {
  const email = uniqueEmail();
  await registerUser(registerSchema.parse({ name: "Mei Lin", email, password: PASSWORD }), "zh", uniqueIp());
  return email;
}

async function failLogins(email: string, ip: string, times: number) {
  for (let i = 0; i < times; i += 1) {
    expect(await verifyCredentials({ email, password: "wrong password" }, ip)).toEqual({ status: "invalid" });
  }
}

describe("verifyCredentials", () => {
  it("signs in with the right password", async () => {
    const email = await newAccount();
    const result = await verifyCredentials({ email, password: PASSWORD }, uniqueIp());
    expect(result).toMatchObject({ status: "ok", user: { email, name: "Mei Lin" } });
  });

  it("gives the same answer for a wrong password and a missing account", async () => {
    const email = await newAccount();
    const ip = uniqueIp();
    expect(await verifyCredentials({ email, password: "wrong password" }, ip)).toEqual({ status: "invalid" });
    expect(await verifyCredentials({ email: uniqueEmail("nobody"), password: PASSWORD }, ip)).toEqual({
      status: "invalid",
    });
  });

  it("locks an account after repeated failures, even for the right password", async () => {
    const email = await newAccount();
    await failLogins(email, uniqueIp(), LOGIN_FAILURES_PER_ACCOUNT);

    const result = await verifyCredentials({ email, password: PASSWORD }, uniqueIp());
    expect(result.status).toBe("rate_limited");
    expect(result.status === "rate_limited" && result.retryAfterSeconds).toBeGreaterThan(60);
  });

  it("forgets earlier failures after a successful login", async () => {
    const email = await newAccount();
    const ip = uniqueIp();
    await failLogins(email, ip, LOGIN_FAILURES_PER_ACCOUNT - 1);
    expect((await verifyCredentials({ email, password: PASSWORD }, ip)).status).toBe("ok");
    await failLogins(email, ip, LOGIN_FAILURES_PER_ACCOUNT - 1);
    expect((await verifyCredentials({ email, password: PASSWORD }, ip)).status).toBe("ok");
  });

  it("locks an address that guesses across many accounts", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < LOGIN_FAILURES_PER_IP; i += 1) {
      await verifyCredentials({ email: uniqueEmail("guess"), password: "wrong password" }, ip);
    }
    const email = await newAccount();
    expect((await verifyCredentials({ email, password: PASSWORD }, ip)).status).toBe("rate_limited");
    expect((await verifyCredentials({ email, password: PASSWORD }, uniqueIp())).status).toBe("ok");
  });

  it("verifies at most the limit of 50 simultaneous wrong passwords for one account", async () => {
    const email = await newAccount();
    const ip = uniqueIp();
    let results: Awaited<ReturnType<typeof verifyCredentials>>[] = [];
    const verified = await passwordsVerifiedDuring(async () => {
      results = await Promise.all(
        Array.from({ length: 50 }, () => verifyCredentials({ email, password: "wrong password" }, ip)),
      );
    });

    expect(verified).toBe(LOGIN_FAILURES_PER_ACCOUNT);
    expect(results.filter((r) => r.status === "invalid")).toHaveLength(LOGIN_FAILURES_PER_ACCOUNT);
    expect(results.filter((r) => r.status === "rate_limited")).toHaveLength(50 - LOGIN_FAILURES_PER_ACCOUNT);
    // The right password is not even checked now, from this address or any other.
    expect(
      await passwordsVerifiedDuring(async () => {
        expect((await verifyCredentials({ email, password: PASSWORD }, ip)).status).toBe("rate_limited");
        expect((await verifyCredentials({ email, password: PASSWORD }, uniqueIp())).status).toBe("rate_limited");
      }),
    ).toBe(0);
  });

  it("verifies at most the limit of simultaneous guesses from one address across accounts", async () => {
    const ip = uniqueIp();
    const verified = await passwordsVerifiedDuring(() =>
      Promise.all(
        Array.from({ length: 50 }, () => verifyCredentials({ email: uniqueEmail("guess"), password: PASSWORD }, ip)),
      ),
    );
    expect(verified).toBe(LOGIN_FAILURES_PER_IP);
  });

  it("does not count attempts refused for a locked-out address against the account", async () => {
    const email = await newAccount();
    const ip = uniqueIp();
    for (let i = 0; i < LOGIN_FAILURES_PER_IP; i += 1) {
      await verifyCredentials({ email: uniqueEmail("guess"), password: "wrong password" }, ip);
    }
    await Promise.all(
      Array.from({ length: LOGIN_FAILURES_PER_ACCOUNT + 1 }, () =>
        verifyCredentials({ email, password: "wrong password" }, ip),
      ),
    );
    expect((await verifyCredentials({ email, password: PASSWORD }, uniqueIp())).status).toBe("ok");
  });
});

describe("POST /api/auth/callback/credentials", () => {
  it("answers 429 with Retry-After once the account is locked", async () => {
    const email = await newAccount();
    const ip = uniqueIp();
    await failLogins(email, ip, LOGIN_FAILURES_PER_ACCOUNT);

    const response = await POST(await credentialsPost(email, PASSWORD, ip));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(60);
    expect(await response.json()).toMatchObject({ error: "rate_limited" });
  });

  it("answers a JSON post the same way once the account is locked", async () => {
    const email = await newAccount();
    await failLogins(email, uniqueIp(), LOGIN_FAILURES_PER_ACCOUNT);

    const response = await POST(await credentialsPost(email, PASSWORD, uniqueIp(), "json"));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(60);
    expect(await response.json()).toMatchObject({ error: "rate_limited" });
  });

  it("answers 429 to every wrong password of a burst past the limit, JSON or form, and 302 to the others", async () => {
    const email = await newAccount();
    const responses = await Promise.all(
      Array.from({ length: 20 }, async (_, i) =>
        POST(await credentialsPost(email, "wrong password", uniqueIp(), i % 2 ? "json" : "form")),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 302).length).toBeLessThanOrEqual(LOGIN_FAILURES_PER_ACCOUNT);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(20 - LOGIN_FAILURES_PER_ACCOUNT);
    expect(statuses.every((status) => status === 302 || status === 429)).toBe(true);
    for (const response of responses.filter((r) => r.status === 429)) {
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });

  it("signs an unlocked account in and sets the session cookie", async () => {
    const email = await newAccount();
    const response = await POST(await credentialsPost(email, PASSWORD, uniqueIp()));
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get("location") ?? "").pathname).toBe("/en/account");
    expect(response.headers.getSetCookie().join("\n")).toMatch(/authjs\.session-token=/);
  });

  it("redirects to AUTH_URL's origin, whatever host the request names and wherever it asks to go", async () => {
    const authUrl = new URL(env().AUTH_URL ?? "http://AUTH_URL.is.not.set");
    // Next's request URLs name any loopback address "localhost".
    const authOrigin = `${authUrl.protocol}//${authUrl.hostname === "127.0.0.1" ? "localhost" : authUrl.hostname}:${authUrl.port}`;
    const email = await newAccount();
    for (const callbackUrl of ["/en/account", "https://evil.example/en/account"]) {
      const honest = await credentialsPost(email, PASSWORD, uniqueIp());
      const form = new URLSearchParams(await honest.text());
      form.set("callbackUrl", callbackUrl);
      const forged = new NextRequest("http://evil.example/api/auth/callback/credentials", {
        method: "POST",
        headers: { ...Object.fromEntries(honest.headers), host: "evil.example", "x-forwarded-host": "evil.example" },
        body: form,
      });
      const response = await POST(forged);
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get("location") ?? "");
      expect(location.origin).toBe(authOrigin);
      expect(location.pathname).toBe(callbackUrl.startsWith("/") ? "/en/account" : "/");
    }
  });
});
