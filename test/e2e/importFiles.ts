import { luhnCheckDigit } from '../../shared/identifiers';

/** A well-formed ICCID (right length, right check digit) of an issuer the sandbox never uses. */
export const unknownIccid = (): string => {
  const body = '8944990000000012345';
  return body + luhnCheckDigit(body);
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
