import { emptyStatusCounts } from '../../../shared/domain/changes';
import { describe, expect, it } from 'vitest';
import type { BulkProgress } from '../../../shared/contract/bulk';
import type { BulkDetail } from '../../../shared/contract/bulkView';
import { useBulkProgressStore } from '../../../renderer/features/bulk/bulkProgressStore';
import { laneRows } from '../../../renderer/features/bulk/laneRows';
import {
  advance,
  progressFromSummary,
  type ProgressModel,
} from '../../../renderer/features/bulk/progressModel';
import { doneText, etaText, phaseOf } from '../../../renderer/features/bulk/progressText';

const zero = emptyStatusCounts();

type Lane = BulkProgress['lanes'][number];

/** A report of `lanes`, the bulk change's counts being the lanes' sums (all succeeded or pending). */
function report(lanes: Lane[], patch: Partial<BulkProgress> = {}): BulkProgress {
  const done = lanes.reduce((sum, lane) => sum + lane.done, 0);
  const total = lanes.reduce((sum, lane) => sum + lane.total, 0);
  return {
    bulkChangeId: 7,
    status: 'PROCESSING',
    paused: false,
    counts: { ...zero, SUCCEEDED: done, PENDING: total - done },
    done,
    total,
    ratePerSecond: 0,
    etaSeconds: null,
    lanes,
    ...patch,
  };
}

const lane = (carrier: string, done: number, total: number, state: Lane['state'] = 'running') => ({
  carrier,
  done,
  total,
  state,
  reason:
    state === 'waiting' ? 'POND IoT is answering too many calls; trying again in 30 s.' : null,
});

/** Reports every 250 ms of lanes moving at steady paces (devices a second) from zero. */
function steady(paces: Record<string, number>, totals: Record<string, number>, seconds: number) {
  let model: ProgressModel | undefined;
  for (let ms = 0; ms <= seconds * 1000; ms += 250) {
    const lanes = Object.entries(paces).map(([carrier, pace]) =>
      lane(carrier, Math.min(totals[carrier]!, Math.floor((pace * ms) / 1000)), totals[carrier]!),
    );
    model = advance(model, report(lanes, { ratePerSecond: 1 }), ms);
  }
  return model!;
}

describe('the progress model', () => {
  it('says “about 3 min left” for 1,800 devices to go at a steady 10 a second', () => {
    const model = steady({ jasper: 10 }, { jasper: 1_850 }, 5);
    expect(model.ratePerSecond).toBeGreaterThan(9);
    expect(model.ratePerSecond).toBeLessThan(11);
    expect(doneText(model)).toBe('50 of 1,850 devices done');
    expect(etaText(model)).toBe('about 3 min left');
  });

  it('gives the slowest lane’s time left, and stops counting a lane once it is through', () => {
    const model = steady({ jasper: 5, pond: 100 }, { jasper: 1_000, pond: 400 }, 8);
    // POND finished after 4 s; Cisco has 960 left at 5 a second.
    expect(model.ratePerSecond).toBeCloseTo(5, 0);
    expect(model.etaSeconds).toBeGreaterThan(180);
    expect(model.etaSeconds).toBeLessThan(210);
  });

  it('takes no sample from reports closer together than a fifth of a second', () => {
    let model = advance(undefined, report([lane('pond', 0, 100)]), 0);
    model = advance(model, report([lane('pond', 10, 100)]), 1_000);
    const pace = model.paces['pond#0'];
    model = advance(model, report([lane('pond', 30, 100)]), 1_050);
    expect(model.paces['pond#0']).toEqual(pace);
    expect(model.done).toBe(30);
  });

  it('is waiting, with no time left, when every carrier with work left waits', () => {
    let model = steady({ pond: 20, jasper: 50 }, { pond: 400, jasper: 100 }, 4);
    model = advance(
      model,
      report([lane('pond', 80, 400, 'waiting'), lane('jasper', 100, 100)]),
      4_250,
    );
    expect(phaseOf(model)).toBe('waiting');
    expect(model.etaSeconds).toBeNull();
    expect(etaText(model)).toBeNull();
  });

  it('starts from core’s counts per account before any report', () => {
    const model = progressFromSummary(detail, 0);
    expect(model.done).toBe(130);
    expect(model.total).toBe(200);
    expect(model.lanes).toEqual([
      { accountId: 2, carrier: 'jasper', done: 120, total: 150, state: 'idle', reason: null },
      { accountId: 4, carrier: 'pond', done: 10, total: 50, state: 'idle', reason: null },
    ]);
    expect(phaseOf(model)).toBe('paused');
  });
});

