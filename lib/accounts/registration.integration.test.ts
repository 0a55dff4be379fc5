import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { uniqueEmail } from "../testing/users";
import { registerSchema } from "../validation/auth";
import { registerUser } from "./registration";

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
    const result = await registerUser(registration(email), "ja");
    expect(result.status).toBe("created");

    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: "Kenji Sato", phone: "+818011112222", locale: "ja", emailVerified: null });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("refuses a second account for the same address, whatever its case", async () => {
    const email = uniqueEmail();
    await registerUser(registration(email), "en");
    const again = await registerUser(registration(email.toUpperCase()), "en");

    expect(again).toEqual({ status: "email_taken" });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("lets exactly one of several simultaneous sign-ups with one address win", async () => {
    const email = uniqueEmail();
    const results = await Promise.all(Array.from({ length: 5 }, () => registerUser(registration(email), "en")));

    expect(results.filter((r) => r.status === "created")).toHaveLength(1);
    expect(results.filter((r) => r.status === "email_taken")).toHaveLength(4);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});
