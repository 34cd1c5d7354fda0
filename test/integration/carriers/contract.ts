import { afterEach, describe, expect, it } from 'vitest';
import type { Carrier } from '../../../shared/domain/carriers';
import type { Exchange } from '../../../main/core/carriers/http/client';
import type { Limiter } from '../../../main/core/carriers/limiter';
import type {
  CarrierAdapter,
  DeviceOutcome,
  DeviceRef,
  StatusAction,
} from '../../../main/core/carriers/types';
import type { FaultInput } from '../../../main/core/simulators/common/faults';
import type { Simulator } from '../../../main/core/simulators/common/server';

/** What a carrier's test file provides so the shared contract can run against it. */
export interface CarrierHarness {
  carrier: Carrier;
  /** Starts a fresh simulator (own inventory, own clock) and knows how to build adapters for it. */
  start(options?: { faults?: FaultInput }): Promise<HarnessRun>;
}

export interface HarnessRun {
  sim: Simulator;
  /** An adapter with the right credentials, or with `wrongCredentials`. */
  adapter(options?: {
    wrongCredentials?: boolean;
    timeoutMs?: number;
    limiter?: Limiter;
    onExchange?: (e: Exchange) => void;
  }): CarrierAdapter;
  /** Devices the simulator holds, by our status (at least 6 active, 3 suspended, 3 inventory). */
  devices: { active: DeviceRef[]; suspended: DeviceRef[]; inventory: DeviceRef[] };
  /** A plan the devices are not on, and one the carrier doesn't know. */
  plans: { other: string; unknown: string };
  /** Valid identifiers not yet in the carrier's inventory, for swaps. */
  fresh: { iccid: string; imei: string };
  /** Makes every issued token/session expire now (no-op for carriers with per-request auth). */
  expireAuth(): void;
  /** Number of authentication attempts the simulator has seen (logins, token requests, or authenticated calls). */
  authAttempts(): number;
  /** The secret values the simulator accepts, to prove none leak. */
  secrets: string[];
}

const sleepless = async (
  adapter: CarrierAdapter,
  outcome: DeviceOutcome,
  run: HarnessRun,
): Promise<DeviceOutcome | { kind: 'done' }> => {
  if (outcome.kind !== 'accepted') return outcome;
  // Async carriers complete later: push the simulator's clock forward and poll, as the engine will.
  for (let attempt = 0; attempt < 20; attempt += 1) {
    run.sim.clock.advance(10 * 60_000);
    const polled = await adapter.pollRequest(outcome.carrierRequestId, outcome.device);
    if (polled.kind === 'done') return { kind: 'done' };
    if (polled.kind === 'failed')
      return { kind: 'failed', device: outcome.device, error: polled.error };
  }
  throw new Error(`request ${outcome.carrierRequestId} never completed`);
};

