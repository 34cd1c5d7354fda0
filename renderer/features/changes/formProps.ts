import type { CatalogOptions } from '../../../shared/contract/imports';
import type { ChangeType } from '../../../shared/domain/changes';
import { filledByColumn, type FormValues, type MappedColumns } from './values';

/** What every change form gets: its values, the catalogs and the file's mapped columns. */
export interface FormProps<T extends ChangeType> {
  values: FormValues[T];
  onChange: (patch: Partial<FormValues[T]>) => void;
  catalog: CatalogOptions;
  tenantId: number | null;
  mapped: MappedColumns;
}

/** The column of the file that gives `field` of change type `type` per row, if one is mapped. */
export function columnFor<T extends ChangeType>(
  type: T,
  field: keyof FormValues[T],
  mapped: MappedColumns,
): string | undefined {
  const source = filledByColumn[type][field];
  return source === undefined ? undefined : mapped[source];
}
