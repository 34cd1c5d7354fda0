import { describe, expect, it } from 'vitest';
import { matchPaste } from '../../../main/core/devices/paste';
import { listDevices } from '../../../main/core/devices/query';
import { resolveSelection } from '../../../main/core/devices/selection';
import { useSeededWorkspace } from './workspace';

const { db, inventory } = useSeededWorkspace(20_000);

describe('resolving a selection to ICCIDs', () => {
  it('keeps picked ICCIDs in the order given, once each, and lists the unknown ones', () => {
    const [a, b, c] = inventory();
    const selection = {
      kind: 'ids' as const,
      ids: [c!.iccid, a!.iccid, '8900000000000000000', c!.iccid, b!.iccid],
    };

    expect(resolveSelection(db(), selection)).toEqual({
      iccids: [c!.iccid, a!.iccid, b!.iccid],
      unmatched: ['8900000000000000000'],
    });
  });

  it('resolves a filter to every matching device in id order, less the unticked ones', () => {
    const filter = {
      statuses: ['suspended' as const],
      carriers: ['jasper' as const, 'pond' as const],
    };
    const matching = inventory().filter(
      (d) => d.status === 'suspended' && (d.carrier === 'jasper' || d.carrier === 'pond'),
    );
    const except = [matching[3]!.iccid, matching[40]!.iccid];

    const resolved = resolveSelection(db(), { kind: 'filter', filter, except });

    expect(resolved.unmatched).toEqual([]);
    expect(resolved.iccids).toEqual(
      matching.map((d) => d.iccid).filter((iccid) => !except.includes(iccid)),
    );
    expect(resolved.iccids.length).toBe(
      listDevices(db(), { ...filter, offset: 0, limit: 1 }).total - 2,
    );
  });

  it('resolves the whole inventory when the filter is empty', () => {
    const resolved = resolveSelection(db(), { kind: 'filter', filter: {}, except: [] });
    expect(resolved.iccids).toEqual(inventory().map((d) => d.iccid));
  });

  it('resolves a pasted list, narrowed by any other filter', () => {
    const devices = inventory().slice(100, 160);
    const { listId } = matchPaste(db(), devices.map((d) => d.imei).join('\n'));

    expect(
      resolveSelection(db(), { kind: 'filter', filter: { listId }, except: [] }).iccids,
    ).toEqual(devices.map((d) => d.iccid));
    expect(
      resolveSelection(db(), {
        kind: 'filter',
        filter: { listId, statuses: ['active'] },
        except: [],
      }).iccids,
    ).toEqual(devices.filter((d) => d.status === 'active').map((d) => d.iccid));
  });
});
