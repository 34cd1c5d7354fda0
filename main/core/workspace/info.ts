import type { WorkspaceInfo } from '../../../shared/contract/workspace';
import { latestVersion } from '../store/migrate';
import type { Db } from '../store/open';
import { readMeta } from './meta';

export function workspaceInfo(db: Db, appVersion: string): WorkspaceInfo {
  const devices = db.prepare('SELECT count(*) AS n FROM devices').get() as { n: number };
  return {
    name: readMeta(db, 'name') ?? 'Workspace',
    sandbox: readMeta(db, 'sandbox') === 'true',
    schemaVersion: latestVersion(),
    appVersion,
    deviceCount: devices.n,
  };
}
