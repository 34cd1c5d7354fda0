import type { CatalogOptions } from '../../../shared/contract/imports';
import type { ChangeType, StatusAction } from '../../../shared/domain/changes';
import { CarrierRatePlanForm } from './CarrierRatePlanForm';
import { CustomerAssignmentForm } from './CustomerAssignmentForm';
import { CustomerRatePlanForm } from './CustomerRatePlanForm';
import { IdentifierChangeForm } from './IdentifierChangeForm';
import { StatusUpdateForm } from './StatusUpdateForm';
import type { FormValues, MappedColumns } from './values';
import './ChangeForm.css';

interface Props {
  changeType: ChangeType;
  values: FormValues;
  onChange: <T extends ChangeType>(type: T, patch: Partial<FormValues[T]>) => void;
  catalog: CatalogOptions;
  tenantId: number | null;
  mapped: MappedColumns;
  /** For devices picked in the grid: the status moves they can take. */
  allowedActions: readonly StatusAction[] | null;
}

/** The form of one change type; the same for a file and for devices picked in the grid. */
export function ChangeForm({ changeType, values, onChange, allowedActions, ...shared }: Props) {
  switch (changeType) {
    case 'statusUpdate':
      return (
        <StatusUpdateForm
          {...shared}
          values={values.statusUpdate}
          onChange={(patch) => onChange('statusUpdate', patch)}
          allowedActions={allowedActions}
        />
      );
    case 'carrierRatePlanChange':
      return (
        <CarrierRatePlanForm
          {...shared}
          values={values.carrierRatePlanChange}
          onChange={(patch) => onChange('carrierRatePlanChange', patch)}
        />
      );
    case 'customerRatePlanChange':
      return (
        <CustomerRatePlanForm
          {...shared}
          values={values.customerRatePlanChange}
          onChange={(patch) => onChange('customerRatePlanChange', patch)}
        />
      );
    case 'customerAssignment':
      return (
        <CustomerAssignmentForm
          {...shared}
          values={values.customerAssignment}
          onChange={(patch) => onChange('customerAssignment', patch)}
        />
      );
    case 'identifierChange':
      return <IdentifierChangeForm mapped={shared.mapped} />;
  }
}
