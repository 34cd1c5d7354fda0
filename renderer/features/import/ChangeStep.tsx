import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { deviceCount, formatCount } from '../../ui/format';
import { useCatalogStore } from '../changes/catalogStore';
import { ChangeForm } from '../changes/ChangeForm';
import { ChangeTypePicker } from '../changes/ChangeTypePicker';
import { missingForCheck } from '../changes/readiness';
import { TenantPicker } from '../changes/TenantPicker';
import { fitToTenant } from '../changes/tenantFit';
import { runCheck } from './importCalls';
import { setChangeType, setTenant, setValues, useImportStore, type Source } from './importStore';
import { mappedColumns } from './mapping';

const plural = (n: number, one: string, many: string) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

const needsAFile = {
  identifierChange: 'An ICCID/IMEI change takes the new identifiers from a file.',
};

/** Step 3: the kind of change and its values, with pickers fed by the catalogs. */
export function ChangeStep({ source }: { source: Source }) {
  const { mapping, changeType, values, tenantId, busy } = useImportStore(
    useShallow((state) => ({
      mapping: state.mapping,
      changeType: state.changeType,
      values: state.values,
      tenantId: state.tenantId,
      busy: state.busy,
    })),
  );
  const catalog = useCatalogStore(
    useShallow((state) => ({ options: state.options, error: state.error, load: state.load })),
  );
  const accountIds = source.kind === 'selection' ? source.accountIds : null;
  const { load } = catalog;
  useEffect(() => {
    void load(accountIds);
  }, [load, accountIds]);

  const fromFile = source.kind === 'file';
  const mapped = fromFile ? mappedColumns(source.sheet.columns, mapping) : {};
  const missing = missingForCheck({ changeType, values, mapped, fromFile });
  const rows = fromFile
    ? plural(source.sheet.dataRows, 'row', 'rows')
    : deviceCount(source.devices);
  const options = catalog.options;

  return (
    <section className="import-step" aria-labelledby="step-title">
      <h2 id="step-title" className="section-title">
        {fromFile
          ? 'Change'
          : `Change ${plural(source.devices, 'selected device', 'selected devices')}`}
      </h2>
      {/* A reopened draft starts here, so what core noticed reading it is shown here too. */}
      {fromFile && source.sheet.setup !== null && source.sheet.notes.length > 0 && (
        <ul className="import-notes">
          {source.sheet.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <ChangeTypePicker
        value={changeType}
        onChange={setChangeType}
        unavailable={fromFile ? {} : needsAFile}
      />
      {catalog.error && <ErrorBanner error={catalog.error} onRetry={() => void load(accountIds)} />}
      {changeType && options && (
        <div className="change-step__form">
          <TenantPicker
            catalog={options}
            value={tenantId}
            onChange={(id) => setTenant(id, fitToTenant(values, id, options))}
          />
          <ChangeForm
            changeType={changeType}
            values={values}
            onChange={setValues}
            catalog={options}
            tenantId={tenantId}
            mapped={mapped}
            allowedActions={source.kind === 'selection' ? source.allowedActions : null}
          />
        </div>
      )}
      {changeType && !options && !catalog.error && (
        <p className="field__hint">Reading the catalogs…</p>
      )}
      <div className="import-step__footer">
        <button
          type="button"
          className="button button--primary"
          disabled={missing !== null || busy !== null}
          aria-describedby={missing ? 'check-missing' : undefined}
          onClick={() => void runCheck()}
        >
          Check {rows}
        </button>
        {missing && (
          <p id="check-missing" className="field__hint">
            {missing}
          </p>
        )}
      </div>
    </section>
  );
}
