import { describe, expect, it } from 'vitest';
import { detectTextEncoding } from '../../../../main/core/import/read/csvEncoding';
import { excelSeparatorLine, sniffDelimiter } from '../../../../main/core/import/read/csvDelimiter';
import { csvFile } from '../../../support/spreadsheets';

describe('guessing how a CSV file is written', () => {
  it('names the encoding from a byte-order mark, the NUL pattern of UTF-16, or the bytes', () => {
    const text = 'ICCID,Name\n8901,Zoë\n';
    const name = (bytes: Uint8Array) => detectTextEncoding(bytes)?.name;
    expect(name(csvFile(text))).toBe('UTF-8');
    expect(name(csvFile(text, { encoding: 'utf8bom' }))).toBe('UTF-8');
    expect(name(csvFile(text, { encoding: 'utf16le' }))).toBe('UTF-16LE');
    expect(name(csvFile(text, { encoding: 'utf16be' }))).toBe('UTF-16BE');
    expect(name(csvFile(text, { encoding: 'utf16le', bom: false }))).toBe('UTF-16LE');
    expect(name(csvFile(text, { encoding: 'utf16be', bom: false }))).toBe('UTF-16BE');
    expect(name(csvFile(text, { encoding: 'windows1252' }))).toBe('Windows-1252');
  });

  it('calls bytes with scattered NULs binary, not text', () => {
    const binary = Uint8Array.from({ length: 2048 }, (_, i) => (i % 7 === 0 ? 0 : (i * 31) % 251));
    expect(detectTextEncoding(binary)).toBeNull();
  });

  it('picks the delimiter that splits the lines most consistently, quotes respected', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n', true)).toBe(',');
    expect(sniffDelimiter('iccid;price;note\n8901;1,5;"a;b"\n8902;2,25;x\n', true)).toBe(';');
    expect(sniffDelimiter('a\tb\tc\n1\t2,5\t3\n', true)).toBe('\t');
    expect(sniffDelimiter('a|b\n"1|x"|2\n3|4\n', true)).toBe('|');
    // A title line above the table doesn't throw the guess off.
    expect(sniffDelimiter('Devices for ACME, Inc.\nICCID;IMEI;Status\n1;2;3\n4;5;6\n', true)).toBe(
      ';',
    );
  });

  it('falls back to a comma for a single column, and ignores a cut-off last line', () => {
    expect(sniffDelimiter('ICCID\n8901\n8902\n', true)).toBe(',');
    expect(sniffDelimiter('a;b\n1;2\n3;4;5,6,7,8', false)).toBe(';');
  });

  it("reads Excel's sep= line", () => {
    expect(excelSeparatorLine('sep=;\r\na;b\n')).toEqual({ delimiter: ';', length: 7 });
    expect(excelSeparatorLine('sep=|\na|b\n')).toEqual({ delimiter: '|', length: 6 });
    expect(excelSeparatorLine('separator,x\n')).toBeNull();
  });
});
