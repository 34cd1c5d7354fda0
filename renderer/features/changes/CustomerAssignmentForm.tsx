import { ChoiceSelect } from './ChoiceSelect';
import { customerChoices, siteChoices } from './choices';
import { FormField } from './FormField';
import { columnFor, type FormProps } from './formProps';
import { PlanAndPoolFields } from './PlanAndPoolFields';

/** Assigns devices to a customer and site, optionally with a customer rate plan and pool. */
export function CustomerAssignmentForm({
  values,
  onChange,
  catalog,
  tenantId,
  mapped,
}: FormProps<'customerAssignment'>) {
  const customerColumn = columnFor('customerAssignment', 'customerId', mapped);
  const siteColumn = columnFor('customerAssignment', 'siteId', mapped);
  return (
    <div className="change-form">
      <FormField label="Customer" fromColumn={customerColumn}>
        {({ id, describedBy }) => (
          <ChoiceSelect
            id={id}
            aria-describedby={describedBy}
            value={values.customerId}
            // A site belongs to one customer, so a new customer starts with none picked.
            onChange={(customerId) => onChange({ customerId, siteId: '' })}
            empty={customerColumn ? 'As each row says' : 'Choose…'}
            choices={customerChoices(catalog, tenantId)}
          />
        )}
      </FormField>
      <FormField
        label="Site"
        fromColumn={siteColumn}
        hint={
          values.customerId
            ? 'Left empty, a device that stays with its customer keeps its site; one that moves gets none.'
            : 'Choose the customer first to pick one of its sites.'
        }
      >
        {({ id, describedBy }) => (
          <ChoiceSelect
            id={id}
            aria-describedby={describedBy}
            value={values.siteId}
            onChange={(siteId) => onChange({ siteId })}
            disabled={!values.customerId}
            empty="No site chosen"
            choices={siteChoices(catalog, values.customerId)}
          />
        )}
      </FormField>
      <PlanAndPoolFields
        changeType="customerAssignment"
        {...{ values, onChange, catalog, tenantId, mapped }}
        keepPlan="Keep the current plan"
        keepPool="Keep the current pool"
        noPool="No pool"
        planHint="Left empty, devices keep their plan unless they move to another tenant."
      />
    </div>
  );
}
