import { describe, expect, it } from 'vitest';
import type { BulkProgress } from '../../../shared/contract/bulk';
import type { BulkStatus } from '../../../shared/domain/changes';
import { advance, type ProgressModel } from '../../../renderer/features/bulk/progressModel';
import {
  etaText,
  outcomeText,
  phaseOf,
  rateText,
  waitingLanes,
} from '../../../renderer/features/bulk/progressText';

/**
 * A recorded `bulk:progress` stream: a suspension of 2,076 devices on the four sandbox carriers
 * (simulators in-process, six Cisco devices refused by the carrier), paused at 1.6 s and resumed
 * a second later, Cisco unreachable from 4.2 s to 7.4 s, then the six failed rows retried.
 * Each line: ms since submitting, status, paused, counts (SUCCEEDED, FAILED, NEEDS_REVIEW,
 * CANCELLED, PENDING, IN_FLIGHT, AWAITING_CARRIER), core's rate and ETA, and the lanes.
 */
type Line = [number, BulkStatus, 0 | 1, number[], number, number | null, string];

const CISCO_DOWN =
  'Cisco Control Center could not be reached (ECONNRESET); the change will be retried.';

function decode([, status, paused, c, ratePerSecond, etaSeconds, lanes]: Line): BulkProgress {
  const [SUCCEEDED, FAILED, NEEDS_REVIEW, CANCELLED, PENDING, IN_FLIGHT, AWAITING_CARRIER] = c as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const counts = {
    SUCCEEDED,
    FAILED,
    NEEDS_REVIEW,
    CANCELLED,
    PENDING,
    IN_FLIGHT,
    AWAITING_CARRIER,
  };
  const done = SUCCEEDED + FAILED + NEEDS_REVIEW + CANCELLED;
  const words = lanes.split(' ');
  const parsed: BulkProgress['lanes'] = [];
  for (let i = 0; i < words.length; i += 3) {
    const [laneDone, laneTotal] = words[i + 1]!.split('/').map(Number) as [number, number];
    const state = words[i + 2] as 'running' | 'idle' | 'waiting';
    parsed.push({
      carrier: words[i]!,
      done: laneDone,
      total: laneTotal,
      state,
      reason: state === 'waiting' ? CISCO_DOWN : null,
    });
  }
  return {
    bulkChangeId: 1,
    status,
    paused: paused === 1,
    counts,
    done,
    total: done + PENDING + IN_FLIGHT + AWAITING_CARRIER,
    ratePerSecond,
    etaSeconds,
    lanes: parsed,
  };
}

/** Every report in turn, with the model as it stood after it. */
function replay(
  lines: Line[] = recorded,
): { at: number; event: BulkProgress; model: ProgressModel }[] {
  let model: ProgressModel | undefined;
  return lines.map((line) => {
    const event = decode(line);
    model = advance(model, event, line[0]);
    return { at: line[0], event, model };
  });
}

const at = (ms: number) => replay().find((step) => step.at === ms)!;
/** When the recorded change first ended (before its failed rows were retried). */
const FIRST_END = 13_336;

