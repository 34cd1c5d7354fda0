import { beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../../shared/identifiers';
import { identifierChange as handler } from '../../../main/core/changes/identifierChange';
import type { CarrierDeviceState } from '../../../main/core/carriers/types';
import type { Db } from '../../../main/core/store/open';
import { useTempDir } from '../../support/tempDir';
import {
  accepted,
  deviceRow,
  findDevice,
  planFor,
  queued,
  refusal,
  refused,
  reload,
  sandboxStore,
  untouched,
} from './fixture';

const tempDir = useTempDir('file');
let db: Db;

beforeAll(async () => {
  db = await sandboxStore(tempDir());
  return () => db.close();
});

const withCheckDigit = (body: string) => body + luhnCheckDigit(body).toString();
/** SIMs and devices the sandbox has never seen. */
const spareIccid = (n: number) => withCheckDigit(`8914800999${String(n).padStart(9, '0')}`);
const spareImei = (n: number) => withCheckDigit(`35999900${String(n).padStart(6, '0')}`);

const check = (swaps: unknown[]) => refusal(() => handler.checkParams!(db, { swaps } as never));

describe('checking the swap list as a whole', () => {
  it("refuses a new ICCID that fails its check digit, in the validator's words", () => {
    const device = findDevice(db, "a.carrier = 'thingspace' AND d.status = 'active'");
    const good = spareIccid(1);
    const typo = good.slice(0, -1) + String((Number(good.at(-1)) + 1) % 10);
    const error = check([{ iccid: device.iccid, newIccid: typo }]);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe(
      `ICCID ${typo} fails its check digit: check for a typo in the digits. (the new ICCID for ICCID ${device.iccid})`,
    );
  });

  it('refuses an IMEI of the wrong length', () => {
    const device = findDevice(db, "a.carrier = 'thingspace' AND d.status = 'active'");
    expect(check([{ iccid: device.iccid, newImei: '3599990000001' }]).message).toBe(
      `IMEI 3599990000001 has 13 digits; an IMEI has 15. (the new IMEI for ICCID ${device.iccid})`,
    );
  });

  it('refuses the same new ICCID given for two devices', () => {
    const [first, second] = db
      .prepare("SELECT iccid FROM devices WHERE status = 'active' ORDER BY id LIMIT 2")
      .pluck()
      .all() as string[];
    expect(
      check([
        { iccid: first, newIccid: spareIccid(2) },
        { iccid: second, newIccid: spareIccid(2) },
      ]).message,
    ).toBe(
      `New ICCID ${spareIccid(2)} is given for both ICCID ${first} and ICCID ${second}; a SIM can go on one line only.`,
    );
  });

  it('refuses a device listed twice', () => {
    const device = findDevice(db, "d.status = 'active'");
    expect(
      check([
        { iccid: device.iccid, newImei: spareImei(1) },
        { iccid: device.iccid, newImei: spareImei(2) },
      ]).message,
    ).toBe(`ICCID ${device.iccid} is listed twice; give one swap per device.`);
  });

  it('refuses a new ICCID the inventory already holds, saying where it is', () => {
    const device = findDevice(db, "a.carrier = 'thingspace' AND d.status = 'active'");
    const taken = findDevice(db, "a.carrier = 'telegence' AND d.status = 'inventory'");
    expect(check([{ iccid: device.iccid, newIccid: taken.iccid }]).message).toBe(
      `New ICCID ${taken.iccid} is already in the inventory (inventory on AT&T Telegence (sandbox)); a swap needs a SIM the inventory doesn't hold yet.`,
    );
  });

  it('refuses a new IMEI that is already on another device, naming that device', () => {
    const device = findDevice(db, "a.carrier = 'thingspace' AND d.status = 'active'");
    const other = findDevice(db, "a.carrier = 'jasper' AND d.status = 'suspended'");
    expect(check([{ iccid: device.iccid, newImei: other.imei }]).message).toBe(
      `New IMEI ${other.imei} is already the IMEI of ICCID ${other.iccid} (suspended on Cisco Control Center (sandbox)); check the IMEI, or swap that device's IMEI first.`,
    );
  });

  it('lists every problem at once, the first few in full', () => {
    const rows = db
      .prepare("SELECT iccid, imei FROM devices WHERE status = 'active' ORDER BY id LIMIT 7")
      .all() as { iccid: string; imei: string }[];
    const error = check(rows.map((row) => ({ iccid: row.iccid, newImei: row.imei })));
    expect(error.message).toMatch(
      /^7 problems in the swap list: ICCID \d+ already has IMEI \d+; nothing to swap\. /,
    );
    expect(error.message).toMatch(/…and 2 more\.$/);
  });

  it('takes valid, unused values, with the spaces a spreadsheet adds', () => {
    const device = findDevice(db, "a.carrier = 'thingspace' AND d.status = 'active'");
    const spaced = spareIccid(3).replace(/(\d{4})/g, '$1 ');
    expect(() =>
      handler.checkParams!(db, { swaps: [{ iccid: device.iccid, newIccid: spaced }] }),
    ).not.toThrow();
  });
});

describe('planning each device', () => {
  it('swaps an active ThingSpace line to a new SIM, in canonical digits', () => {
    const device = findDevice(db, "a.carrier = 'thingspace' AND d.status = 'active'");
    const spaced = spareIccid(4).replace(/(\d{4})/g, '$1 ');
    const result = accepted(
      planFor(db, handler, { swaps: [{ iccid: device.iccid, newIccid: spaced }] }, device),
    );
    expect(result.request).toEqual({ newIccid: spareIccid(4) });
    expect(result.changes).toEqual([{ field: 'iccid', from: device.iccid, to: spareIccid(4) }]);
  });

  it('swaps the IMEI and the SIM together on AT&T', () => {
    const device = findDevice(db, "a.carrier = 'telegence' AND d.status = 'active'");
    const swaps = [{ iccid: device.iccid, newIccid: spareIccid(5), newImei: spareImei(5) }];
    expect(accepted(planFor(db, handler, { swaps }, device)).changes).toEqual([
      { field: 'iccid', from: device.iccid, to: spareIccid(5) },
      { field: 'imei', from: device.imei, to: spareImei(5) },
    ]);
  });

  it('refuses a device the list has no swap for', () => {
    const device = findDevice(db, "a.carrier = 'thingspace' AND d.status = 'active'");
    const other = findDevice(db, "a.carrier = 'telegence' AND d.status = 'active'");
    const swaps = [{ iccid: other.iccid, newImei: spareImei(6) }];
    expect(refused(planFor(db, handler, { swaps }, device))).toBe(
      `No new ICCID or IMEI was given for ICCID ${device.iccid}; add it to the swap list or leave the device out.`,
    );
  });

  it("refuses a Cisco line: Control Center can't swap through its API, so use the portal", () => {
    const device = findDevice(db, "a.carrier = 'jasper' AND d.status = 'active'");
    const swaps = [{ iccid: device.iccid, newIccid: spareIccid(7) }];
    expect(refused(planFor(db, handler, { swaps }, device))).toBe(
      `ICCID ${device.iccid} is on Cisco Control Center, which can't swap an ICCID through its API; do it in the Cisco Control Center portal.`,
    );
  });

  it('refuses a POND line for both kinds at once', () => {
    const device = findDevice(db, "a.carrier = 'pond' AND d.status = 'active'");
    const swaps = [{ iccid: device.iccid, newIccid: spareIccid(8), newImei: spareImei(8) }];
    expect(refused(planFor(db, handler, { swaps }, device))).toContain(
      "which can't swap an ICCID or an IMEI through its API",
    );
  });

  it('refuses a suspended line and says to restore it first', () => {
    const device = findDevice(db, "a.carrier = 'thingspace' AND d.status = 'suspended'");
    const swaps = [{ iccid: device.iccid, newImei: spareImei(9) }];
    expect(refused(planFor(db, handler, { swaps }, device))).toBe(
      `ICCID ${device.iccid} is suspended; carriers swap an ICCID or IMEI only on an active line, so restore it first.`,
    );
  });

  it('refuses a ThingSpace line without an MDN, as ThingSpace would', () => {
    const { id } = findDevice(
      db,
      "a.carrier = 'thingspace' AND d.status = 'active' AND d.id > 150",
    );
    db.prepare('UPDATE devices SET msisdn = NULL WHERE id = ?').run(id);
    const device = reload(db, id);
    const swaps = [{ iccid: device.iccid, newImei: spareImei(10) }];
    expect(refused(planFor(db, handler, { swaps }, device))).toMatch(
      /has no MDN, and Verizon ThingSpace swaps an ICCID or IMEI only on a line with one/,
    );
  });
});

describe('after the carrier has answered', () => {
  const state = (iccid: string, imei: string | null): CarrierDeviceState => ({
    iccid,
    imei,
    msisdn: '15125550100',
    status: 'active',
    carrierStatus: 'active',
    ratePlan: null,
    communicationPlan: null,
  });

  it('reads the new values as applied, and the old ones as "can\'t tell" on an async carrier', () => {
    const device = findDevice(db, "a.carrier = 'thingspace' AND d.status = 'active'");
    const item = queued(db, 'identifierChange', device, {
      newIccid: spareIccid(11),
      newImei: spareImei(11),
    });
    const params = { swaps: [] };
    expect(handler.isApplied!(state(spareIccid(11), spareImei(11)), params, item)).toBe(true);
    expect(handler.isApplied!(state(device.iccid, device.imei), params, item)).toBeUndefined();
    expect(handler.isApplied!(state(spareIccid(11), null), params, item)).toBeUndefined();
  });

  it('writes the new ICCID and IMEI, and the MDN the carrier reports, and nothing else', () => {
    const device = findDevice(db, "a.carrier = 'telegence' AND d.status = 'active'");
    const item = queued(db, 'identifierChange', device, {
      newIccid: spareIccid(12),
      newImei: spareImei(12),
    });
    const before = deviceRow(db, device.id);
    db.transaction(() =>
      handler.applyLocal(db, { swaps: [] }, item, state(spareIccid(12), spareImei(12))),
    )();
    const after = deviceRow(db, device.id);
    expect(after).toMatchObject({
      iccid: spareIccid(12),
      imei: spareImei(12),
      msisdn: '15125550100',
    });
    expect(untouched(after, 'iccid', 'imei', 'msisdn')).toEqual(
      untouched(before, 'iccid', 'imei', 'msisdn'),
    );
  });

  it('keeps the MDN when the carrier reports no state, and changes only the IMEI asked for', () => {
    const device = findDevice(db, "a.carrier = 'thingspace' AND d.status = 'active' AND d.id > 50");
    const item = queued(db, 'identifierChange', device, { newImei: spareImei(13) });
    db.transaction(() => handler.applyLocal(db, { swaps: [] }, item, undefined))();
    expect(deviceRow(db, device.id)).toMatchObject({
      iccid: device.iccid,
      imei: spareImei(13),
      msisdn: device.msisdn,
    });
  });

  it('refuses to write an ICCID another device took meanwhile, for review', () => {
    const device = findDevice(
      db,
      "a.carrier = 'thingspace' AND d.status = 'active' AND d.id > 100",
    );
    const other = findDevice(db, "d.status = 'inventory'");
    const item = queued(db, 'identifierChange', device, { newIccid: other.iccid });
    const error = refusal(() => handler.applyLocal(db, { swaps: [] }, item, undefined));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(`another device in the inventory now has that ICCID`);
  });
});
