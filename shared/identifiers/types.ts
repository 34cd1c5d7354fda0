/** Which kind of identifier a value is meant to be. */
export type IdentifierKind = 'iccid' | 'imei' | 'imeisv' | 'msisdn' | 'eid';

/** Why a value was rejected; stable codes the UI can group and count by. */
export type IdentifierProblem =
  | 'empty'
  | 'scientific_notation'
  | 'bad_character'
  | 'bad_length'
  | 'bad_prefix'
  | 'check_digit'
  | 'check_digit_missing'
  | 'leading_zero_lost'
  | 'filler_digit';

/** Outcome of validating one pasted value. */
export type IdentifierResult =
  | {
      ok: true;
      kind: IdentifierKind;
      /** Canonical form: digits only (MSISDN: country code included, no '+'). */
      value: string;
      /** Harmless clean-ups that were applied, e.g. "removed spaces". */
      notes: string[];
    }
  | {
      ok: false;
      kind: IdentifierKind;
      /** The value as it arrived (numbers as JS prints them). */
      input: string;
      problem: IdentifierProblem;
      /** Desk-worker English: names the value and says what to do. */
      message: string;
    };
