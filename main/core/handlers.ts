import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/contract';
import type { AccountAdapters } from './carriers/accountAdapters';
import { addAccount, getAccountView, listAccounts } from './carriers/accounts';
import { clearCredentials, saveCredentials } from './credentials/accountCredentials';
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
  adapters: AccountAdapters;
}

export function createHandlers({ db, keychain, appVersion, adapters }: HandlerDeps): CoreHandlers {
  return {
    'workspace:info': () => workspaceInfo(db, appVersion),
    'devices:list': (request) => listDevices(db, request),
    'devices:facets': () => deviceFacets(db),
    'carriers:accounts': () => listAccounts(db, keychain),
    'carriers:addAccount': (request) => addAccount(db, keychain, request),
    'carriers:saveCredentials': async ({ accountId, credentials }) => {
      saveCredentials(db, keychain, accountId, credentials);
      await adapters.forget(accountId);
      return getAccountView(db, keychain, accountId);
    },
    'carriers:testConnection': ({ accountId }) => adapters.testConnection(accountId),
    'carriers:clearCredentials': async ({ accountId }) => {
      clearCredentials(db, keychain, accountId);
      await adapters.forget(accountId);
      return getAccountView(db, keychain, accountId);
    },
  };
}
