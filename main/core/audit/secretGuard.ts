import { CoreError } from '../errors';
import { REDACTED } from '../carriers/http/redact';

// Belt and braces: callers redact (carriers/http/redact.ts) before logging; this only catches
// the obvious leaks a missed redaction would write into a log that can never be edited again.
// Anchored on secret names so that ordinary carrier prose ("Basic authentication failed") does
// not trip it; each pattern is linear (no nested quantifiers), so a 2 KB text costs microseconds.
const NOT_REDACTED = `(?!${REDACTED.replace(/[[\]]/g, '\\$&')})`;
const SECRET_NAME = String.raw`pass(?:word|wd)|(?:client|app)?[-_]?secret|(?:x-)?api[-_]?key|(?:access|refresh|session|id|vz-m2m)?[-_]?token`;

const LEAKS: readonly { what: string; pattern: RegExp }[] = [
  {
    what: 'an Authorization header with its credentials',
    pattern: new RegExp(
      String.raw`authorization"?\s*[:=]\s*"?(?:basic|bearer)\s+${NOT_REDACTED}[^\s"]`,
      'i',
    ),
  },
  {
    // A JSON member or header map entry: "password":"s3cret", "VZ-M2M-Token":"abc".
    what: 'a password, key or token in JSON',
    pattern: new RegExp(String.raw`"(?:${SECRET_NAME})"\s*:\s*"${NOT_REDACTED}[^"]`, 'i'),
  },
  {
    // A header line in HTTP text form: "VZ-M2M-Token: abc".
    what: 'a key or token header',
    pattern: new RegExp(
      String.raw`(?:^|[\r\n])(?:vz-m2m-token|app-secret|x-api-key|api-key)[ \t]*:[ \t]*${NOT_REDACTED}\S`,
      'i',
    ),
  },
  {
    // A query string or form body: ?password=s3cret&...
    what: 'a password, key or token in a query string',
    pattern: new RegExp(String.raw`(?:^|[?&\r\n])(?:${SECRET_NAME})=${NOT_REDACTED}[^&\s"]`, 'i'),
  },
];

/**
 * Throws if `text` plainly still holds a credential; never echoes the credential itself.
 * `refusing` names what would have kept it, e.g. "The audit log refused an entry for bulk change 12".
 */
export function assertRedacted(text: string | null, field: string, refusing: string): void {
  if (text === null) return;
  for (const leak of LEAKS) {
    if (leak.pattern.test(text)) {
      throw new CoreError(
        'internal',
        `${refusing}: its ${field} still holds ${leak.what}. Nothing was written; this is a bug in the redaction, please report it.`,
      );
    }
  }
}
