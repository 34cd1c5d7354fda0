import { ChoiceSelect } from './ChoiceSelect';
import { carrierPlanChoices } from './choices';
import { FormField } from './FormField';
import { columnFor, type FormProps } from './formProps';

/** Moves devices to another rate plan of their own carrier account. */
export function CarrierRatePlanForm({
  values,
  onChange,
  catalog,
  mapped,
}: FormProps<'carrierRatePlanChange'>) {
  const column = columnFor('carrierRatePlanChange', 'ratePlan', mapped);
  return (
    <div className="change-form">
      <FormField
        label="New carrier rate plan"
        fromColumn={column}
        hint="Plans belong to a carrier account: each device moves to the plan of this code on its own account."
      >
        {({ id, describedBy }) => (
          <ChoiceSelect
            id={id}
            aria-describedby={describedBy}
            value={values.ratePlan}
            onChange={(ratePlan) => onChange({ ratePlan })}
            empty={column ? 'As each row says' : 'Choose…'}
            choices={carrierPlanChoices(catalog)}
          />
        )}
      </FormField>
    </div>
  );
}
