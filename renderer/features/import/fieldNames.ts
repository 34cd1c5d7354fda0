const known: Record<string, string> = {
  status: 'Status',
  carrierRatePlan: 'Carrier rate plan',
  ratePlan: 'Carrier rate plan',
  customerRatePlan: 'Customer rate plan',
  customerPool: 'Customer pool',
  dataAllocationMb: 'Data allocation (MB)',
  customer: 'Customer',
  site: 'Site',
  iccid: 'ICCID',
  imei: 'IMEI',
  msisdn: 'MSISDN',
  eid: 'EID',
  effectiveDate: 'Effective date',
};

/** A changed field's name as the desk reads it: `customerRatePlan` → `Customer rate plan`. */
export function fieldName(field: string): string {
  const label = known[field];
  if (label) return label;
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
