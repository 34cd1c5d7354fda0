/** "4-9, 12": device change ids as an audit entry names them, runs collapsed so 100k ids stay short. */
export function formatIds(ids: readonly number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return parts.join(', ');
}

// The engine's audit trail ends a batch exchange's status with "for device changes 4, 5, 6";
// the bulk view's own entries use the same words with runs ("4-9").
const NAMED = /for device changes ([\d, -]+)$/;

/** Whether an audit entry's status names this device change among several. */
export function namesDeviceChange(responseStatus: string, id: number): boolean {
  const list = NAMED.exec(responseStatus)?.[1];
  if (!list) return false;
  // A plain list (the engine's batches, thousands scanned per look-up) is one substring test.
  if (!list.includes('-')) return `, ${list},`.includes(`, ${id},`);
  return list.split(',').some((part) => {
    const [from, to] = part.trim().split('-').map(Number);
    return to === undefined ? from === id : from! <= id && id <= to;
  });
}

/** The tail the engine and the bulk view put on an entry made for many device changes. */
export const forDeviceChanges = (ids: readonly number[]): string =>
  `for device changes ${formatIds(ids)}`;
