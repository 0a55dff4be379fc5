import { describe, expect, it } from "vitest";
import { contactDetailsSchema } from "./account";

const errorsOf = (input: Record<string, unknown>) => {
  const parsed = contactDetailsSchema.safeParse(input);
  return parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("contactDetailsSchema", () => {
  it("normalises what people type: trimmed name, lower-case email, E.164 phone, blanks as absent", () => {
    expect(
      contactDetailsSchema.parse({
        name: "  Aiko Tanaka ",
        email: " Aiko@Example.JP ",
        phone: "+81 (90) 1234-5678",
        password: "",
      }),
    ).toEqual({
      name: "Aiko Tanaka",
      email: "aiko@example.jp",
      phone: "+819012345678",
      password: undefined,
    });
    expect(contactDetailsSchema.parse({ name: "Aiko", email: "aiko@example.jp", phone: "  " }).phone).toBeUndefined();
  });

  it("names each field that is wrong with its message key", () => {
    expect(errorsOf({ name: "", email: "not-an-email", phone: "090 1234 5678", password: "x".repeat(129) })).toEqual({
      name: "name_required",
      email: "email_invalid",
      phone: "phone_invalid",
      password: "password_too_long",
    });
    expect(errorsOf({ name: "n".repeat(101), email: `${"a".repeat(250)}@x.jp` })).toEqual({
      name: "name_too_long",
      email: "email_too_long",
    });
  });
});
