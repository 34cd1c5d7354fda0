import type { Channel, RequestOf, ResponseOf, Result } from '../../shared/contract';

/** Calls core over the loopback bridge with the token from the console's address, as the page does. */
export async function callCore<C extends Channel>(
  consoleUrl: string,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const url = new URL(consoleUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  const response = await fetch(new URL(`/api/call/${channel}`, url.origin), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  const result = (await response.json()) as Result<ResponseOf<C>>;
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value;
}

/** The Luhn check digit that completes `body`. */
function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A well-formed ICCID (right length, right check digit) of an issuer the sandbox never uses. */
export const unknownIccid = (): string => {
  const body = '8944990000000012345';
  return body + luhnDigit(body);
};

/** The same ICCID with its check digit changed: a typo a desk would make. */
export const withBadCheckDigit = (iccid: string): string =>
  iccid.slice(0, -1) + String((Number(iccid.at(-1)) + 1) % 10);

const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** A CSV as customers send them: title lines above the header, then the rows. */
export function messyCsv(titles: string[], header: string[], rows: string[][]): Buffer {
  const lines = [
    ...titles.map((title) => [title, ...header.slice(1).map(() => '')]),
    header,
    ...rows,
  ];
  return Buffer.from(lines.map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n');
}
