// ISO/IEC 7064 MOD 97-10 (the IBAN scheme) as used by EID check digits.
// Reduced one digit at a time so 32-digit values never exceed 2^53.

function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i++) {
    rest = (rest * 10 + (digits.charCodeAt(i) - 48)) % 97;
  }
  return rest;
}

/** The two EID check digits ('02'..'98') for the first 30 digits; throws unless given 30 digits. */
export function eidCheckDigits(first30Digits: string): string {
  if (!/^\d{30}$/.test(first30Digits)) {
    throw new RangeError(`eidCheckDigits needs exactly 30 digits, got "${first30Digits}"`);
  }
  return String(98 - mod97(`${first30Digits}00`)).padStart(2, '0');
}

/** True when `digits32` is 32 digits and the whole number mod 97 is 1. */
export function isEidValid(digits32: string): boolean {
  return /^\d{32}$/.test(digits32) && mod97(digits32) === 1;
}