describe('the progress model on a recorded bulk change', () => {
  it('shows exactly the counts of the latest report', () => {
    for (const { event, model } of replay()) {
      expect(model.counts).toEqual(event.counts);
      expect(model.done).toBe(event.done);
      expect(model.total).toBe(event.total);
      expect(model.lanes).toEqual(event.lanes);
    }
  });

  it('works out the time left at first, then takes core’s estimate until each lane has a pace', () => {
    expect(etaText(at(137).model)).toBe('working out the time left');
    expect(etaText(at(636).model)).toBe('working out the time left');
    const early = at(1142);
    expect(early.model.etaSeconds).toBeCloseTo(
      (early.event.total - early.event.done) / early.event.ratePerSecond,
    );
    expect(etaText(early.model)).toBe('about 7 s left');
  });

  it('says paused with no rate or time left, and measures afresh after resuming', () => {
    for (const ms of [1609, 1640]) {
      const { model } = at(ms);
      expect(phaseOf(model)).toBe('paused');
      expect(model.ratePerSecond).toBeNull();
      expect(etaText(model)).toBeNull();
    }
    const resumed = at(2613).model;
    expect(phaseOf(resumed)).toBe('running');
    expect(Object.values(resumed.paces).every((pace) => pace.rate === null)).toBe(true);
  });

  it('names the carrier that is waiting and why, and gives no time left while it waits', () => {
    const { model } = at(5409);
    expect(phaseOf(model)).toBe('running');
    expect(waitingLanes(model)).toEqual([
      { carrier: 'jasper', done: 283, total: 528, state: 'waiting', reason: CISCO_DOWN },
    ]);
    expect(model.etaSeconds).toBeNull();
    expect(etaText(model)).toBe('time left depends on Cisco Control Center');
    // The lanes still working keep a rate: the desk sees the rest is moving.
    expect(model.ratePerSecond).toBeGreaterThan(20);
  });

  it('once nothing interrupts it, estimates the real time left more closely than core’s running average', () => {
    const tail = replay().filter((step) => step.at >= 8_939 && step.at < FIRST_END);
    let ours = 0;
    let cores = 0;
    for (const { at: ms, event, model } of tail) {
      const real = (FIRST_END - ms) / 1000;
      expect(model.etaSeconds).not.toBeNull();
      expect(Math.abs(model.etaSeconds! - real)).toBeLessThanOrEqual(0.3 * real + 0.6);
      ours += Math.abs(model.etaSeconds! - real);
      cores += Math.abs((event.etaSeconds ?? 0) - real);
    }
    expect(ours / tail.length).toBeLessThan(cores / tail.length);
  });

  it('follows the pace of the lanes still working, not the average since the start', () => {
    // Only ThingSpace is left; core's rate still counts the faster carriers that are done.
    const { event, model } = at(12_231);
    const real = (638 - 548) / ((12_231 - 10_974) / 1000);
    expect(Math.abs(model.ratePerSecond! - real)).toBeLessThan(
      Math.abs(event.ratePerSecond - real),
    );
    expect(rateText(model)).toMatch(/^\d+ a second$/);
  });

  it('ends with the outcome in words, then runs again when the failed rows are retried', () => {
    const ended = at(FIRST_END).model;
    expect(phaseOf(ended)).toBe('finished');
    expect(ended.ratePerSecond).toBeNull();
    expect(etaText(ended)).toBeNull();
    expect(outcomeText(ended.counts)).toBe('2,070 succeeded, 6 failed');

    const retried = at(13_344).model;
    expect(phaseOf(retried)).toBe('running');
    expect(retried.done).toBe(2070);
    const final = at(13_382).model;
    expect(phaseOf(final)).toBe('finished');
    expect(outcomeText(final.counts)).toBe('2,076 succeeded');
  });
});

