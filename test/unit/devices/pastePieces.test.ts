import { describe, expect, it } from 'vitest';
import { pastePieces } from '../../../renderer/features/devices/pastePieces';

describe('cutting a long paste into pieces core accepts', () => {
  it('sends a short paste whole', () => {
    expect(pastePieces('8901\n8902', 100)).toEqual(['8901\n8902']);
  });

  it('ends each piece just after a line break, so no id is split', () => {
    const lines = Array.from(
      { length: 50 },
      (_, i) => `89014103211118510${String(i).padStart(3, '0')}`,
    );
    const text = lines.join('\n');
    const pieces = pastePieces(text, 100);
    expect(pieces.join('')).toBe(text);
    expect(pieces.every((piece) => piece.length <= 100)).toBe(true);
    expect(pieces.flatMap((piece) => piece.split('\n').filter(Boolean))).toEqual(lines);
  });

  it('falls back to commas, then spaces, when a piece has no line break', () => {
    expect(pastePieces('111,222,333', 8)).toEqual(['111,222,', '333']);
    expect(pastePieces('111 222 333', 8)).toEqual(['111 222 ', '333']);
  });
});
