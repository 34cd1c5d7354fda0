import { z } from 'zod';
import { cleanDigits, validateIccid, validateImei } from '../../../shared/identifiers';
import type { Db } from '../store/open';
import { cached } from '../store/statements';

/** One line of the swap list, keyed by the device's current ICCID. */
export const Swap = z.object({
  iccid: z.string().trim().min(1),
  newIccid: z.string().trim().min(1).optional(),
  newImei: z.string().trim().min(1).optional(),
});
export type Swap = z.infer<typeof Swap>;

/** A swap with every value in canonical digits, or the first thing wrong with it. */
export type CleanSwap =
  | { ok: true; iccid: string; newIccid?: string; newImei?: string }
  | { ok: false; iccid: string; message: string };

/** The current ICCID as digits, so a pasted "8901 4100…" finds its device. */
export function currentIccid(value: string): string {
  const cleaned = cleanDigits(value);
  return 'digits' in cleaned ? cleaned.digits : value;
}

export function cleanSwap(swap: Swap): CleanSwap {
  const iccid = currentIccid(swap.iccid);
  const clean: CleanSwap = { ok: true, iccid };
  if (swap.newIccid !== undefined) {
    const result = validateIccid(swap.newIccid);
    if (!result.ok)
      return { ok: false, iccid, message: `${result.message} (the new ICCID for ICCID ${iccid})` };
    clean.newIccid = result.value;
  }
  if (swap.newImei !== undefined) {
    const result = validateImei(swap.newImei);
    if (!result.ok)
      return { ok: false, iccid, message: `${result.message} (the new IMEI for ICCID ${iccid})` };
    clean.newImei = result.value;
  }
  return clean;
}

const byList = new WeakMap<readonly Swap[], Map<string, CleanSwap>>();

/** The swap list by current ICCID, cleaned once per list (plan() asks once per device). */
export function swapsByIccid(swaps: readonly Swap[]): Map<string, CleanSwap> {
  let found = byList.get(swaps);
  if (!found) {
    found = new Map(swaps.map((swap) => [currentIccid(swap.iccid), cleanSwap(swap)]));
    byList.set(swaps, found);
  }
  return found;
}

interface Holder {
  iccid: string;
  imei: string | null;
  status: string;
  account: string;
}

const HOLDER = `SELECT d.iccid, d.imei, d.status, a.name AS account
  FROM devices d JOIN carrier_accounts a ON a.id = d.carrier_account_id`;

/**
 * Everything wrong with the list as a whole: values that fail validation, a device or a new
 * value listed twice, and new values the inventory already holds.
 */
export function swapListProblems(db: Db, swaps: readonly Swap[]): string[] {
  const problems: string[] = [];
  const seenDevices = new Set<string>();
  const seenIccids = new Map<string, string>();
  const seenImeis = new Map<string, string>();
  const iccidHolder = cached(db, `${HOLDER} WHERE d.iccid = ?`);
  const imeiHolder = cached(db, `${HOLDER} WHERE d.imei = ? LIMIT 1`);

  for (const swap of swaps) {
    const clean = cleanSwap(swap);
    const { iccid } = clean;
    if (seenDevices.has(iccid)) {
      problems.push(`ICCID ${iccid} is listed twice; give one swap per device.`);
      continue;
    }
    seenDevices.add(iccid);
    if (!clean.ok) {
      problems.push(clean.message);
      continue;
    }
    if (clean.newIccid !== undefined) {
      const other = seenIccids.get(clean.newIccid);
      if (other !== undefined)
        problems.push(
          `New ICCID ${clean.newIccid} is given for both ICCID ${other} and ICCID ${iccid}; a SIM can go on one line only.`,
        );
      seenIccids.set(clean.newIccid, iccid);
      const holder = iccidHolder.get(clean.newIccid) as Holder | undefined;
      if (holder)
        problems.push(
          holder.iccid === iccid
            ? `ICCID ${iccid} is listed with itself as its new ICCID; nothing to swap.`
            : `New ICCID ${clean.newIccid} is already in the inventory (${holder.status} on ${holder.account}); a swap needs a SIM the inventory doesn't hold yet.`,
        );
    }
    if (clean.newImei !== undefined) {
      const other = seenImeis.get(clean.newImei);
      if (other !== undefined)
        problems.push(
          `New IMEI ${clean.newImei} is given for both ICCID ${other} and ICCID ${iccid}; a device can be on one line only.`,
        );
      seenImeis.set(clean.newImei, iccid);
      const holder = imeiHolder.get(clean.newImei) as Holder | undefined;
      if (holder)
        problems.push(
          holder.iccid === iccid
            ? `ICCID ${iccid} already has IMEI ${clean.newImei}; nothing to swap.`
            : `New IMEI ${clean.newImei} is already the IMEI of ICCID ${holder.iccid} (${holder.status} on ${holder.account}); check the IMEI, or swap that device's IMEI first.`,
        );
    }
  }
  return problems;
}
