import type { PasteMatch, UnmatchedId } from '../../../shared/contract/devices';
import type { Db } from '../store/open';
import { matchIdentifiers } from './match';
import { splitPastedIds } from './pasteText';
import { addToList, findList, listSize, saveCounts, startList } from './pastedLists';

/**
 * Matches one piece of a pasted list and adds its devices to the list (a new one unless
 * `listId` names the list an earlier piece started). Positions count from the paste's start.
 */
export function matchPaste(db: Db, text: string, listId?: string): PasteMatch {
  const list = listId === undefined ? startList(db) : findList(db, listId);
  const values = splitPastedIds(text);
  const matches = matchIdentifiers(db, values);
  const unmatched: UnmatchedId[] = [];
  db.transaction(() => {
    matches.forEach((match, index) => {
      if (!match.ok)
        unmatched.push({
          position: list.ids + index + 1,
          value: values[index]!,
          reason: match.reason,
        });
      else if (!addToList(db, list, match.deviceId)) list.duplicates += 1;
    });
    list.ids += values.length;
    saveCounts(db, list);
  })();
  return {
    listId: list.id,
    ids: list.ids,
    matched: listSize(db, list),
    duplicates: list.duplicates,
    unmatched,
  };
}
