import type { CatalogOptions } from '../../../shared/contract/imports';
import { ChoiceSelect } from './ChoiceSelect';
import { tenantChoices } from './choices';
import { FormField } from './FormField';

interface Props {
  catalog: CatalogOptions;
  value: number | null;
  onChange: (tenantId: number | null) => void;
}

/** Whose devices these are: with a tenant chosen, rows for anyone else's devices are refused. */
export function TenantPicker({ catalog, value, onChange }: Props) {
  return (
    <FormField
      label="Whose devices are these?"
      hint="Choose the customer’s tenant to refuse any row for another tenant’s device."
    >
      {({ id, describedBy }) => (
        <ChoiceSelect
          id={id}
          aria-describedby={describedBy}
          value={value === null ? '' : String(value)}
          onChange={(text) => onChange(text === '' ? null : Number(text))}
          empty="Any tenant"
          choices={tenantChoices(catalog)}
        />
      )}
    </FormField>
  );
}
