import { useId, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatCount } from '../../ui/format';
import { useDevicesStore, type PickerFilter } from './store';
import './FilterPickers.css';

interface PickerProps {
  label: string;
  /** Shown when nothing is picked, e.g. "All customers". */
  anyLabel: string;
  value: number | null;
  onPick: (id: number | null) => void;
  children: ReactNode;
}

/** One filter the desk picks a single value of; the empty choice turns it off. */
function Picker({ label, anyLabel, value, onPick, children }: PickerProps) {
  const id = useId();
  return (
    <div className="filter-picker">
      <label className="filter-picker__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="filter-picker__select"
        data-active={value !== null}
        value={value ?? ''}
        onChange={(event) => onPick(event.target.value === '' ? null : Number(event.target.value))}
      >
        <option value="">{anyLabel}</option>
        {children}
      </select>
    </div>
  );
}

const option = (item: { id: number; name: string; devices: number }, text = item.name) => (
  <option key={item.id} value={item.id}>
    {text} ({formatCount(item.devices)})
  </option>
);

/** Customer (then its sites), carrier rate plan and customer rate plan, each with its device count. */
export function FilterPickers() {
  const { options, filters, pick } = useDevicesStore(
    useShallow((state) => ({
      options: state.filterOptions,
      filters: state.filters,
      pick: state.pick,
    })),
  );
  if (!options) return null;
  const picker = (filter: PickerFilter) => ({
    value: filters[filter],
    onPick: (id: number | null) => pick(filter, id),
  });
  const customersById = new Map(options.customers.map((c) => [c.id, c]));
  const sites = options.sites.filter(
    (s) => filters.customer === null || s.customerId === filters.customer,
  );
  const accounts = [...new Set(options.carrierRatePlans.map((p) => p.accountName))];
  // Names are unique only within a tenant, so with several tenants each says whose it is.
  const tenants = new Set(options.customers.map((c) => c.tenant)).size > 1;
  const owned = (item: { name: string; tenant: string }) =>
    tenants ? `${item.name} — ${item.tenant}` : item.name;
  return (
    <div className="filter-pickers">
      <Picker label="Customer" anyLabel="All customers" {...picker('customer')}>
        {options.customers.map((c) => option(c, owned(c)))}
      </Picker>
      <Picker label="Site" anyLabel="All sites" {...picker('site')}>
        {sites.map((s) =>
          option(
            s,
            filters.customer === null
              ? `${s.name} — ${customersById.get(s.customerId)?.name}`
              : s.name,
          ),
        )}
      </Picker>
      <Picker label="Carrier rate plan" anyLabel="All carrier plans" {...picker('carrierRatePlan')}>
        {accounts.map((account) => (
          <optgroup key={account} label={account}>
            {options.carrierRatePlans
              .filter((p) => p.accountName === account)
              .map((p) => option(p))}
          </optgroup>
        ))}
      </Picker>
      <Picker
        label="Customer rate plan"
        anyLabel="All customer plans"
        {...picker('customerRatePlan')}
      >
        {options.customerRatePlans.map((p) => option(p, owned(p)))}
      </Picker>
    </div>
  );
}