/** The contract every adapter must keep against its simulator. */
export function carrierContract(harness: CarrierHarness): void {
  const runs: { run: HarnessRun; adapters: CarrierAdapter[] }[] = [];
  afterEach(async () => {
    for (const { run, adapters } of runs.splice(0)) {
      for (const adapter of adapters) await adapter.close();
      await run.sim.close();
    }
  });
  async function setUp(options?: { faults?: FaultInput }) {
    const run = await harness.start(options);
    const entry = { run, adapters: [] as CarrierAdapter[] };
    runs.push(entry);
    const make = (opts?: Parameters<HarnessRun['adapter']>[0]) => {
      const adapter = run.adapter(opts);
      entry.adapters.push(adapter);
      return adapter;
    };
    return { run, make };
  }
  const supports = (adapter: CarrierAdapter, action: StatusAction) =>
    adapter.capabilities.statusActions.includes(action);

  describe(`${harness.carrier} adapter against its simulator`, () => {
    describe('authentication', () => {
      it('connects with the right credentials', async () => {
        const { make } = await setUp();
        expect(await make().testConnection()).toEqual({ ok: true });
      });

      it('reports wrong credentials as a permanent auth failure', async () => {
        const { make } = await setUp();
        const result = await make({ wrongCredentials: true }).testConnection();
        expect(result).toMatchObject({
          ok: false,
          error: { code: expect.stringMatching(/auth_failed|locked_out/), transient: false },
        });
      });

      it('stops trying once its credentials are refused, so it can never walk into a lockout', async () => {
        const { run, make } = await setUp();
        const adapter = make({ wrongCredentials: true });
        for (let i = 0; i < 8; i += 1) await adapter.testConnection();
        const outcomes = await adapter.updateStatus(run.devices.active.slice(0, 1), 'suspend');
        expect(outcomes[0]).toMatchObject({ kind: 'failed', error: { transient: false } });
        expect(run.authAttempts()).toBeLessThanOrEqual(2);
      });

      it('signs in again by itself when its token or session expires mid-run', async () => {
        const { run, make } = await setUp();
        const adapter = make();
        const device = run.devices.active[0]!;
        expect(await adapter.getDeviceState(device)).toMatchObject({ ok: true });
        run.expireAuth();
        expect(await adapter.getDeviceState(device)).toMatchObject({
          ok: true,
          state: { iccid: device.iccid },
        });
      });
    });

    describe('operations', () => {
      it('reads a device as the carrier has it, in our vocabulary', async () => {
        const { run, make } = await setUp();
        const active = await make().getDeviceState(run.devices.active[0]!);
        expect(active).toMatchObject({
          ok: true,
          state: { iccid: run.devices.active[0]!.iccid, status: 'active' },
        });
        const suspended = await make().getDeviceState(run.devices.suspended[0]!);
        expect(suspended).toMatchObject({ ok: true, state: { status: 'suspended' } });
      });

      it('answers an unknown device with a permanent not_found', async () => {
        const { run, make } = await setUp();
        const result = await make().getDeviceState({ iccid: run.fresh.iccid });
        expect(result).toMatchObject({ ok: false, error: { code: 'not_found', transient: false } });
      });

      it('suspends and restores a line, applying each exactly once', async () => {
        const { run, make } = await setUp();
        const adapter = make();
        if (!supports(adapter, 'suspend')) {
          const outcomes = await adapter.updateStatus(run.devices.active.slice(0, 1), 'suspend');
          expect(outcomes[0]).toMatchObject({
            kind: 'failed',
            error: { code: 'unsupported', transient: false },
          });
          return;
        }
        const device = run.devices.active[1]!;
        const [suspended] = await adapter.updateStatus([device], 'suspend');
        expect(await sleepless(adapter, suspended!, run)).toMatchObject({ kind: 'done' });
        expect(await adapter.getDeviceState(device)).toMatchObject({
          ok: true,
          state: { status: 'suspended' },
        });
        const [restored] = await adapter.updateStatus([device], 'restore');
        expect(await sleepless(adapter, restored!, run)).toMatchObject({ kind: 'done' });
        expect(await adapter.getDeviceState(device)).toMatchObject({
          ok: true,
          state: { status: 'active' },
        });
        expect(run.sim.applied.duplicates()).toEqual([]);
        expect(run.sim.applied.total()).toBeGreaterThanOrEqual(2);
      });

      it('activates an inventory line and deactivates an active one', async () => {
        const { run, make } = await setUp();
        const adapter = make();
        for (const [action, device, expected] of [
          ['activate', run.devices.inventory[0]!, 'active'],
          ['deactivate', run.devices.active[2]!, 'deactivated'],
        ] as const) {
          if (!supports(adapter, action)) continue;
          const [outcome] = await adapter.updateStatus([device], action, {
            ratePlan: run.plans.other,
            etfWaiver: true,
            zipCode: '75001',
          });
          expect(await sleepless(adapter, outcome!, run), action).toMatchObject({ kind: 'done' });
          expect(await adapter.getDeviceState(device)).toMatchObject({
            ok: true,
            state: { status: expected },
          });
        }
        expect(run.sim.applied.duplicates()).toEqual([]);
      });

      it('moves devices to another carrier rate plan', async () => {
        const { run, make } = await setUp();
        const adapter = make();
        const devices = run.devices.active.slice(3, 5);
        const outcomes = await adapter.changeRatePlan(devices, run.plans.other);
        for (const outcome of outcomes)
          expect(await sleepless(adapter, outcome, run)).toMatchObject({ kind: 'done' });
        for (const device of devices)
          expect(await adapter.getDeviceState(device)).toMatchObject({
            ok: true,
            state: { ratePlan: run.plans.other },
          });
      });

      it('refuses a rate plan the carrier does not know, permanently and with its reason', async () => {
        const { run, make } = await setUp();
        const adapter = make();
        const [outcome] = await adapter.changeRatePlan(
          run.devices.active.slice(5, 6),
          run.plans.unknown,
        );
        const final = await sleepless(adapter, outcome!, run);
        expect(final).toMatchObject({ kind: 'failed', error: { transient: false } });
      });

      it('swaps identifiers it supports and refuses the ones it does not by capability', async () => {
        const { run, make } = await setUp();
        const adapter = make();
        const device = run.devices.active[4]!;
        for (const kind of ['iccid', 'imei'] as const) {
          const swap =
            kind === 'iccid' ? { newIccid: run.fresh.iccid } : { newImei: run.fresh.imei };
          const outcome = await adapter.changeIdentifier(
            kind === 'iccid' ? device : { ...device },
            swap,
          );
          if (!adapter.capabilities.identifierChanges.includes(kind)) {
            expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'unsupported' } });
            continue;
          }
          expect(await sleepless(adapter, outcome, run), kind).toMatchObject({ kind: 'done' });
          if (kind === 'iccid') {
            expect(
              await adapter.getDeviceState({ ...device, iccid: run.fresh.iccid }),
            ).toMatchObject({ ok: true });
            device.iccid = run.fresh.iccid;
          }
        }
      });

      it('fetches the rate-plan catalog where the carrier has one', async () => {
        const { make, run } = await setUp();
        const adapter = make();
        const result = await adapter.fetchRatePlans();
        if (!adapter.capabilities.ratePlanCatalog) {
          expect(result).toMatchObject({ ok: false, error: { code: 'unsupported' } });
          return;
        }
        expect(result).toMatchObject({ ok: true });
        expect(result.ok && result.plans.map((p) => p.code)).toContain(run.plans.other);
      });
    });

    describe('failures', () => {
      it('fails one device inside a batch without failing the others', async () => {
        const { run, make } = await setUp();
        const devices = run.devices.active.slice(0, 3);
        run.sim.setFaults({
          deviceFailures: { [devices[1]!.iccid]: 'Device is barred by the carrier' },
        });
        const adapter = make();
        const outcomes = await adapter.changeRatePlan(devices, run.plans.other);
        const finals = [];
        for (const outcome of outcomes) finals.push(await sleepless(adapter, outcome, run));
        expect(finals.map((f) => f.kind)).toEqual(['done', 'failed', 'done']);
        expect(finals[1]).toMatchObject({
          error: { transient: false, carrierReason: expect.stringContaining('barred') },
        });
      });

      it('classifies server errors, resets, garbage and timeouts as transient', async () => {
        for (const [faults, code] of [
          [{ errorRate: 1 }, 'server_error'],
          [{ resetRate: 1 }, 'network'],
          [{ malformedRate: 1 }, 'malformed_response'],
          [{ timeoutRate: 1, hangMs: 2_000 }, 'timeout'],
        ] as const) {
          const { run, make } = await setUp();
          const adapter = make({ timeoutMs: 300 });
          expect(await adapter.testConnection()).toEqual({ ok: true });
          run.sim.setFaults(faults);
          const result = await adapter.getDeviceState(run.devices.active[0]!);
          expect(result, code).toMatchObject({ ok: false, error: { code, transient: true } });
        }
      });

      it('reports throttling as transient with the carrier’s Retry-After', async () => {
        const { run, make } = await setUp();
        const adapter = make();
        expect(await adapter.testConnection()).toEqual({ ok: true });
        run.sim.setFaults({ throttleRate: 1, retryAfterSeconds: 2 });
        const result = await adapter.getDeviceState(run.devices.active[0]!);
        expect(result).toMatchObject({
          ok: false,
          error: { code: 'throttled', transient: true, retryAfterMs: 2000 },
        });
      });

      it('keeps to the carrier’s rate and concurrency limits under load', async () => {
        const { run, make } = await setUp();
        const adapter = make();
        const devices = [...run.devices.active, ...run.devices.suspended];
        await Promise.all(devices.map((device) => adapter.getDeviceState(device)));
        expect(run.sim.gate.violations).toBe(0);
        expect(run.sim.gate.concurrencyViolations).toBe(0);
      });

      it('never lets a secret into the exchanges it logs', async () => {
        const { run, make } = await setUp();
        const exchanges: Exchange[] = [];
        const adapter = make({ onExchange: (e) => exchanges.push(e) });
        await adapter.testConnection();
        await adapter.updateStatus(run.devices.active.slice(0, 1), 'suspend');
        await adapter.getDeviceState(run.devices.active[0]!);
        expect(exchanges.length).toBeGreaterThan(0);
        const logged = JSON.stringify(exchanges);
        for (const secret of run.secrets) expect(logged).not.toContain(secret);
      });
    });
  });
}
