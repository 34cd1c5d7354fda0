import { formatCount } from '../../ui/format';
import { useSelectionStore } from './selectionStore';
import { useDevicesStore } from './store';

/** A shift-click reaches at most this many rows; more is a job for a filter and Select all. */
export const MAX_RANGE = 5_000;

/**
 * Ticks or unticks one row, or with `range` every row from the last one clicked to this one
 * (loading any rows of the range not yet on screen).
 */
export async function tickRows(
  iccid: string,
  index: number,
  selected: boolean,
  range: boolean,
): Promise<void> {
  const { anchor, setMany, setNote } = useSelectionStore.getState();
  if (!range || anchor === null || anchor === index) {
    setMany([iccid], selected, index);
    return;
  }
  const [first, last] = anchor < index ? [anchor, index] : [index, anchor];
  if (last - first + 1 > MAX_RANGE) {
    setNote(
      `Shift-click ticks up to ${formatCount(MAX_RANGE)} rows at a time. For more, filter the grid and use Select all.`,
    );
    return;
  }
  const iccids = await useDevicesStore.getState().iccidsBetween(first, last);
  if (iccids) useSelectionStore.getState().setMany(iccids, selected, index);
}
