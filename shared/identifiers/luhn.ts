// Luhn (mod 10) as used by ICCID (ITU-T E.118) and IMEI check digits.

const DIGITS = /^\d*$/;

// Sum with every second digit doubled, counting from the right; `doubleFirst`
// says whether the rightmost digit is doubled (true when the check digit is absent).
function luhnSum(digits: string, doubleFirst: boolean): number {
  let sum = 0;
  let double = doubleFirst;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum;
}

/** Luhn check digit to append to `digitsWithoutCheck`; throws if given non-digits. */
export function luhnCheckDigit(digitsWithoutCheck: string): number {
  if (!DIGITS.test(digitsWithoutCheck)) {
    throw new RangeError(`luhnCheckDigit needs digits only, got "${digitsWithoutCheck}"`);
  }
  return (10 - (luhnSum(digitsWithoutCheck, true) % 10)) % 10;
}

/** True when `digits` (check digit last) passes Luhn; false for empty or non-digit input. */
export function isLuhnValid(digits: string): boolean {
  if (digits === '' || !DIGITS.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}
