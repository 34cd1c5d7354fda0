/** Always between ids: line breaks, commas, semicolons and tabs (a spreadsheet's cells). */
const HARD_BREAKS = /[\r\n,;\t]+/;
/** Quotes a CSV export leaves around a value. */
const QUOTES = /^["'“”‘’]+|["'“”‘’]+$/g;
/** Fewer digits than this is a group of a longer id ('8901 4103 …', '+1 555 …'), not an id. */
const WHOLE_ID_DIGITS = 10;

const digitCount = (word: string): number => word.replace(/\D/g, '').length;

/**
 * Splits a pasted list into ids as the desk wrote them. Spaces are ambiguous (between ids, or
 * inside one written in groups), so a word of 10+ digits stands alone and a run of shorter
 * words is one id; cleaning and matching happen later, with each id's position kept.
 */
export function splitPastedIds(text: string): string[] {
  const ids: string[] = [];
  for (const field of text.split(HARD_BREAKS)) {
    let group: string[] = [];
    const flush = () => {
      if (group.length > 0) ids.push(group.join(' '));
      group = [];
    };
    for (const raw of field.split(/\s+/)) {
      const word = raw.replace(QUOTES, '');
      if (word === '') continue;
      if (digitCount(word) >= WHOLE_ID_DIGITS) {
        flush();
        ids.push(word);
      } else group.push(word);
    }
    flush();
  }
  return ids;
}
