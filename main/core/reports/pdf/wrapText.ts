import { fitText, textWidth, type FontName } from './helvetica';

/** One wrapped line, and whether it was cut inside a word (so rejoining it needs no space). */
interface Line {
  text: string;
  midWord: boolean;
}

/** The longest start of `word` that fits `maxWidth`, at least one character so wrapping moves on. */
function headThatFits(word: string, font: FontName, size: number, maxWidth: number): string {
  let width = 0;
  let end = 0;
  while (end < word.length) {
    width += textWidth(word.charAt(end), font, size);
    if (width > maxWidth) break;
    end += 1;
  }
  return word.slice(0, Math.max(1, end));
}

/** Lines of `encoded` greedily filled at spaces, stopping once there is one more than `limit`. */
function fill(encoded: string, font: FontName, size: number, maxWidth: number, limit: number) {
  const space = textWidth(' ', font, size);
  const lines: Line[] = [];
  let line = '';
  let width = 0;
  for (const word of encoded.split(' ')) {
    if (word === '') continue;
    const wordWidth = textWidth(word, font, size);
    if (line !== '' && width + space + wordWidth <= maxWidth) {
      line += ` ${word}`;
      width += space + wordWidth;
      continue;
    }
    if (line !== '') lines.push({ text: line, midWord: false });
    let rest = word;
    let restWidth = wordWidth;
    // Only a word wider than the whole column is broken, never one that would fit a line of its own.
    while (restWidth > maxWidth && lines.length <= limit) {
      const head = headThatFits(rest, font, size, maxWidth);
      lines.push({ text: head, midWord: true });
      rest = rest.slice(head.length);
      restWidth = textWidth(rest, font, size);
    }
    if (lines.length > limit) return lines;
    line = rest;
    width = restWidth;
  }
  if (line !== '') lines.push({ text: line, midWord: false });
  return lines;
}

/**
 * Encoded text as lines no wider than `maxWidth` points: broken at spaces, and inside words only
 * when a word is wider than the column. Text that fits is returned as is, on one line. Past
 * `maxLines` the last line ends in "…".
 */
export function wrapText(
  encoded: string,
  font: FontName,
  size: number,
  maxWidth: number,
  maxLines: number,
): string[] {
  if (textWidth(encoded, font, size) <= maxWidth) return [encoded];
  const lines = fill(encoded, font, size, maxWidth, maxLines);
  if (lines.length === 0) return [''];
  if (lines.length <= maxLines) return lines.map((l) => l.text);
  // The last kept line plus the start of the next is always too wide, so fitText ends it in "…".
  const last = lines[maxLines - 1]!;
  const joined = last.text + (last.midWord ? '' : ' ') + lines[maxLines]!.text;
  return [
    ...lines.slice(0, maxLines - 1).map((l) => l.text),
    fitText(joined, font, size, maxWidth),
  ];
}
