import { describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../../renderer/ui/base64';

const bytesOf = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 7919) % 256);

describe('base64 for downloads', () => {
  it('decodes back to the same bytes, whatever the padding', () => {
    for (const length of [0, 1, 2, 3, 131_071, 131_072, 131_073, 400_000]) {
      const bytes = bytesOf(length);
      expect(base64ToBytes(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
    }
  });

  it('reads base64 that was wrapped over several lines', () => {
    const wrapped = Buffer.from('ICCID,IMEI\n8901…')
      .toString('base64')
      .replace(/(.{8})/g, '$1\n');
    expect(new TextDecoder().decode(base64ToBytes(wrapped))).toBe('ICCID,IMEI\n8901…');
  });
});
