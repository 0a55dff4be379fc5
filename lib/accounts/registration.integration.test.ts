import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { uniqueEmail, uniqueIp } from "../testing/users";
import { registerSchema } from "../validation/auth";
import { REGISTRATIONS_PER_IP, registerUser } from "./registration";

function registration(email: string) {
  return registerSchema.parse({
    name: "Kenji Sato",
    email,
    password: "correct horse battery",
    phone: "+81 80 1111 2222",
  });
}

describe("registerUser", () => {
  it("creates the account with a hashed password and the chosen language", async () => {
    const email = uniqueEmail();
    const result = await registerUser(registration(email), "ja", uniqueIp());
    expect(result.status).toBe("created");

    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: "Kenji Sato", phone: "+818011112222", locale: "ja", emailVerified: null });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("refuses a second account for the same address, whatever its case", async () => {
    const email = uniqueEmail();
    await registerUser(registration(email), "en", uniqueIp());
    const again = await registerUser(registration(email.toUpperCase()), "en", uniqueIp());

    expect(again).toEqual({ status: "email_taken" });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("lets exactly one of several simultaneous sign-ups with one address win", async () => {
    const email = uniqueEmail();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => registerUser(registration(email), "en", uniqueIp())),
    );

    expect(results.filter((r) => r.status === "created")).toHaveLength(1);
    expect(results.filter((r) => r.status === "email_taken")).toHaveLength(4);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("takes only a few sign-ups an hour from one address, counting refused ones, and creates nothing past them", async () => {
    const ip = uniqueIp();
    const taken = uniqueEmail();
    expect((await registerUser(registration(taken), "en", ip)).status).toBe("created");
    expect(await registerUser(registration(taken), "en", ip)).toEqual({ status: "email_taken" });
    for (let i = 2; i < REGISTRATIONS_PER_IP; i += 1) {
      expect((await registerUser(registration(uniqueEmail()), "en", ip)).status).toBe("created");
    }

    const refusedEmail = uniqueEmail();
    const refused = await registerUser(registration(refusedEmail), "en", ip);
    expect(refused.status).toBe("rate_limited");
    expect(refused.status === "rate_limited" && refused.retryAfterSeconds).toBeGreaterThan(50 * 60);
    expect(await db.user.count({ where: { email: refusedEmail } })).toBe(0);
    // Another address is not held back.
    expect((await registerUser(registration(refusedEmail), "en", uniqueIp())).status).toBe("created");
  });

  it("lets no more than the limit through when sign-ups from one address arrive at once", async () => {
    const ip = uniqueIp();
    const results = await Promise.all(
      Array.from({ length: 3 * REGISTRATIONS_PER_IP }, () => registerUser(registration(uniqueEmail()), "en", ip)),
    );
    expect(results.filter((r) => r.status === "created")).toHaveLength(REGISTRATIONS_PER_IP);
    expect(results.filter((r) => r.status === "rate_limited")).toHaveLength(2 * REGISTRATIONS_PER_IP);
  });
});
