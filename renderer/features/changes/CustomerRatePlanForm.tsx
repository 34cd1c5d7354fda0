import { FormField } from './FormField';
import { columnFor, type FormProps } from './formProps';
import { PlanAndPoolFields } from './PlanAndPoolFields';

const today = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/** The billing side: customer rate plan, pool and data allocation, now or from a future day. */
export function CustomerRatePlanForm({
  values,
  onChange,
  catalog,
  tenantId,
  mapped,
}: FormProps<'customerRatePlanChange'>) {
  const allocationBad =
    values.dataAllocationMb.trim() !== '' && !/^\d+$/.test(values.dataAllocationMb.trim());
  return (
    <div className="change-form">
      <PlanAndPoolFields
        changeType="customerRatePlanChange"
        {...{ values, onChange, catalog, tenantId, mapped }}
        keepPlan="Leave unchanged"
        keepPool="Leave unchanged"
        noPool="Take them out of their pool"
      />
      <FormField label="Data allocation (MB)" hint="Leave empty to keep each device’s allocation.">
        {({ id, describedBy }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            aria-invalid={allocationBad}
            className="control mono"
            inputMode="numeric"
            autoComplete="off"
            value={values.dataAllocationMb}
            onChange={(event) => onChange({ dataAllocationMb: event.target.value })}
          />
        )}
      </FormField>
      <FormField
        label="Effective date"
        fromColumn={columnFor('customerRatePlanChange', 'effectiveDate', mapped)}
        hint="Leave empty to change now; a future day waits in the schedule until then."
      >
        {({ id, describedBy }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            className="control"
            type="date"
            min={today()}
            value={values.effectiveDate}
            onChange={(event) => onChange({ effectiveDate: event.target.value })}
          />
        )}
      </FormField>
    </div>
  );
}