const detail: BulkDetail = {
  id: 7,
  title: 'Acme suspensions',
  changeType: 'statusUpdate',
  status: 'PROCESSING',
  paused: true,
  createdBy: 'ann',
  createdAt: '2026-03-12T09:00:00.000Z',
  completedAt: null,
  counts: { ...zero, SUCCEEDED: 110, FAILED: 20, PENDING: 70 },
  description: 'Status update: suspend',
  submittedAt: '2026-03-12T09:01:00.000Z',
  sourceName: 'acme.xlsx',
  total: 200,
  lanes: [
    {
      accountId: 2,
      accountName: 'Cisco sandbox',
      carrier: 'jasper',
      mode: 'sandbox',
      counts: { ...zero, SUCCEEDED: 100, FAILED: 20, PENDING: 30 },
    },
    {
      accountId: 4,
      accountName: 'POND IoT live',
      carrier: 'pond',
      mode: 'live',
      counts: { ...zero, SUCCEEDED: 10, PENDING: 40 },
    },
  ],
};

describe('the per-carrier table', () => {
  it('names each account, and lays the live lanes over the last read', () => {
    const model = advance(
      undefined,
      report([lane('jasper', 140, 150), lane('pond', 12, 50, 'waiting')]),
      0,
    );
    expect(laneRows(model, detail)).toEqual([
      {
        key: 'account-2',
        name: 'Cisco Control Center (Cisco sandbox)',
        done: 140,
        total: 150,
        failed: 20,
        review: 0,
        state: 'running',
        reason: null,
      },
      {
        key: 'account-4',
        name: 'POND IoT live',
        done: 12,
        total: 50,
        failed: 0,
        review: 0,
        state: 'waiting',
        reason: 'POND IoT is answering too many calls; trying again in 30 s.',
      },
    ]);
  });

  it('matches live lanes to accounts by id, two accounts of one carrier included', () => {
    const twoPonds = {
      ...detail,
      lanes: [
        { ...detail.lanes[1]!, accountId: 4, accountName: 'POND EU' },
        { ...detail.lanes[1]!, accountId: 9, accountName: 'POND US' },
      ],
    };
    const model = advance(
      undefined,
      report([
        { ...lane('pond', 30, 50), accountId: 9 },
        { ...lane('pond', 12, 50, 'waiting'), accountId: 4 },
      ]),
      0,
    );
    expect(laneRows(model, twoPonds).map((row) => [row.key, row.done, row.state])).toEqual([
      ['account-4', 12, 'waiting'],
      ['account-9', 30, 'running'],
    ]);
  });

  it('shows a change made only in the console as the console’s own lane', () => {
    const model = advance(undefined, report([lane('local', 500, 500)]), 0);
    expect(laneRows(model, { ...detail, lanes: [] })).toMatchObject([
      { name: 'In the console', done: 500, total: 500, state: 'finished' },
    ]);
  });
});

describe('the progress store', () => {
  it('keeps a change’s final event over a read that was asked for before it', () => {
    const store = useBulkProgressStore.getState();
    // The retry's answer is on its way while the retried rows already finish.
    store.report(report([lane('jasper', 148, 150)], { bulkChangeId: 8 }), 2_000);
    store.report(report([lane('jasper', 150, 150)], { bulkChangeId: 8, status: 'PARTIAL' }), 2_300);
    store.seed({ ...detail, id: 8, status: 'QUEUED', paused: false }, 2_400, 1_900);
    expect(useBulkProgressStore.getState().byId[8]).toMatchObject({ status: 'PARTIAL', done: 150 });
    // A read asked for after the last event is news, and is taken.
    store.seed({ ...detail, id: 8, status: 'PROCESSED', paused: false }, 2_600, 2_500);
    expect(useBulkProgressStore.getState().byId[8]!.status).toBe('PROCESSED');
  });

  it('keeps the live model of a running change when core’s counts are read, and takes them otherwise', () => {
    const store = useBulkProgressStore.getState();
    store.report(report([lane('jasper', 40, 150)], { bulkChangeId: 7 }), 1_000);
    store.seed({ ...detail, paused: false }, 1_100);
    expect(useBulkProgressStore.getState().byId[7]!.done).toBe(40);

    store.report(report([lane('jasper', 45, 150)], { bulkChangeId: 7, paused: true }), 1_200);
    store.seed(detail, 1_300);
    expect(useBulkProgressStore.getState().byId[7]!.done).toBe(130);
  });
});
