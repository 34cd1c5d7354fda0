import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { listAccounts } from './carriers/accounts';
import type { Keychain } from './credentials/keychain';
import { deviceFacets, listDevices } from './devices/query';
import type { Db } from './store/open';
import { workspaceInfo } from './workspace/info';

/** One handler per contract channel; the mapped type makes a missing one a compile error. */
export type CoreHandlers = {
  [C in Channel]: (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

export interface HandlerDeps {
  db: Db;
  keychain: Keychain;
  appVersion: string;
}

export function createHandlers({ db, keychain, appVersion }: HandlerDeps): CoreHandlers {
  return {
    'workspace:info': () => workspaceInfo(db, appVersion),
    'devices:list': (request) => listDevices(db, request),
    'devices:facets': () => deviceFacets(db),
    'carriers:accounts': () => listAccounts(db, keychain),
  };
}
