import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Carrier, carrierLabels } from '../../../shared/domain/carriers';
import { BulkStatus, ChangeType, changeTypeLabels } from '../../../shared/domain/changes';
import { AnyOfSelect } from '../../ui/AnyOfSelect';
import { Field } from '../../ui/Field';
import { bulkStatusLabels } from './labels';
import { noHistoryFilters, useHistoryStore, type HistoryFilters as Filters } from './historyStore';

/** Long enough to finish typing a name. */
const TYPING_PAUSE_MS = 300;

/** One choice of a list, or any. */
function Choice<T extends string>(props: {
  label: string;
  anyLabel: string;
  value: T | null;
  options: readonly T[];
  text: (value: T) => string;
  onPick: (value: T | null) => void;
}) {
  return (
    <Field label={props.label}>
      {({ id }) => (
        <AnyOfSelect
          id={id}
          value={props.value}
          anyLabel={props.anyLabel}
          options={props.options.map((value) => ({ value, label: props.text(value) }))}
          parse={(text) => text as T}
          onChange={props.onPick}
        />
      )}
    </Field>
  );
}

/** Status, change type, carrier, who submitted it, and the days it was created between. */
export function HistoryFilters() {
  const { filters, setFilters, clearFilters } = useHistoryStore(
    useShallow((state) => ({
      filters: state.filters,
      setFilters: state.setFilters,
      clearFilters: state.clearFilters,
    })),
  );
  const [user, setUser] = useState(filters.createdBy);
  const filtered = JSON.stringify(filters) !== JSON.stringify(noHistoryFilters);

  useEffect(() => {
    if (user === filters.createdBy) return;
    const timer = setTimeout(() => setFilters({ createdBy: user }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [user, filters.createdBy, setFilters]);

  const pick = (patch: Partial<Filters>) => setFilters(patch);
  return (
    <div className="history-filters" role="search" aria-label="Filter bulk changes">
      <Choice
        label="Status"
        anyLabel="Any status"
        value={filters.status}
        options={BulkStatus.options}
        text={(status) => bulkStatusLabels[status]}
        onPick={(status) => pick({ status })}
      />
      <Choice
        label="Change"
        anyLabel="Any change"
        value={filters.changeType}
        options={ChangeType.options}
        text={(type) => changeTypeLabels[type]}
        onPick={(changeType) => pick({ changeType })}
      />
      <Choice
        label="Carrier"
        anyLabel="Any carrier"
        value={filters.carrier}
        options={Carrier.options}
        text={(carrier) => carrierLabels[carrier]}
        onPick={(carrier) => pick({ carrier })}
      />
      <Field label="Submitted by">
        {({ id }) => (
          <input
            id={id}
            className="control history-filters__user"
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            placeholder="Anyone"
            value={user}
            onChange={(event) => setUser(event.target.value)}
          />
        )}
      </Field>
      <Field label="Created from">
        {({ id }) => (
          <input
            id={id}
            className="control"
            type="date"
            value={filters.from}
            onChange={(event) => pick({ from: event.target.value })}
          />
        )}
      </Field>
      <Field label="to">
        {({ id }) => (
          <input
            id={id}
            className="control"
            type="date"
            value={filters.to}
            onChange={(event) => pick({ to: event.target.value })}
          />
        )}
      </Field>
      {filtered && (
        <button
          type="button"
          className="button button--quiet history-filters__clear"
          onClick={() => {
            setUser('');
            clearFilters();
          }}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
