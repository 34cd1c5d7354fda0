import { PackageStatus } from './schemas';

/** What we know of a package during a plan change; UNKNOWN after a call whose answer was lost. */
export type Known = PackageStatus | 'UNKNOWN';

export interface Tracked {
  id: string;
  typeCode: string;
  status: Known;
  rolledBack: boolean;
}

/** The packages a plan change touches: the new one (once there is one) and the old ACTIVE ones. */
export interface Ledger {
  fresh: Tracked | undefined;
  olds: Tracked[];
}

export const track = (pkg: {
  PackageId: string;
  PackageTypeId: string;
  Status: string;
}): Tracked => {
  const status = PackageStatus.safeParse(pkg.Status);
  return {
    id: pkg.PackageId,
    typeCode: pkg.PackageTypeId,
    status: status.success ? status.data : 'UNKNOWN',
    rolledBack: false,
  };
};

const label = (status: Known) => (status === 'UNKNOWN' ? 'in an unknown state' : status);

/** The olds as the desk should read them, e.g. "old package 45 (POND-GLOBAL-10MB) still ACTIVE". */
export const describeOlds = (olds: Tracked[]): string =>
  olds.length === 0
    ? 'no old package'
    : olds
        .map(
          (old) =>
            `old package ${old.id} (${old.typeCode}) ${old.status === 'ACTIVE' ? 'still ACTIVE' : label(old.status)}`,
        )
        .join(', ');

/** What the line was left with after a plan change stopped midway, ending in a one-line verdict. */
export function describeLeftState({ fresh, olds }: Ledger): string {
  const freshPart = fresh
    ? `new package ${fresh.id} (${fresh.typeCode}) ${label(fresh.status)}${fresh.rolledBack ? ' (rolled back)' : ''}`
    : 'no new package';
  const all = fresh ? [fresh, ...olds] : olds;
  const active = all.filter((pkg) => pkg.status === 'ACTIVE').length;
  let verdict: string;
  if (all.some((pkg) => pkg.status === 'UNKNOWN'))
    verdict = 'POND did not confirm every step, so check the packages in POND';
  else if ((!fresh || fresh.status === 'TERMINATED') && olds.every((o) => o.status === 'ACTIVE'))
    verdict = 'as before the change';
  else if (active >= 2) verdict = `${active === 2 ? 'two' : active} active packages`;
  else if (active === 0) verdict = 'no active package, so the line has no plan';
  else if (fresh?.status === 'ACTIVE') verdict = 'the new plan is in place';
  else verdict = 'still on the old plan, with the new package waiting as PENDING';
  return `${freshPart}, ${describeOlds(olds)}: ${verdict}`;
}

/** True when the new package carries the line alone: the change is complete. */
export const changeComplete = ({ fresh, olds }: Ledger): boolean =>
  fresh?.status === 'ACTIVE' && olds.every((old) => old.status === 'TERMINATED');