// prettier-ignore
const recorded: Line[] = [
  [137, 'PROCESSING', 0, [0, 1, 0, 0, 2052, 23, 0], 0, null, 'thingspace 0/722 running jasper 1/528 running telegence 0/544 running pond 0/282 running'],
  [387, 'PROCESSING', 0, [41, 6, 0, 0, 2002, 21, 6], 0, null, 'thingspace 0/722 running jasper 15/528 running telegence 15/544 running pond 17/282 running'],
  [636, 'PROCESSING', 0, [106, 6, 0, 0, 1938, 19, 7], 0, null, 'thingspace 6/722 running jasper 35/528 running telegence 34/544 running pond 37/282 running'],
  [886, 'PROCESSING', 0, [178, 6, 0, 0, 1864, 16, 12], 244, 8, 'thingspace 12/722 running jasper 57/528 running telegence 56/544 running pond 59/282 running'],
  [1142, 'PROCESSING', 0, [254, 6, 0, 0, 1788, 18, 10], 257.97, 8, 'thingspace 21/722 running jasper 79/528 running telegence 78/544 running pond 82/282 running'],
  [1391, 'PROCESSING', 0, [335, 6, 0, 0, 1706, 16, 13], 271.13, 7, 'thingspace 28/722 running jasper 104/528 running telegence 103/544 running pond 106/282 running'],
  [1609, 'PROCESSING', 1, [406, 6, 0, 0, 1637, 23, 4], 279.02, 6, 'thingspace 41/722 running jasper 123/528 running telegence 122/544 running pond 126/282 running'],
  [1640, 'PROCESSING', 1, [419, 6, 0, 0, 1637, 5, 9], 281.91, 6, 'thingspace 41/722 running jasper 127/528 running telegence 126/544 running pond 131/282 running'],
  [2613, 'PROCESSING', 0, [424, 6, 0, 0, 1637, 0, 9], 173.19, 10, 'thingspace 41/722 idle jasper 129/528 idle telegence 128/544 idle pond 132/282 idle'],
  [2632, 'PROCESSING', 0, [425, 6, 0, 0, 1619, 17, 9], 172.34, 10, 'thingspace 41/722 running jasper 129/528 running telegence 128/544 running pond 133/282 running'],
  [2881, 'PROCESSING', 0, [501, 6, 0, 0, 1540, 17, 12], 184.34, 9, 'thingspace 50/722 running jasper 151/528 running telegence 151/544 running pond 155/282 running'],
  [3131, 'PROCESSING', 0, [580, 6, 0, 0, 1460, 19, 11], 195.33, 8, 'thingspace 61/722 running jasper 174/528 running telegence 173/544 running pond 178/282 running'],
  [3383, 'PROCESSING', 0, [678, 6, 0, 0, 1366, 18, 8], 210.35, 7, 'thingspace 71/722 running jasper 203/528 running telegence 202/544 running pond 208/282 running'],
  [3637, 'PROCESSING', 0, [773, 6, 0, 0, 1266, 21, 10], 222.22, 6, 'thingspace 79/722 running jasper 233/528 running telegence 231/544 running pond 236/282 running'],
  [3894, 'PROCESSING', 0, [854, 6, 0, 0, 1186, 21, 9], 228.64, 6, 'thingspace 88/722 running jasper 256/528 running telegence 256/544 running pond 260/282 running'],
  [4158, 'PROCESSING', 0, [936, 6, 0, 0, 1107, 12, 15], 234.08, 5, 'thingspace 95/722 running jasper 283/528 running telegence 282/544 running pond 282/282 idle'],
  [4407, 'PROCESSING', 0, [995, 6, 0, 0, 1051, 7, 17], 234.14, 5, 'thingspace 110/722 running jasper 283/528 waiting telegence 326/544 running pond 282/282 idle'],
  [4657, 'PROCESSING', 0, [1062, 6, 0, 0, 988, 8, 12], 236.01, 5, 'thingspace 127/722 running jasper 283/528 waiting telegence 376/544 running pond 282/282 idle'],
  [4908, 'PROCESSING', 0, [1120, 6, 0, 0, 921, 10, 19], 235.75, 5, 'thingspace 139/722 running jasper 283/528 waiting telegence 422/544 running pond 282/282 idle'],
  [5158, 'PROCESSING', 0, [1184, 6, 0, 0, 871, 6, 9], 236.76, 4, 'thingspace 162/722 running jasper 283/528 waiting telegence 463/544 running pond 282/282 idle'],
  [5409, 'PROCESSING', 0, [1227, 6, 0, 0, 821, 5, 17], 233.64, 4, 'thingspace 170/722 running jasper 283/528 waiting telegence 498/544 running pond 282/282 idle'],
  [5661, 'PROCESSING', 0, [1290, 6, 0, 0, 760, 4, 16], 234.39, 4, 'thingspace 187/722 running jasper 283/528 waiting telegence 544/544 idle pond 282/282 idle'],
  [5911, 'PROCESSING', 0, [1306, 6, 0, 0, 742, 1, 21], 227.01, 4, 'thingspace 203/722 running jasper 283/528 waiting telegence 544/544 idle pond 282/282 idle'],
  [6164, 'PROCESSING', 0, [1328, 6, 0, 0, 727, 0, 15], 221.17, 4, 'thingspace 225/722 running jasper 283/528 waiting telegence 544/544 idle pond 282/282 idle'],
  [6416, 'PROCESSING', 0, [1343, 6, 0, 0, 700, 4, 23], 214.72, 4, 'thingspace 240/722 running jasper 283/528 waiting telegence 544/544 idle pond 282/282 idle'],
  [6666, 'PROCESSING', 0, [1365, 6, 0, 0, 683, 1, 21], 209.8, 4, 'thingspace 262/722 running jasper 283/528 waiting telegence 544/544 idle pond 282/282 idle'],
  [6918, 'PROCESSING', 0, [1386, 6, 0, 0, 668, 2, 14], 205.1, 4, 'thingspace 283/722 running jasper 283/528 waiting telegence 544/544 idle pond 282/282 idle'],
  [7177, 'PROCESSING', 0, [1400, 6, 0, 0, 647, 5, 18], 199.69, 4, 'thingspace 297/722 running jasper 283/528 waiting telegence 544/544 idle pond 282/282 idle'],
  [7423, 'PROCESSING', 0, [1418, 6, 0, 0, 625, 2, 25], 195.28, 4, 'thingspace 315/722 running jasper 283/528 waiting telegence 544/544 idle pond 282/282 idle'],
  [7675, 'PROCESSING', 0, [1482, 6, 0, 0, 569, 11, 8], 197.27, 3, 'thingspace 342/722 running jasper 320/528 running telegence 544/544 idle pond 282/282 idle'],
  [7929, 'PROCESSING', 0, [1536, 6, 0, 0, 512, 6, 16], 197.77, 3, 'thingspace 351/722 running jasper 365/528 running telegence 544/544 idle pond 282/282 idle'],
  [8183, 'PROCESSING', 0, [1596, 6, 0, 0, 451, 6, 17], 198.96, 3, 'thingspace 367/722 running jasper 409/528 running telegence 544/544 idle pond 282/282 idle'],
  [8434, 'PROCESSING', 0, [1655, 6, 0, 0, 398, 10, 7], 200.07, 3, 'thingspace 384/722 running jasper 451/528 running telegence 544/544 idle pond 282/282 idle'],
  [8687, 'PROCESSING', 0, [1713, 6, 0, 0, 328, 9, 20], 200.94, 2, 'thingspace 394/722 running jasper 499/528 running telegence 544/544 idle pond 282/282 idle'],
  [8939, 'PROCESSING', 0, [1760, 6, 0, 0, 286, 0, 24], 200.52, 2, 'thingspace 412/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [9190, 'PROCESSING', 0, [1781, 6, 0, 0, 274, 0, 15], 197.3, 2, 'thingspace 433/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [9438, 'PROCESSING', 0, [1796, 6, 0, 0, 256, 0, 18], 193.61, 2, 'thingspace 448/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [9692, 'PROCESSING', 0, [1814, 6, 0, 0, 233, 4, 19], 190.37, 2, 'thingspace 466/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [9943, 'PROCESSING', 0, [1832, 6, 0, 0, 216, 1, 21], 187.32, 2, 'thingspace 484/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [10194, 'PROCESSING', 0, [1853, 6, 0, 0, 203, 0, 14], 184.75, 2, 'thingspace 505/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [10446, 'PROCESSING', 0, [1867, 6, 0, 0, 178, 4, 21], 181.57, 2, 'thingspace 519/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [10700, 'PROCESSING', 0, [1886, 6, 0, 0, 162, 1, 21], 179.02, 2, 'thingspace 538/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [10974, 'PROCESSING', 0, [1896, 6, 0, 0, 154, 0, 20], 175.4, 1, 'thingspace 548/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [11224, 'PROCESSING', 0, [1916, 6, 0, 0, 139, 4, 11], 173.25, 1, 'thingspace 568/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [11475, 'PROCESSING', 0, [1930, 6, 0, 0, 126, 0, 14], 170.67, 1, 'thingspace 582/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [11727, 'PROCESSING', 0, [1944, 6, 0, 0, 100, 5, 21], 168.15, 1, 'thingspace 596/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [11979, 'PROCESSING', 0, [1965, 6, 0, 0, 80, 2, 23], 166.34, 1, 'thingspace 617/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [12231, 'PROCESSING', 0, [1986, 6, 0, 0, 66, 0, 18], 164.63, 1, 'thingspace 638/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [12484, 'PROCESSING', 0, [2004, 6, 0, 0, 47, 5, 14], 162.71, 1, 'thingspace 656/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [12739, 'PROCESSING', 0, [2020, 6, 0, 0, 25, 2, 23], 160.69, 1, 'thingspace 672/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [12992, 'PROCESSING', 0, [2042, 6, 0, 0, 11, 0, 17], 159.24, 1, 'thingspace 694/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [13269, 'PROCESSING', 0, [2060, 6, 0, 0, 0, 0, 10], 157.29, 1, 'thingspace 712/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [13336, 'PARTIAL', 0, [2070, 6, 0, 0, 0, 0, 0], 157.21, 0, 'thingspace 722/722 running jasper 528/528 idle telegence 544/544 idle pond 282/282 idle'],
  [13344, 'QUEUED', 0, [2070, 0, 0, 0, 6, 0, 0], 156.66, 1, 'thingspace 722/722 idle jasper 522/528 idle telegence 544/544 idle pond 282/282 idle'],
  [13382, 'PROCESSED', 0, [2076, 0, 0, 0, 0, 0, 0], 156.67, 0, 'thingspace 722/722 idle jasper 528/528 running telegence 544/544 idle pond 282/282 idle'],
];
