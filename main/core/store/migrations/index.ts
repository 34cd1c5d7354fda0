import { sql as accountsAndCustomers } from './0001_accounts_and_customers';
import { sql as ratePlans } from './0002_rate_plans';
import { sql as devices } from './0003_devices';
import { sql as bulkChanges } from './0004_bulk_changes';
import { sql as engineLanes } from './0005_engine_lanes';
import { sql as deviceFilters } from './0006_device_filters';
import { sql as imports } from './0007_imports';
import { sql as bulkView } from './0008_bulk_view';
import { sql as bulkViewIndexes } from './0009_bulk_view_indexes';
import { sql as reportSources } from './0010_report_sources';
import { sql as reconciliations } from './0011_reconciliations';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Applied in order; version N is the Nth entry. Only ever append. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'accounts_and_customers', sql: accountsAndCustomers },
  { version: 2, name: 'rate_plans', sql: ratePlans },
  { version: 3, name: 'devices', sql: devices },
  { version: 4, name: 'bulk_changes', sql: bulkChanges },
  { version: 5, name: 'engine_lanes', sql: engineLanes },
  { version: 6, name: 'device_filters', sql: deviceFilters },
  { version: 7, name: 'imports', sql: imports },
  { version: 8, name: 'bulk_view', sql: bulkView },
  { version: 9, name: 'bulk_view_indexes', sql: bulkViewIndexes },
  { version: 10, name: 'report_sources', sql: reportSources },
  { version: 11, name: 'reconciliations', sql: reconciliations },
];
