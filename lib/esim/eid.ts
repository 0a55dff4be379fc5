// EID, the phone's eUICC identifier (GSMA SGP.29): 32 digits, "89" first, ending in two check
// digits chosen like an IBAN's (ISO 7064 MOD 97-10), so a valid EID is ≡ 1 (mod 97).
// Free of server-only imports: forms validate with it too.
export function isValidEid(eid: string): boolean {
  return /^89\d{30}$/.test(eid) && BigInt(eid) % 97n === 1n;
}

export function withEidCheckDigits(first30Digits: string): string {
  const check = 98n - (BigInt(`${first30Digits}00`) % 97n);
  return `${first30Digits}${check.toString().padStart(2, "0")}`;
}
