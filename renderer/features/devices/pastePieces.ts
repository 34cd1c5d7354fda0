import { MAX_PASTE_PIECE } from '../../../shared/contract/devices';

/** Where a piece may end, best first: a line break, a cell break, then any space. */
const BREAKS = [/\n/g, /[,;\t]/g, /\s/g];

/**
 * Cuts a long paste into pieces `devices:match` accepts, each ending just after a separator so
 * no id is split across two pieces.
 */
export function pastePieces(text: string, max = MAX_PASTE_PIECE): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = 0;
    for (const pattern of BREAKS) {
      for (const match of window.matchAll(pattern)) cut = match.index + 1;
      if (cut > 0) break;
    }
    // No separator in a whole piece: not a list of ids, so where it is cut doesn't matter.
    if (cut === 0) cut = max;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}
