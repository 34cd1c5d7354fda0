const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|authorization|credential/i;
export const REDACTED = '[redacted]';

/**
 * Removes secrets from text bound for the log: values under secret-looking JSON keys and
 * header names, and any known secret value wherever it appears.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  try {
    const parsed: unknown = JSON.parse(out);
    return JSON.stringify(redactValue(parsed));
  } catch {
    return out.replace(/((?:password|secret|token|api[-_]?key)=)[^&\s]+/gi, `$1${REDACTED}`);
  }
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        SECRET_KEY.test(key) && typeof inner !== 'object' ? REDACTED : redactValue(inner),
      ]),
    );
  }
  return value;
}

/** Header values under secret names are replaced; the names stay so the log shows they were sent. */
export function redactHeaders(
  headers: Record<string, unknown>,
  extraSecretHeaders: readonly string[] = [],
): Record<string, string> {
  const extra = new Set(extraSecretHeaders.map((h) => h.toLowerCase()));
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([name, value]) => [
        name,
        SECRET_KEY.test(name) || extra.has(name.toLowerCase()) ? REDACTED : String(value),
      ]),
  );
}
