import { describe, expect, it } from 'vitest';
import { splitPastedIds } from '../../../main/core/devices/pasteText';

const ICCID = '89014103211118510720';
const IMEI = '352099001761481';

describe('reading a pasted list of ids', () => {
  it('takes line breaks, commas, semicolons and tabs as separators', () => {
    expect(splitPastedIds(`${ICCID}\r\n${IMEI},1;2\t3\n\n`)).toEqual([ICCID, IMEI, '1', '2', '3']);
  });

  it('takes spaces between whole ids as separators', () => {
    expect(splitPastedIds(`${ICCID} ${IMEI}  14155550123`)).toEqual([ICCID, IMEI, '14155550123']);
  });

  it('keeps an id written in groups of digits together', () => {
    expect(splitPastedIds('8901 4103 2111 1851 0720\n35 209900 176148 1')).toEqual([
      '8901 4103 2111 1851 0720',
      '35 209900 176148 1',
    ]);
    expect(splitPastedIds(`+1 415 555 0123, ${ICCID} 8901 4103 2111 1851 0738`)).toEqual([
      '+1 415 555 0123',
      ICCID,
      '8901 4103 2111 1851 0738',
    ]);
  });

  it('keeps dashes inside an id and drops the quotes of a CSV export', () => {
    expect(splitPastedIds(`"8901-4103-2111-1851-0720","${IMEI}"`)).toEqual([
      '8901-4103-2111-1851-0720',
      IMEI,
    ]);
  });

  it('keeps words that are not ids, so they can be reported', () => {
    expect(splitPastedIds(`ICCID\n${ICCID}\nDevice ID`)).toEqual(['ICCID', ICCID, 'Device ID']);
  });

  it('reads nothing from blank text', () => {
    expect(splitPastedIds(' \n\t ,; ')).toEqual([]);
  });
});
