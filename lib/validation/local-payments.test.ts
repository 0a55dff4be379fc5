import { describe, expect, it } from "vitest";
import { bankAccountSchema, konbiniDetailsSchema } from "./local-payments";

const SESSION = "cs_test_a1b2c3d4e5f6g7h8";
const codes = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => `${String(issue.path[0])}:${issue.message}`);

describe("the Konbini details", () => {
  const details = { sessionId: SESSION, name: "田中 愛子", email: "aiko@example.test" };

  it("takes a name in any script and an optional 10–11 digit phone, spaces and hyphens removed", () => {
    expect(konbiniDetailsSchema.parse({ ...details, phone: "090-1234-5678" }).phone).toBe("09012345678");
    expect(konbiniDetailsSchema.parse({ ...details, name: "Aiko O'Brien-Tanaka", phone: "" }).phone).toBeUndefined();
    expect(konbiniDetailsSchema.parse({ ...details, name: "タナカ アイコー" }).name).toBe("タナカ アイコー");
  });

  it.each([
    [{ name: "" }, ["name:name_required"]],
    [{ name: "Aiko 2" }, ["name:name_invalid"]],
    [{ name: "<script>" }, ["name:name_invalid"]],
    [{ name: "a".repeat(51) }, ["name:name_too_long"]],
    [{ email: "not an email" }, ["email:email_invalid"]],
    [{ phone: "12345" }, ["phone:konbini_phone_invalid"]],
    [{ phone: "090123456789" }, ["phone:konbini_phone_invalid"]],
    [{ phone: "00000000000" }, ["phone:konbini_phone_invalid"]],
    [{ phone: "+81 90 1234 5678" }, ["phone:konbini_phone_invalid"]],
  ])("refuses %j", (change, expected) => {
    expect(codes(konbiniDetailsSchema.safeParse({ ...details, ...change }))).toEqual(expected);
  });
});

describe("the bank account for a Konbini refund", () => {
  const account = {
    token: "a".repeat(43),
    bankCode: "1100",
    branchCode: "000",
    accountType: "ordinary",
    accountNumber: "000-1234",
    holderName: "タナカ アイコ",
  };

  it("takes Stripe's test account", () => {
    expect(bankAccountSchema.parse(account)).toMatchObject({ bankCode: "1100", accountNumber: "0001234" });
  });

  it.each([
    [{ bankCode: "110" }, ["bankCode:bank_code_invalid"]],
    [{ branchCode: "0000" }, ["branchCode:branch_code_invalid"]],
    [{ accountType: "savings" }, ["accountType:account_type_invalid"]],
    [{ accountNumber: "12345678" }, ["accountNumber:account_number_invalid"]],
    [{ holderName: "1234" }, ["holderName:name_invalid"]],
  ])("refuses %j", (change, expected) => {
    expect(codes(bankAccountSchema.safeParse({ ...account, ...change }))).toEqual(expected);
  });
});
