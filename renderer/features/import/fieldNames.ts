import { importFieldLabels } from '../../../shared/contract/imports';

/** The import's own field labels, plus the fields only a change's before → after names. */
const known: Record<string, string> = {
  ...importFieldLabels,
  msisdn: 'MSISDN',
  status: 'Status',
  ratePlan: 'Carrier rate plan',
  customerPool: 'Customer pool',
  dataAllocationMb: 'Data allocation (MB)',
};

/** A changed field's name as the desk reads it: `customerRatePlan` → `Customer rate plan`. */
export function fieldName(field: string): string {
  const label = known[field];
  if (label) return label;
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
