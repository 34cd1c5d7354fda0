import { identifierFields } from '../../../shared/contract/imports';
import type { ChangeType } from '../../../shared/domain/changes';
import type { FormValues, MappedColumns } from './values';

export interface ChangeDraft {
  changeType: ChangeType | null;
  values: FormValues;
  /** The file's mapped columns; empty for devices picked in the grid. */
  mapped: MappedColumns;
  /** False for devices picked in the grid, which need no identifier column. */
  fromFile: boolean;
}

const wholeNumber = /^\d+$/;
const zipCode = /^\d{5}$/;

/** What still has to be filled in before the rows can be checked, in the desk's words; null when nothing. */
export function missingForCheck({
  changeType,
  values,
  mapped,
  fromFile,
}: ChangeDraft): string | null {
  if (fromFile && !identifierFields.some((field) => mapped[field]))
    return 'Map the column that holds the ICCID, IMEI, MSISDN or EID (step Columns).';
  const orColumn = (label: string) => (fromFile ? `, or map a ${label} column` : '');
  switch (changeType) {
    case null:
      return 'Choose what to change.';
    case 'statusUpdate': {
      const { action, zipCode: zip } = values.statusUpdate;
      if (!action && !mapped.targetStatus)
        return `Choose the status change${orColumn('Target status')}.`;
      if (action === 'activate' && zip.trim() !== '' && !zipCode.test(zip.trim()))
        return 'The zip code has 5 digits, e.g. 75201; fix it or leave it empty.';
      return null;
    }
    case 'carrierRatePlanChange':
      return values.carrierRatePlanChange.ratePlan || mapped.carrierRatePlan
        ? null
        : `Choose the carrier rate plan${orColumn('Carrier rate plan')}.`;
    case 'customerRatePlanChange': {
      const c = values.customerRatePlanChange;
      const allocation = c.dataAllocationMb.trim();
      if (allocation !== '' && !wholeNumber.test(allocation))
        return 'Give the data allocation as whole megabytes, e.g. 500, or leave it empty.';
      if (!c.customerRatePlanId && !c.customerPoolId && !allocation && !mapped.customerRatePlan)
        return `Choose a customer rate plan, a pool or a data allocation${orColumn('Customer rate plan')}.`;
      return null;
    }
    case 'customerAssignment':
      return values.customerAssignment.customerId || mapped.customer
        ? null
        : `Choose the customer${orColumn('Customer')}.`;
    case 'identifierChange':
      if (!fromFile)
        return 'An ICCID/IMEI change takes its new identifiers from a file: import one with New ICCID or New IMEI columns.';
      return mapped.newIccid || mapped.newImei
        ? null
        : 'Map the column with the New ICCID or the New IMEI (step Columns).';
  }
}
