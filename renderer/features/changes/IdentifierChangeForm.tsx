import { importFieldLabels } from '../../../shared/contract/imports';
import type { MappedColumns } from './values';

/** ICCID/IMEI swaps take every value from the file; this says which columns feed them. */
export function IdentifierChangeForm({ mapped }: { mapped: MappedColumns }) {
  const feeds = (['newIccid', 'newImei'] as const).map((field) => ({
    field,
    column: mapped[field],
  }));
  return (
    <div className="change-form change-form--wide">
      <p className="field__hint">
        Each row swaps its device to the new ICCID (a SIM replacement) and/or the new IMEI (a
        hardware replacement) given in the file. The carrier finishes swaps in its own time.
      </p>
      <ul className="change-form__feeds">
        {feeds.map(({ field, column }) => (
          <li key={field}>
            {importFieldLabels[field]}:{' '}
            {column ? (
              <>from the file’s column “{column}”</>
            ) : (
              <span className="change-form__missing">no column mapped</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
