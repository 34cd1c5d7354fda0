import type { StatusAction } from '../../../shared/domain/changes';
import { ChoiceSelect } from './ChoiceSelect';
import { carrierPlanChoices } from './choices';
import { FormField } from './FormField';
import { columnFor, type FormProps } from './formProps';

export const actionLabels: Record<StatusAction, string> = {
  activate: 'Activate',
  suspend: 'Suspend',
  restore: 'Restore (unsuspend)',
  deactivate: 'Deactivate',
};

interface Props extends FormProps<'statusUpdate'> {
  /** The moves the devices can take (from the grid); null offers all four. */
  allowedActions: readonly StatusAction[] | null;
}

/** Activate, suspend, restore or deactivate; activation can name the plan and zip code. */
export function StatusUpdateForm({ values, onChange, catalog, mapped, allowedActions }: Props) {
  const actions = (Object.keys(actionLabels) as StatusAction[]).filter(
    (action) => allowedActions === null || allowedActions.includes(action),
  );
  const actionColumn = columnFor('statusUpdate', 'action', mapped);
  return (
    <div className="change-form">
      <FormField
        label="Status change"
        fromColumn={actionColumn}
        hint={
          allowedActions !== null && actions.length < 4
            ? 'Only the moves at least one selected device can take are offered.'
            : undefined
        }
      >
        {({ id, describedBy }) => (
          <ChoiceSelect
            id={id}
            aria-describedby={describedBy}
            value={values.action}
            onChange={(action) => onChange({ action: action as StatusAction | '' })}
            empty={actionColumn ? 'As each row says' : 'Choose…'}
            choices={actions.map((action) => ({ value: action, label: actionLabels[action] }))}
          />
        )}
      </FormField>
      {values.action === 'activate' && (
        <>
          <FormField
            label="Carrier rate plan to activate on"
            fromColumn={columnFor('statusUpdate', 'ratePlan', mapped)}
            hint="Leave empty for the plan the line already has."
          >
            {({ id, describedBy }) => (
              <ChoiceSelect
                id={id}
                aria-describedby={describedBy}
                value={values.ratePlan}
                onChange={(ratePlan) => onChange({ ratePlan })}
                empty="The line’s current plan"
                choices={carrierPlanChoices(catalog)}
              />
            )}
          </FormField>
          <FormField
            label="Zip code for new numbers"
            hint="Verizon ThingSpace: where the MDN is issued."
          >
            {({ id, describedBy }) => (
              <input
                id={id}
                aria-describedby={describedBy}
                className="control mono"
                inputMode="numeric"
                maxLength={5}
                autoComplete="off"
                value={values.zipCode}
                onChange={(event) => onChange({ zipCode: event.target.value })}
              />
            )}
          </FormField>
        </>
      )}
      {values.action === 'deactivate' && (
        <label className="change-form__check">
          <input
            type="checkbox"
            checked={values.etfWaiver}
            onChange={(event) => onChange({ etfWaiver: event.target.checked })}
          />
          Waive the early termination fee where the carrier charges one
        </label>
      )}
    </div>
  );
}
