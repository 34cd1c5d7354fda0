import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Carrier, carrierLabels } from '../../../shared/domain/carriers';
import { ChangeType, changeTypeLabels, DeviceChangeStatus } from '../../../shared/domain/changes';
import { rowStatusLabels } from '../bulk/labels';
import { useChoicesStore } from './choicesStore';
import { AnyOfSelect } from '../../ui/AnyOfSelect';
import { Field } from '../../ui/Field';
import { complianceSpec, useFormsStore } from './formsStore';
import { usePreviewStore } from './previewStore';

const carriers = Carrier.options.map((value) => ({ value, label: carrierLabels[value] }));
const changeTypes = ChangeType.options.map((value) => ({ value, label: changeTypeLabels[value] }));
const outcomes = DeviceChangeStatus.options.map((value) => ({
  value,
  label: rowStatusLabels[value],
}));

/** Who changed what, when and with what result, over a range of days, filtered. */
export function ComplianceForm() {
  const { draft, timeZone, set } = useFormsStore(
    useShallow((state) => ({
      draft: state.compliance,
      timeZone: state.timeZone,
      set: state.setCompliance,
    })),
  );
  const { tenants, users } = useChoicesStore(
    useShallow((state) => ({ tenants: state.tenants, users: state.users })),
  );
  const show = usePreviewStore((state) => state.show);
  const usersId = useId();
  const fromProblem = draft.from ? null : 'Give the first day of the report.';
  const toProblem = !draft.to
    ? 'Give the last day of the report.'
    : draft.from && draft.to < draft.from
      ? 'The last day is before the first; swap the two days.'
      : null;
  return (
    <form
      className="reports__form reports__form--filters"
      onSubmit={(event) => {
        event.preventDefault();
        if (!fromProblem && !toProblem) show(complianceSpec(draft, timeZone));
      }}
    >
      <Field label="From" problem={fromProblem}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="date"
            className="control"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={draft.from}
            onChange={(event) => set({ from: event.target.value })}
          />
        )}
      </Field>
      <Field label="To" problem={toProblem} hint="Both days included.">
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="date"
            className="control"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={draft.to}
            onChange={(event) => set({ to: event.target.value })}
          />
        )}
      </Field>
      <Field label="Tenant">
        {({ id }) => (
          <AnyOfSelect
            id={id}
            value={draft.tenantId}
            options={tenants.map((tenant) => ({ value: tenant.id, label: tenant.name }))}
            parse={Number}
            onChange={(tenantId) => set({ tenantId })}
          />
        )}
      </Field>
      <Field label="Carrier">
        {({ id }) => (
          <AnyOfSelect
            id={id}
            value={draft.carrier}
            options={carriers}
            parse={(text) => Carrier.parse(text)}
            onChange={(carrier) => set({ carrier })}
          />
        )}
      </Field>
      <Field label="Change type">
        {({ id }) => (
          <AnyOfSelect
            id={id}
            value={draft.changeType}
            options={changeTypes}
            parse={(text) => ChangeType.parse(text)}
            onChange={(changeType) => set({ changeType })}
          />
        )}
      </Field>
      <Field label="User" hint="Who submitted; empty for anyone.">
        {({ id, describedBy }) => (
          <>
            <input
              id={id}
              className="control"
              list={usersId}
              aria-describedby={describedBy}
              value={draft.user}
              onChange={(event) => set({ user: event.target.value })}
            />
            <datalist id={usersId}>
              {users.map((user) => (
                <option key={user} value={user} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Outcome">
        {({ id }) => (
          <AnyOfSelect
            id={id}
            value={draft.outcome}
            options={outcomes}
            parse={(text) => DeviceChangeStatus.parse(text)}
            onChange={(outcome) => set({ outcome })}
          />
        )}
      </Field>
      <button type="submit" className="button button--primary reports__submit">
        Show report
      </button>
    </form>
  );
}
