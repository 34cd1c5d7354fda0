import type { IdentifierProblem } from './types';

/** The shared clean-up step's outcome, with what validators need for notes and hints. */
export type CleanedInput =
  | {
      ok: true;
      raw: string;
      digits: string;
      notes: string[];
      /** Came in as a JS number, so any leading zeros are already gone. */
      fromNumber: boolean;
      /** Had a leading '+' (only accepted when the caller allows it). */
      hadPlus: boolean;
    }
  | { ok: false; raw: string; problem: IdentifierProblem; message: string };

// \s also covers the non-breaking spaces, tabs and BOMs that Excel pastes carry.
const SPACES = /\s/g;
// Word and Excel turn '-' into typographic dashes; treat them all as separators.
const DASHES = /[-\u2010-\u2015\u2212]/g;
// Checked after separators are removed, so '8.9E-05' arrives here as '8.9E05'.
// A comma decimal covers European Excel ('8,90126E+18').
const SCIENTIFIC = /^\+?\d+(?:[.,]\d*)?[eE]\+?\d+$/;
const FILLER = /^\d+[fF]+$/;
// Excel keeps 15 significant digits of a number; longer ones are already rounded.
const EXCEL_DIGITS = 15;

const EXCEL_FIX = 'Format the column as Text in Excel and export again.';

function capitalise(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function scientificMessage(label: string, shown: string): string {
  return `${capitalise(label)} ${shown} was turned into a number by Excel and lost its last digits. ${EXCEL_FIX}`;
}

// Names a character so a desk worker can find it; invisible ones get their code.
function describeCharacter(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f || (code >= 0x200b && code <= 0x200f) || code === 0x2060) {
    return `an invisible character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  }
  if (ch === 'O' || ch === 'o') return `"${ch}" (the letter O, not a zero)`;
  if (ch === 'I' || ch === 'l') return `"${ch}" (a letter, not the digit 1)`;
  return `"${ch}"`;
}

function cleanNumber(input: number, label: string): CleanedInput {
  const raw = String(input);
  const name = capitalise(label);
  if (!Number.isFinite(input) || !Number.isInteger(input) || input < 0) {
    return {
      ok: false,
      raw,
      problem: 'bad_character',
      message: `${name} ${raw} is not a whole number of digits. Check the cell and type the ${label} as digits.`,
    };
  }
  if (!Number.isSafeInteger(input) || raw.length > EXCEL_DIGITS) {
    return {
      ok: false,
      raw,
      problem: 'scientific_notation',
      message: scientificMessage(label, raw),
    };
  }
  return {
    ok: true,
    raw,
    digits: raw,
    notes: ['read from a spreadsheet number, which cannot keep leading zeros'],
    fromNumber: true,
    hadPlus: false,
  };
}

/** Strips whitespace, spaces and dashes and rejects Excel damage or non-digits; `label` names the value in messages. */
export function cleanInput(
  input: string | number,
  label: string,
  allowLeadingPlus = false,
): CleanedInput {
  if (typeof input === 'number') return cleanNumber(input, label);
  const raw = input;
  const shown = input.trim();
  const name = capitalise(label);
  const stripped = shown.replace(SPACES, '').replace(DASHES, '');
  if (stripped === '' || (allowLeadingPlus && stripped === '+')) {
    return { ok: false, raw, problem: 'empty', message: `No ${label} given: the cell is empty.` };
  }
  if (SCIENTIFIC.test(stripped)) {
    return {
      ok: false,
      raw,
      problem: 'scientific_notation',
      message: scientificMessage(label, shown),
    };
  }
  const hadPlus = allowLeadingPlus && stripped.startsWith('+');
  const body = hadPlus ? stripped.slice(1) : stripped;
  if (FILLER.test(body)) {
    // A BCD filler nibble from a SIM or network dump: say so rather than dropping it quietly.
    return {
      ok: false,
      raw,
      problem: 'filler_digit',
      message:
        `${name} ${shown} ends in "F", a filler that SIM and network tools add to pad the digits; ` +
        `it is not part of the ${label}. Remove the trailing F and check the result.`,
    };
  }
  const bad = /\D/u.exec(body);
  if (bad) {
    const allowed = allowLeadingPlus
      ? 'digits, spaces, dashes and a leading +'
      : 'digits, spaces and dashes';
    return {
      ok: false,
      raw,
      problem: 'bad_character',
      message:
        `${name} ${shown} contains ${describeCharacter(bad[0])}, which is not a digit. ` +
        `Only ${allowed} are allowed: correct or remove that character.`,
    };
  }
  const notes: string[] = [];
  // Only separators inside the value are worth a note; trimming the ends is routine.
  if (/\s/.test(shown)) notes.push('removed spaces');
  if (/[-\u2010-\u2015\u2212]/.test(shown)) notes.push('removed dashes');
  return { ok: true, raw, digits: body, notes, fromNumber: false, hadPlus };
}

/** Shared first step for any identifier: the bare digits, or why the value can't be used. */
export function cleanDigits(
  input: string | number,
): { digits: string } | { problem: IdentifierProblem; message: string } {
  const cleaned = cleanInput(input, 'value');
  return cleaned.ok
    ? { digits: cleaned.digits }
    : { problem: cleaned.problem, message: cleaned.message };
}
