// Identifiers of a simulated eSIM profile, in the formats real ones use.
import { randomInt } from "node:crypto";
import type { CarrierCode } from "@prisma/client";
import { withEidCheckDigits } from "./eid";
import { luhnCheckDigit, passesLuhn } from "./luhn";

// ICCID: 89 (telecom) + 81 (Japan) + a two-digit issuer + a 12-digit account + Luhn digit.
const ISSUER_DIGITS: Record<CarrierCode, string> = { DOCOMO: "10", KDDI_AU: "50", SOFTBANK: "20" };

export const SMDP_ADDRESSES: Record<CarrierCode, string> = {
  DOCOMO: "docomo.smdp.tabi.test",
  KDDI_AU: "au.smdp.tabi.test",
  SOFTBANK: "softbank.smdp.tabi.test",
};

function randomDigits(count: number): string {
  return Array.from({ length: count }, () => randomInt(10)).join("");
}

export function generateIccid(carrier: CarrierCode): string {
  const payload = `8981${ISSUER_DIGITS[carrier]}${randomDigits(12)}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}

export function isValidIccid(iccid: string): boolean {
  return /^8981\d{15,16}$/.test(iccid) && passesLuhn(iccid);
}

// Matching ID: four groups of five characters, like 04386-AGYFT-A74Y8-3F815. Letters that read
// like digits (I, O) are left out, since people type it by hand.
const MATCHING_ID_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

export function generateMatchingId(): string {
  return Array.from({ length: 4 }, () =>
    Array.from({ length: 5 }, () => MATCHING_ID_ALPHABET[randomInt(MATCHING_ID_ALPHABET.length)]).join(""),
  ).join("-");
}

// GSMA SGP.22 §4.1: "1$<SM-DP+ address>$<Matching ID>"; the "LPA:" prefix belongs to QR codes.
const ACTIVATION_CODE = /^LPA:1\$([a-z0-9.-]+\.[a-z]{2,})\$([A-Z0-9-]{1,255})(?:\$[0-9.]*)?(?:\$1)?$/i;

export function activationCode(smdpAddress: string, matchingId: string): string {
  return `LPA:1$${smdpAddress}$${matchingId}`;
}

// What the SM-DP+ hands out for one download: a fresh matching ID and the code that carries it.
export function newActivationCode(smdpAddress: string): { matchingId: string; activationCode: string } {
  const matchingId = generateMatchingId();
  return { matchingId, activationCode: activationCode(smdpAddress, matchingId) };
}

export function parseActivationCode(code: string): { smdpAddress: string; matchingId: string } | null {
  const match = ACTIVATION_CODE.exec(code);
  return match ? { smdpAddress: match[1]!, matchingId: match[2]! } : null;
}

// A phone for the simulator: "89" + "049" (the country code GSMA uses in its examples) + a
// random body, then the check digits.
export function simulatedDeviceEid(): string {
  return withEidCheckDigits(`89049${randomDigits(25)}`);
}
