import { describe, expect, it } from "vitest";
import { isValidEid } from "./eid";
import {
  activationCode,
  generateIccid,
  generateMatchingId,
  isValidIccid,
  parseActivationCode,
  simulatedDeviceEid,
  SMDP_ADDRESSES,
} from "./identifiers";
import { luhnCheckDigit, passesLuhn } from "./luhn";

describe("Luhn", () => {
  it("accepts known-good numbers and rejects a changed digit", () => {
    expect(passesLuhn("8981100022152967705")).toBe(true);
    expect(passesLuhn("4242424242424242")).toBe(true);
    expect(passesLuhn("4242424242424241")).toBe(false);
    expect(passesLuhn("8981100022152967706")).toBe(false);
    expect(luhnCheckDigit("898110002215296770")).toBe(5);
  });

  it("rejects non-digits", () => {
    expect(passesLuhn("4242-4242")).toBe(false);
    expect(passesLuhn("")).toBe(false);
  });
});

describe("ICCID", () => {
  it.each(["DOCOMO", "KDDI_AU", "SOFTBANK"] as const)("generates a Japanese Luhn-valid ICCID for %s", (carrier) => {
    for (let i = 0; i < 50; i += 1) {
      const iccid = generateIccid(carrier);
      expect(iccid).toMatch(/^8981\d{15}$/);
      expect(isValidIccid(iccid)).toBe(true);
    }
  });

  it("refuses other countries, wrong lengths and bad check digits", () => {
    expect(isValidIccid("8981100022152967705")).toBe(true);
    expect(isValidIccid("8944100022152967705")).toBe(false);
    expect(isValidIccid("898110002215296770")).toBe(false);
    expect(isValidIccid("8981100022152967704")).toBe(false);
  });

  it("does not repeat itself", () => {
    const iccids = new Set(Array.from({ length: 2000 }, () => generateIccid("DOCOMO")));
    expect(iccids.size).toBe(2000);
  });
});

describe("activation code", () => {
  it("follows SGP.22: LPA:1$<SM-DP+ address>$<matching ID>", () => {
    const matchingId = generateMatchingId();
    expect(matchingId).toMatch(/^[0-9A-HJ-NP-Z]{5}(-[0-9A-HJ-NP-Z]{5}){3}$/);
    const code = activationCode(SMDP_ADDRESSES.SOFTBANK, matchingId);
    expect(code).toBe(`LPA:1$softbank.smdp.tabi.test$${matchingId}`);
    expect(parseActivationCode(code)).toEqual({ smdpAddress: "softbank.smdp.tabi.test", matchingId });
  });

  it("parses the documented example and the optional OID and confirmation fields", () => {
    expect(parseActivationCode("LPA:1$smdp.tabi.test$04386-AGYFT-A74Y8-3F815")).toEqual({
      smdpAddress: "smdp.tabi.test",
      matchingId: "04386-AGYFT-A74Y8-3F815",
    });
    expect(parseActivationCode("LPA:1$smdp.tabi.test$04386-AGYFT-A74Y8-3F815$1.3.6.1.4.1.31746$1")).not.toBeNull();
  });

  it.each(["1$smdp.tabi.test$ABC", "LPA:2$smdp.tabi.test$ABC", "LPA:1$$ABC", "LPA:1$smdp.tabi.test$"])(
    "rejects %s",
    (code) => {
      expect(parseActivationCode(code)).toBeNull();
    },
  );
});

describe("EID", () => {
  it("accepts the GSMA SGP.29 example and refuses a changed digit, a wrong length or prefix", () => {
    expect(isValidEid("89001012012341234012345678901224")).toBe(true);
    expect(isValidEid("89001012012341234012345678901225")).toBe(false);
    expect(isValidEid("8900101201234123401234567890122")).toBe(false);
    expect(isValidEid("79001012012341234012345678901224")).toBe(false);
    expect(isValidEid("8900101201234123401234567890122x")).toBe(false);
  });

  it("simulates phones whose EIDs are valid and distinct", () => {
    const eids = Array.from({ length: 500 }, simulatedDeviceEid);
    for (const eid of eids) expect(isValidEid(eid)).toBe(true);
    expect(new Set(eids).size).toBe(500);
  });
});
