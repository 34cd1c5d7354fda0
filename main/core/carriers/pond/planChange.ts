import { carrierError } from '../errors';
import type { CarrierError } from '../types';
import type { PondClient, PondResult } from './client';
import { POND } from './errors';
import {
  changeComplete,
  describeLeftState,
  describeOlds,
  track,
  type Ledger,
  type Tracked,
} from './leftState';
import { addPackage, listPackages, setPackageStatus } from './packages';

export type PlanStep = 'add_package' | 'activate_package' | 'terminate_old_package';
type Failed = Extract<PondResult<unknown>, { ok: false }>;
type Outcome = { ok: true } | { ok: false; error: CarrierError };

/**
 * A POND rate plan change: add a package of the new type (PENDING), activate it, then terminate
 * every other ACTIVE package (carrier-apis.md §4.2). It starts from what POND holds now, so a
 * rerun reuses a new package an earlier run left behind instead of adding another, and a line
 * already on the plan alone is left alone.
 *
 * A failure at activation or termination is `partial` and never retried blindly: something was
 * applied. Where it is safe (the package is ours and every old package is still ACTIVE) the new
 * package is terminated again, as the production client does; the error names the step and
 * what the line was left with.
 */
export async function changePackage(
  client: PondClient,
  iccid: string,
  typeCode: string,
): Promise<Outcome> {
  const before = await listPackages(client, iccid);
  if (!before.ok) return { ok: false, error: before.error };
  const onPlan = before.value.filter((pkg) => pkg.PackageTypeId === typeCode);
  const current =
    onPlan.find((pkg) => pkg.Status === 'ACTIVE') ?? onPlan.find((pkg) => pkg.Status === 'PENDING');
  const ledger: Ledger = {
    fresh: undefined,
    olds: before.value
      .filter((pkg) => pkg.Status === 'ACTIVE' && pkg.PackageTypeId !== typeCode)
      .map(track),
  };
  if (current?.Status === 'ACTIVE' && ledger.olds.length === 0) return { ok: true };

  let fresh: Tracked;
  const ours = current === undefined;
  if (current) {
    fresh = track(current);
  } else {
    const added = await addPackage(client, iccid, typeCode);
    if (!added.ok) return { ok: false, error: addFailed(added, typeCode, ledger) };
    fresh = track(added.value);
  }
  ledger.fresh = fresh;

  const stopped = (step: PlanStep, touched: Tracked, failure: Failed) =>
    recover({ client, iccid, ledger, fresh, ours, step, touched, failure });
  if (fresh.status !== 'ACTIVE') {
    const activated = await setPackageStatus(client, fresh.id, 'ACTIVE');
    if (!activated.ok) return stopped('activate_package', fresh, activated);
    fresh.status = 'ACTIVE';
  }
  for (const old of ledger.olds) {
    const terminated = await setPackageStatus(client, old.id, 'TERMINATED');
    if (!terminated.ok) return stopped('terminate_old_package', old, terminated);
    old.status = 'TERMINATED';
  }
  return { ok: true };
}

/** Nothing was applied unless the answer was lost; then a rerun finds the package and reuses it. */
function addFailed(failure: Failed, typeCode: string, ledger: Ledger): CarrierError {
  const { error } = failure;
  if (failure.answered)
    return {
      ...error,
      message: `${error.message} Nothing changed on the line.`,
      step: 'add_package',
      leftState: describeLeftState(ledger),
    };
  return {
    ...error,
    message: `${error.message} POND may have added the package without confirming it; the retry looks for it and activates it instead of adding another.`,
    step: 'add_package',
    leftState: `POND may have added a new ${typeCode} package without confirming it, ${describeOlds(ledger.olds)}`,
  };
}

interface Stop {
  client: PondClient;
  iccid: string;
  ledger: Ledger;
  fresh: Tracked;
  ours: boolean;
  step: PlanStep;
  touched: Tracked;
  failure: Failed;
}

async function recover(stop: Stop): Promise<Outcome> {
  const { client, iccid, ledger, fresh, failure } = stop;
  if (!failure.answered) stop.touched.status = 'UNKNOWN';
  if ([fresh, ...ledger.olds].some((pkg) => pkg.status === 'UNKNOWN')) {
    // A lost answer: read what POND actually did before deciding anything.
    const now = await listPackages(client, iccid);
    if (now.ok) {
      for (const pkg of [fresh, ...ledger.olds]) {
        const seen = now.value.find((p) => p.PackageId === pkg.id);
        if (seen) pkg.status = track(seen).status;
      }
    }
  }
  if (changeComplete(ledger)) return { ok: true };

  let undoFailure: CarrierError | undefined;
  const safe =
    stop.ours &&
    fresh.status !== 'TERMINATED' &&
    ledger.olds.every((old) => old.status === 'ACTIVE');
  if (safe) {
    const undo = await setPackageStatus(client, fresh.id, 'TERMINATED');
    if (undo.ok) {
      fresh.status = 'TERMINATED';
      fresh.rolledBack = true;
    } else {
      undoFailure = undo.error;
      if (!undo.answered) fresh.status = 'UNKNOWN';
    }
  }

  const leftState = describeLeftState(ledger);
  const reason = failure.error.carrierReason ?? failure.error.message;
  const what =
    stop.step === 'activate_package'
      ? `activating new package ${fresh.id}`
      : `terminating old package ${stop.touched.id}`;
  const head = `${POND} stopped the plan change of ICCID ${iccid} while ${what}: ${reason}.`;
  const message = fresh.rolledBack
    ? `${head} The new package was terminated again, so the line is as before the change; nothing needs cleaning up.`
    : `${head} The line is left with ${leftState}.${
        undoFailure
          ? ` Terminating the new package again failed too (${undoFailure.carrierReason ?? undoFailure.message}).`
          : ''
      } Check this SIM's packages in POND and leave exactly one ACTIVE before running the change again.`;
  return {
    ok: false,
    error: carrierError('partial', message, {
      step: stop.step,
      leftState,
      httpStatus: failure.error.httpStatus,
      carrierReason: reason,
    }),
  };
}
