import type { DeviceQuery } from '../../../shared/contract/devices';
import type { Db } from '../store/open';
import { cached } from '../store/statements';
import { inListClause } from './pastedLists';

export interface Where {
  /** Conditions on devices `d`, joined with AND; empty for the whole inventory. */
  clauses: string[];
  params: (string | number)[];
}

/** Turns what the desk typed into the digits we store: spaces, dashes and a leading + go. */
const searchDigits = (search: string | undefined): string | undefined => {
  const cleaned = search?.replace(/[\s\-+()]/g, '');
  return cleaned ? cleaned : undefined;
};

const present = <T>(list: readonly T[] | undefined): list is readonly T[] =>
  list !== undefined && list.length > 0;

/**
 * The filters as SQL on devices `d`. Every column here has an index ending in id (0003, 0006),
 * so a page in id order under one filter is an index range.
 */
export function buildWhere(db: Db, query: DeviceQuery): Where {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  // One value is an equality, so the index range is already in id order; several are one
  // JSON list, so the statement's text doesn't grow with the number picked.
  const anyOf = (column: string, values: readonly (string | number)[] | undefined) => {
    if (!present(values)) return;
    if (values.length === 1) {
      clauses.push(`${column} = ?`);
      params.push(values[0]!);
    } else {
      clauses.push(`${column} IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(values));
    }
  };
  if (present(query.carriers)) {
    // Accounts are few: naming them lets a carrier with one account be an index range.
    const accounts = cached(
      db,
      'SELECT id FROM carrier_accounts WHERE carrier IN (SELECT value FROM json_each(?)) ORDER BY id',
    )
      .pluck()
      .all(JSON.stringify(query.carriers)) as number[];
    if (accounts.length === 0) clauses.push('0');
    else anyOf('d.carrier_account_id', accounts);
  }
  anyOf('d.status', query.statuses);
  anyOf('d.customer_id', query.customers);
  anyOf('d.site_id', query.sites);
  anyOf('d.carrier_rate_plan_id', query.carrierRatePlans);
  anyOf('d.customer_rate_plan_id', query.customerRatePlans);
  const digits = searchDigits(query.search);
  if (digits) {
    // Prefix ranges keep each identifier's index usable; '~' sorts after every digit.
    const upper = `${digits}~`;
    clauses.push(
      '((d.iccid >= ? AND d.iccid < ?) OR (d.imei >= ? AND d.imei < ?) OR (d.msisdn >= ? AND d.msisdn < ?) OR (d.eid >= ? AND d.eid < ?))',
    );
    params.push(digits, upper, digits, upper, digits, upper, digits, upper);
  }
  if (query.listId !== undefined) {
    const inList = inListClause(db, query.listId);
    clauses.push(inList.sql);
    params.push(...inList.params);
  }
  return { clauses, params };
}

/** `WHERE …` for these filters, or nothing. */
export const whereSql = ({ clauses }: Where): string =>
  clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
