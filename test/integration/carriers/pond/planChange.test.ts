import { describe, expect, it } from 'vitest';
import type { CarrierError, DeviceOutcome } from '../../../../main/core/carriers/types';
import { globalLarge, globalSmall, northAmerica, usePond, type PondRun } from './fixture';

const start = usePond();

const errorOf = (outcome: DeviceOutcome | undefined): CarrierError => {
  if (outcome?.kind !== 'failed') throw new Error(`expected a failure, got ${outcome?.kind}`);
  return outcome.error;
};

/** The line's one seeded package and the call count before the change starts. */
function before(run: PondRun, iccid: string) {
  const [old] = run.pond.packagesOf(iccid);
  return { old: old!, base: run.pond.sim.callCount() };
}

const activate = (id: number) => `POST /packages/${id}/status {"PackageStatus":"ACTIVE"}`;
const terminate = (id: number) => `POST /packages/${id}/status {"PackageStatus":"TERMINATED"}`;

describe('POND carrier rate plan change', () => {
  it('adds the new package, activates it, then terminates the old one', async () => {
    const run = await start();
    const device = run.fleet.active[0]!;
    const { old, base } = before(run, device.iccid);
    const [outcome] = await run.adapter().changeRatePlan([device], northAmerica);
    expect(outcome).toMatchObject({ kind: 'done' });
    const fresh = run.pond.packagesOf(device.iccid)[1]!;
    expect(run.pond.packagesOf(device.iccid)).toEqual([
      { id: old.id, typeCode: globalSmall, status: 'TERMINATED' },
      { id: fresh.id, typeCode: northAmerica, status: 'ACTIVE' },
    ]);
    expect(run.trail(base)).toEqual([
      `GET /devices/${device.iccid}/packages?offset=0&count=10 → 200`,
      `POST /devices/${device.iccid}/packages {"PackageTypeId":"${northAmerica}"} → 200`,
      `${activate(fresh.id)} → 200`,
      `${terminate(old.id)} → 200`,
    ]);
  });

  it('leaves a line that is already on the plan alone, so a resend adds nothing', async () => {
    const run = await start();
    const device = run.fleet.active[0]!;
    const { base } = before(run, device.iccid);
    expect(await run.adapter().changeRatePlan([device], globalSmall)).toMatchObject([
      { kind: 'done' },
    ]);
    expect(run.trail(base)).toHaveLength(1);
    expect(run.pond.sim.applied.total()).toBe(0);
  });

  it('reuses a PENDING package of the new type instead of adding another', async () => {
    const run = await start();
    const device = run.fleet.active[1]!;
    const { old, base } = before(run, device.iccid);
    const pending = run.pond.addPackage(device.iccid, northAmerica, 'PENDING');
    expect(await run.adapter().changeRatePlan([device], northAmerica)).toMatchObject([
      { kind: 'done' },
    ]);
    expect(run.trail(base).slice(1)).toEqual([
      `${activate(pending)} → 200`,
      `${terminate(old.id)} → 200`,
    ]);
  });

  it('reports a failed add as that step, with nothing changed, and leaves it retryable', async () => {
    const run = await start();
    const device = run.fleet.active[0]!;
    const { old, base } = before(run, device.iccid);
    run.pond.sim.setFaults({ failCalls: [base + 2] });
    const error = errorOf((await run.adapter().changeRatePlan([device], northAmerica))[0]);
    expect(error).toMatchObject({
      code: 'server_error',
      transient: true,
      step: 'add_package',
      leftState: `no new package, old package ${old.id} (${globalSmall}) still ACTIVE: as before the change`,
    });
    expect(run.pond.packagesOf(device.iccid)).toEqual([old]);
  });

  it('terminates the new package again when its activation fails', async () => {
    const run = await start();
    const device = run.fleet.active[0]!;
    const { old, base } = before(run, device.iccid);
    run.pond.sim.setFaults({ failCalls: [base + 3] });
    const error = errorOf((await run.adapter().changeRatePlan([device], northAmerica))[0]);
    const fresh = run.pond.packagesOf(device.iccid)[1]!;
    expect(error).toMatchObject({
      code: 'partial',
      transient: false,
      step: 'activate_package',
      httpStatus: 503,
      carrierReason: expect.stringContaining('SERVICE_UNAVAILABLE'),
      leftState: `new package ${fresh.id} (${northAmerica}) TERMINATED (rolled back), old package ${old.id} (${globalSmall}) still ACTIVE: as before the change`,
    });
    expect(error.message).toContain(`activating new package ${fresh.id}`);
    expect(error.message).toContain('the line is as before the change');
    expect(run.trail(base).slice(2)).toEqual([
      `${activate(fresh.id)} → 503`,
      `${terminate(fresh.id)} → 200`,
    ]);
    expect(run.pond.packagesOf(device.iccid)).toEqual([
      old,
      { id: fresh.id, typeCode: northAmerica, status: 'TERMINATED' },
    ]);
  });

  it('terminates the new package again when the old one will not terminate', async () => {
    const run = await start();
    const device = run.fleet.active[0]!;
    const { old, base } = before(run, device.iccid);
    run.pond.sim.setFaults({ failCalls: [base + 4] });
    const error = errorOf((await run.adapter().changeRatePlan([device], northAmerica))[0]);
    const fresh = run.pond.packagesOf(device.iccid)[1]!;
    expect(error).toMatchObject({
      code: 'partial',
      transient: false,
      step: 'terminate_old_package',
      leftState: `new package ${fresh.id} (${northAmerica}) TERMINATED (rolled back), old package ${old.id} (${globalSmall}) still ACTIVE: as before the change`,
    });
    expect(run.trail(base).slice(3)).toEqual([
      `${terminate(old.id)} → 503`,
      `${terminate(fresh.id)} → 200`,
    ]);
    expect(run.pond.packagesOf(device.iccid).map((p) => p.status)).toEqual([
      'ACTIVE',
      'TERMINATED',
    ]);
  });

  it('tells the desk about two active packages when the rollback fails too', async () => {
    const run = await start();
    const device = run.fleet.active[0]!;
    const { old, base } = before(run, device.iccid);
    run.pond.sim.setFaults({ failCalls: [base + 4, base + 5] });
    const error = errorOf((await run.adapter().changeRatePlan([device], northAmerica))[0]);
    const fresh = run.pond.packagesOf(device.iccid)[1]!;
    const leftState = `new package ${fresh.id} (${northAmerica}) ACTIVE, old package ${old.id} (${globalSmall}) still ACTIVE: two active packages`;
    expect(error).toMatchObject({ code: 'partial', step: 'terminate_old_package', leftState });
    expect(error.message).toContain(`The line is left with ${leftState}.`);
    expect(error.message).toContain('Terminating the new package again failed too');
    expect(error.message).toContain(`Check this SIM's packages in POND`);
    expect(run.pond.packagesOf(device.iccid).map((p) => p.status)).toEqual(['ACTIVE', 'ACTIVE']);
  });

  it('does not roll back once an old package is gone, and says what is left', async () => {
    const run = await start();
    const device = run.fleet.active[2]!;
    const { old, base } = before(run, device.iccid);
    const second = run.pond.addPackage(device.iccid, globalLarge, 'ACTIVE');
    run.pond.sim.setFaults({ failCalls: [base + 5] });
    const error = errorOf((await run.adapter().changeRatePlan([device], northAmerica))[0]);
    const fresh = run.pond.packagesOf(device.iccid)[2]!;
    expect(error).toMatchObject({
      code: 'partial',
      step: 'terminate_old_package',
      leftState: `new package ${fresh.id} (${northAmerica}) ACTIVE, old package ${old.id} (${globalSmall}) TERMINATED, old package ${second} (${globalLarge}) still ACTIVE: two active packages`,
    });
    expect(run.trail(base)).toHaveLength(5);
    expect(run.pond.packagesOf(device.iccid).map((p) => p.status)).toEqual([
      'TERMINATED',
      'ACTIVE',
      'ACTIVE',
    ]);
  });

  it('reads POND back when an activation answer is lost, then rolls back', async () => {
    const run = await start();
    const device = run.fleet.active[0]!;
    const { old, base } = before(run, device.iccid);
    run.pond.loseAnswerAfterApplying(base + 3);
    const error = errorOf((await run.adapter().changeRatePlan([device], northAmerica))[0]);
    const fresh = run.pond.packagesOf(device.iccid)[1]!;
    expect(error).toMatchObject({ code: 'partial', step: 'activate_package' });
    expect(run.trail(base).slice(3)).toEqual([
      `GET /devices/${device.iccid}/packages?offset=0&count=10 → 200`,
      `${terminate(fresh.id)} → 200`,
    ]);
    expect(run.pond.packagesOf(device.iccid)).toEqual([
      old,
      { id: fresh.id, typeCode: northAmerica, status: 'TERMINATED' },
    ]);
  });

  it('counts the change as done when a lost answer turns out to have finished it', async () => {
    const run = await start();
    const device = run.fleet.active[0]!;
    const { base } = before(run, device.iccid);
    run.pond.loseAnswerAfterApplying(base + 4);
    expect(await run.adapter().changeRatePlan([device], northAmerica)).toMatchObject([
      { kind: 'done' },
    ]);
    expect(run.pond.packagesOf(device.iccid).map((p) => p.status)).toEqual([
      'TERMINATED',
      'ACTIVE',
    ]);
  });

  it('gives up on a lost add answer without guessing, and the retry reuses what POND made', async () => {
    const run = await start();
    const device = run.fleet.active[0]!;
    const { old, base } = before(run, device.iccid);
    run.pond.loseAnswerAfterApplying(base + 2);
    const adapter = run.adapter();
    const error = errorOf((await adapter.changeRatePlan([device], northAmerica))[0]);
    expect(error).toMatchObject({
      code: 'malformed_response',
      transient: true,
      step: 'add_package',
      leftState: `POND may have added a new ${northAmerica} package without confirming it, old package ${old.id} (${globalSmall}) still ACTIVE`,
    });
    expect(await adapter.changeRatePlan([device], northAmerica)).toMatchObject([{ kind: 'done' }]);
    expect(run.pond.packagesOf(device.iccid).map((p) => [p.typeCode, p.status])).toEqual([
      [globalSmall, 'TERMINATED'],
      [northAmerica, 'ACTIVE'],
    ]);
    expect(run.pond.sim.applied.duplicates()).toEqual([]);
  });

  it('rolls back and names the rule when POND allows only one active package', async () => {
    const run = await start({ settings: { singleActivePackage: true } });
    const device = run.fleet.active[0]!;
    const { old } = before(run, device.iccid);
    const error = errorOf((await run.adapter().changeRatePlan([device], northAmerica))[0]);
    expect(error).toMatchObject({
      code: 'partial',
      transient: false,
      step: 'activate_package',
      httpStatus: 400,
      carrierReason: expect.stringContaining('ACTIVE_PACKAGE_EXISTS'),
    });
    expect(run.pond.packagesOf(device.iccid).map((p) => p.status)).toEqual([
      'ACTIVE',
      'TERMINATED',
    ]);
    expect(run.pond.packagesOf(device.iccid)[0]).toEqual(old);
  });

  it('refuses a plan POND does not know before anything changes', async () => {
    const run = await start();
    const device = run.fleet.active[0]!;
    const error = errorOf((await run.adapter().changeRatePlan([device], 'POND-NOWHERE-0MB'))[0]);
    expect(error).toMatchObject({
      code: 'validation',
      transient: false,
      step: 'add_package',
      carrierReason: expect.stringContaining('PACKAGE_TYPE_NOT_FOUND'),
    });
    expect(error.message).toContain('Nothing changed on the line.');
    expect(run.pond.packagesOf(device.iccid)).toHaveLength(1);
  });
});
