import type { ChangeType } from '../../../shared/domain/changes';

/** What each parameter is called on the form and in the file. */
const names: Record<string, string> = {
  action: 'the target status (Activate, Suspend, Restore or Deactivate)',
  ratePlan: 'the carrier rate plan',
  zipCode: 'the zip code',
  customerId: 'the customer',
  siteId: 'the site',
  customerRatePlanId: 'the customer rate plan',
  customerPoolId: 'the pool',
  dataAllocationMb: 'the data allocation',
  effectiveDate: 'the effective date',
  swaps: 'the new ICCID or IMEI',
};

interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
}

/** A change's settings that don't parse, in the desk's words: which one, and where to give it. */
export function paramsProblem(changeType: ChangeType, issues: readonly Issue[]): string {
  const first = issues[0];
  if (!first) return 'The change settings are not right.';
  const key = String(first.path[0] ?? '');
  const name = names[key];
  if (!name) return first.message;
  const missing =
    first.code === 'invalid_type' ||
    first.code === 'invalid_value' ||
    /required/i.test(first.message);
  return missing && changeType !== 'identifierChange'
    ? `No ${name.replace(/^the /, '')} for this row: choose it on the form, or map the file's column that has it.`
    : `${name.charAt(0).toUpperCase()}${name.slice(1)}: ${first.message}`;
}
