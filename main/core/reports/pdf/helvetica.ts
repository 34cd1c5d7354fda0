/**
 * Helvetica as a standard PDF font: WinAnsiEncoding and the advance widths from Adobe's AFM files
 * (Helvetica.afm, Helvetica-Bold.afm; units of 1/1000 em). The 14 standard fonts are never
 * embedded, so these tables are what lets us clip text to a column without guessing.
 */

// Widths of codes 32–126, then 128–255 (WinAnsi), in AFM order; 0 marks codes WinAnsi leaves unused.
const REGULAR_ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
  611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
  667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
  222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const REGULAR_HIGH = [
  556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, 0, 222, 222, 333,
  333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667, 278, 333, 556, 556, 556, 556, 260,
  556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 556, 537, 278, 333, 333,
  365, 556, 834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278,
  278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
  556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, 556, 556, 556,
  556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];
const BOLD_ASCII = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
  611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
  667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
  278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
const BOLD_HIGH = [
  556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, 0, 278, 278, 500,
  500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667, 278, 333, 556, 556, 556, 556, 280,
  556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 611, 556, 278, 333, 333,
  365, 556, 834, 834, 834, 611, 722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278,
  278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
  556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, 611, 611, 611,
  611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
];

function table(ascii: number[], high: number[]): Uint16Array {
  const widths = new Uint16Array(256);
  ascii.forEach((w, i) => (widths[32 + i] = w));
  high.forEach((w, i) => (widths[128 + i] = w));
  return widths;
}

export type FontName = 'F1' | 'F2';
const WIDTHS: Record<FontName, Uint16Array> = {
  F1: table(REGULAR_ASCII, REGULAR_HIGH),
  F2: table(BOLD_ASCII, BOLD_HIGH),
};

// WinAnsi 128–159 differ from Latin-1: these are the Unicode characters they stand for.
const WIN_ANSI_HIGH: Record<number, number> = {
  0x20ac: 128,
  0x201a: 130,
  0x0192: 131,
  0x201e: 132,
  0x2026: 133,
  0x2020: 134,
  0x2021: 135,
  0x02c6: 136,
  0x2030: 137,
  0x0160: 138,
  0x2039: 139,
  0x0152: 140,
  0x017d: 142,
  0x2018: 145,
  0x2019: 146,
  0x201c: 147,
  0x201d: 148,
  0x2022: 149,
  0x2013: 150,
  0x2014: 151,
  0x02dc: 152,
  0x2122: 153,
  0x0161: 154,
  0x203a: 155,
  0x0153: 156,
  0x017e: 158,
  0x0178: 159,
};
const COMBINING_MARKS = /\p{M}/gu;
// Letters with a stroke have no decomposition to strip, so they get their plain letter here.
const STROKED: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i' };

function winAnsiCode(char: string): number | null {
  const cp = char.codePointAt(0)!;
  if ((cp >= 32 && cp <= 126) || (cp >= 160 && cp <= 255)) return cp;
  return WIN_ANSI_HIGH[cp] ?? null;
}

/**
 * Text as WinAnsi codes (one char per byte, for a latin1 Buffer). Control characters become
 * spaces; a character WinAnsi lacks becomes its unaccented letter when it has one ("ő" → "o",
 * "ł" → "l"), else "?", so a name keeps its shape instead of turning into boxes.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    const code = winAnsiCode(char);
    if (code !== null) {
      out += String.fromCharCode(code);
      continue;
    }
    const cp = char.codePointAt(0)!;
    if (cp < 32 || (cp >= 127 && cp < 160)) {
      out += ' ';
      continue;
    }
    const base = (STROKED[char] ?? char).normalize('NFKD').replace(COMBINING_MARKS, '');
    const codes = [...base].map(winAnsiCode);
    out +=
      base.length > 0 && codes.every((c) => c !== null)
        ? String.fromCharCode(...(codes as number[]))
        : '?';
  }
  return out;
}

/** Width in points of WinAnsi-encoded text at a font size. */
export function textWidth(encoded: string, font: FontName, size: number): number {
  const widths = WIDTHS[font];
  let units = 0;
  for (let i = 0; i < encoded.length; i += 1) units += widths[encoded.charCodeAt(i)] ?? 0;
  return (units * size) / 1000;
}

const ELLIPSIS = String.fromCharCode(133);

/** Encoded text cut to fit `maxWidth` points, ending in "…" when anything was cut. */
export function fitText(encoded: string, font: FontName, size: number, maxWidth: number): string {
  if (textWidth(encoded, font, size) <= maxWidth) return encoded;
  const widths = WIDTHS[font];
  const budget = (maxWidth * 1000) / size - (widths[133] ?? 1000);
  let units = 0;
  let end = 0;
  while (end < encoded.length) {
    const next = units + (widths[encoded.charCodeAt(end)] ?? 0);
    if (next > budget) break;
    units = next;
    end += 1;
  }
  return budget <= 0 ? '' : encoded.slice(0, end).trimEnd() + ELLIPSIS;
}
