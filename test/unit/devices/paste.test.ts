import { describe, expect, it } from 'vitest';
import { matchPaste } from '../../../main/core/devices/paste';
import { listDevices } from '../../../main/core/devices/query';
import { CoreError } from '../../../main/core/errors';
import { useSeededWorkspace } from './workspace';

const DEVICES = 100_000;
const { db, inventory } = useSeededWorkspace(DEVICES);

const listed = (listId: string, offset = 0, limit = 500) =>
  listDevices(db(), { listId, offset, limit });

describe('pasting a list of ids', () => {
  it('finds devices by ICCID, IMEI, MSISDN or EID, written with spaces, dashes or a +', () => {
    const devices = inventory();
    const [a, b, c] = devices.filter((d) => d.msisdn !== null);
    const withEid = devices.find((d) => d.eid !== null)!;
    const text = [
      a!.iccid.replace(/(\d{4})/g, '$1 ').trim(),
      `${b!.imei!.slice(0, 6)}-${b!.imei!.slice(6)}`,
      `+${c!.msisdn!}`,
      withEid.eid!,
    ].join('\n');

    const match = matchPaste(db(), text);

    expect(match).toMatchObject({ ids: 4, matched: 4, duplicates: 0, unmatched: [] });
    const page = listed(match.listId);
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.id).sort((x, y) => x - y)).toEqual(
      [a!.id, b!.id, c!.id, withEid.id].sort((x, y) => x - y),
    );
  });

  it('lists each id that matched nothing with its position, value and reason, and counts repeats', () => {
    const [a, b] = inventory();
    const text = `${a!.iccid}, ${a!.imei}; 8901999999999999999\n${b!.iccid}\nICCID\t89O1410321111851072\n${b!.iccid}`;

    const match = matchPaste(db(), text);

    expect(match).toMatchObject({ ids: 7, matched: 2, duplicates: 2 });
    expect(match.unmatched).toEqual([
      {
        position: 3,
        value: '8901999999999999999',
        reason: 'No device in this workspace has this ICCID, IMEI, MSISDN or EID.',
      },
      {
        position: 5,
        value: 'ICCID',
        reason: expect.stringMatching(/has no digits.*column heading/),
      },
      {
        position: 6,
        value: '89O1410321111851072',
        reason: expect.stringMatching(/the letter O, not a zero/),
      },
    ]);
  });

  it('refuses a number that names two devices and asks for the ICCID', () => {
    const [a, b] = inventory().filter((d) => d.msisdn !== null);
    const setMsisdn = db().prepare('UPDATE devices SET msisdn = ? WHERE id = ?');
    setMsisdn.run(a!.imei, b!.id);

    const match = matchPaste(db(), a!.imei!);

    setMsisdn.run(b!.msisdn, b!.id);
    expect(match.matched).toBe(0);
    expect(match.unmatched[0]!.reason).toMatch(/Matches 2 devices.*paste the ICCID instead/);
  });

  it('adds a long paste’s later pieces to the list the first started, counting on from its end', () => {
    const devices = inventory();
    const first = matchPaste(db(), `${devices[10]!.iccid}\n${devices[11]!.iccid}`);
    const second = matchPaste(
      db(),
      `${devices[11]!.imei}\nnope\n${devices[12]!.iccid}`,
      first.listId,
    );

    expect(second).toMatchObject({ listId: first.listId, ids: 5, matched: 3, duplicates: 1 });
    expect(second.unmatched).toEqual([expect.objectContaining({ position: 4, value: 'nope' })]);
    expect(listed(first.listId).rows.map((r) => r.id)).toEqual([
      devices[10]!.id,
      devices[11]!.id,
      devices[12]!.id,
    ]);
  });

  it('holds 100,000 pasted ids as a list the grid pages through like any filter', () => {
    const devices = inventory();
    const picked = devices.filter((_, index) => index % 7 !== 3).slice(0, 100_000 - 40_000);
    const values = [...picked.map((d) => d.iccid), ...devices.slice(0, 40_000).map((d) => d.imei!)];
    let listId: string | undefined;
    let match;
    const unmatched = [];
    // As the window sends it: pieces of about 8,000 ids.
    for (let start = 0; start < values.length; start += 8_000) {
      match = matchPaste(db(), values.slice(start, start + 8_000).join('\n'), listId);
      listId = match.listId;
      unmatched.push(...match.unmatched);
    }
    const distinct = new Set([
      ...picked.map((d) => d.id),
      ...devices.slice(0, 40_000).map((d) => d.id),
    ]);
    expect(unmatched).toEqual([]);
    expect(match).toMatchObject({ ids: 100_000, matched: distinct.size });
    expect(match!.duplicates).toBe(100_000 - distinct.size);
    const deep = listed(listId!, distinct.size - 10, 100);
    expect(deep.total).toBe(distinct.size);
    expect(deep.rows.map((r) => r.id)).toEqual([...distinct].sort((x, y) => x - y).slice(-10));
    expect(listed(listId!, 0, 100).rows).toHaveLength(100);
  });

  it('says to paste again when a list is no longer held', () => {
    expect(() => listed('b2f0a0a5-0000-4000-8000-000000000000')).toThrow(CoreError);
    expect(() => matchPaste(db(), '1', 'gone')).toThrow(/no longer held.*Paste the ids again/);
  });

  it('keeps the newest lists and forgets older ones', () => {
    const iccid = inventory()[0]!.iccid;
    const first = matchPaste(db(), iccid);
    for (let i = 0; i < 8; i++) matchPaste(db(), iccid);
    expect(() => listed(first.listId)).toThrow(/no longer held/);
  });
});
