import { describe, expect, it } from "vitest";
import { changePasswordSchema, loginSchema, registerSchema, safeRedirectPath } from "./auth";

const valid = { name: "Aiko Tanaka", email: "aiko@example.com", password: "correct horse", phone: "" };

function errorsOf(input: unknown) {
  const result = registerSchema.safeParse(input);
  if (result.success) return {};
  const firstByField: Record<string, string> = {};
  for (const issue of result.error.issues) firstByField[issue.path.join(".")] ??= issue.message;
  return firstByField;
}

describe("registerSchema", () => {
  it("accepts a complete registration and normalises email and phone", () => {
    const parsed = registerSchema.parse({ ...valid, email: " Aiko@Example.COM ", phone: "+81 90-1234-5678" });
    expect(parsed).toEqual({
      name: "Aiko Tanaka",
      email: "aiko@example.com",
      password: "correct horse",
      phone: "+819012345678",
    });
  });

  it("treats an empty phone number as not given", () => {
    expect(registerSchema.parse(valid).phone).toBeUndefined();
  });

  it.each([
    ["email", "not-an-email", "email_invalid"],
    ["email", "", "email_required"],
    ["email", `${"a".repeat(250)}@example.com`, "email_too_long"],
    ["password", "short", "password_too_short"],
    ["password", "x".repeat(129), "password_too_long"],
    ["phone", "090-1234-5678", "phone_invalid"],
    ["phone", "+0 123", "phone_invalid"],
    ["phone", "+81".padEnd(40, "1"), "phone_invalid"],
    ["name", "   ", "name_required"],
    ["name", "n".repeat(101), "name_too_long"],
  ])("rejects %s %j with %s", (field, value, code) => {
    expect(errorsOf({ ...valid, [field]: value })).toEqual({ [field]: code });
  });

  it("accepts exactly ten password characters", () => {
    expect(errorsOf({ ...valid, password: "0123456789" })).toEqual({});
  });

  it("rejects fields of the wrong type", () => {
    expect(errorsOf({ name: 1, email: null, password: ["x"] })).toEqual({
      name: "name_required",
      email: "email_required",
      password: "password_required",
    });
  });
});

describe("loginSchema", () => {
  it("lower-cases the email", () => {
    expect(loginSchema.parse({ email: "DEMO@tabi.test", password: "x" }).email).toBe("demo@tabi.test");
  });

  it("requires a password but does not apply the registration length rule", () => {
    expect(loginSchema.safeParse({ email: "a@b.co", password: "" }).success).toBe(false);
    expect(loginSchema.safeParse({ email: "a@b.co", password: "short" }).success).toBe(true);
  });
});

describe("changePasswordSchema", () => {
  const change = {
    currentPassword: "old",
    newPassword: "a brand new passphrase",
    confirmPassword: "a brand new passphrase",
  };

  function changeErrors(input: unknown) {
    const result = changePasswordSchema.safeParse(input);
    return result.success
      ? {}
      : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
  }

  it("accepts a matching new password of registration strength and any current one", () => {
    expect(changePasswordSchema.parse(change)).toEqual(change);
    expect(changeErrors({ ...change, newPassword: "0123456789", confirmPassword: "0123456789" })).toEqual({});
  });

  it.each([
    ["currentPassword", "", "current_password_required"],
    ["currentPassword", "x".repeat(129), "password_too_long"],
    ["confirmPassword", "", "password_confirmation_required"],
    ["confirmPassword", "a brand new passphrasE", "password_mismatch"],
  ])("rejects %s %j with %s", (field, value, code) => {
    expect(changeErrors({ ...change, [field]: value })).toEqual({ [field]: code });
  });

  it("applies the registration rules to the new password and still compares the confirmation", () => {
    expect(changeErrors({ ...change, newPassword: "short", confirmPassword: "short" })).toEqual({
      newPassword: "password_too_short",
    });
    expect(changeErrors({ ...change, newPassword: "short" })).toEqual({
      newPassword: "password_too_short",
      confirmPassword: "password_mismatch",
    });
  });

  it("rejects missing fields with their own messages", () => {
    expect(changeErrors({})).toEqual({
      currentPassword: "current_password_required",
      newPassword: "password_required",
      confirmPassword: "password_confirmation_required",
    });
  });
});

describe("safeRedirectPath", () => {
  it.each([
    ["/en/account", "/en/account"],
    ["/ja/account?tab=esims", "/ja/account?tab=esims"],
    ["//evil.example/phish", "/fallback"],
    ["/\\evil.example", "/fallback"],
    ["https://evil.example", "/fallback"],
    ["javascript:alert(1)", "/fallback"],
    [undefined, "/fallback"],
    [["/en/account"], "/fallback"],
  ])("%j → %s", (value, expected) => {
    expect(safeRedirectPath(value, "/fallback")).toBe(expected);
  });
});
