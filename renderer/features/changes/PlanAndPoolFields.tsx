import { ChoiceSelect } from './ChoiceSelect';
import { customerPlanChoices, poolChoices } from './choices';
import { FormField } from './FormField';
import { columnFor, type FormProps } from './formProps';
import { NO_POOL } from './values';

type PlanChange = 'customerRatePlanChange' | 'customerAssignment';
type PlanValues = { customerRatePlanId: string; customerPoolId: string };

interface Props extends Omit<FormProps<PlanChange>, 'values' | 'onChange'> {
  changeType: PlanChange;
  values: PlanValues;
  onChange: (patch: Partial<PlanValues>) => void;
  /** What an empty plan or pool does for this change. */
  keepPlan: string;
  keepPool: string;
  /** The pool choice that takes devices out of theirs. */
  noPool: string;
  planHint?: string;
}

/** The customer rate plan and pool pickers both billing changes share, fed by the tenant's catalog. */
export function PlanAndPoolFields({
  changeType,
  values,
  onChange,
  catalog,
  tenantId,
  mapped,
  keepPlan,
  keepPool,
  noPool,
  planHint,
}: Props) {
  return (
    <>
      <FormField
        label="Customer rate plan"
        fromColumn={columnFor(changeType, 'customerRatePlanId', mapped)}
        hint={planHint}
      >
        {({ id, describedBy }) => (
          <ChoiceSelect
            id={id}
            aria-describedby={describedBy}
            value={values.customerRatePlanId}
            onChange={(customerRatePlanId) => onChange({ customerRatePlanId })}
            empty={keepPlan}
            choices={customerPlanChoices(catalog, tenantId)}
          />
        )}
      </FormField>
      <FormField label="Customer pool">
        {({ id }) => (
          <ChoiceSelect
            id={id}
            value={values.customerPoolId}
            onChange={(customerPoolId) => onChange({ customerPoolId })}
            empty={keepPool}
            choices={[{ value: NO_POOL, label: noPool }, ...poolChoices(catalog, tenantId)]}
          />
        )}
      </FormField>
    </>
  );
}
