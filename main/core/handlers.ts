import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/contract';
import type { Progress } from '../../shared/contract/workspace';
import type { AuditLog } from './audit/auditLog';
import * as bulk from './bulk/service';
import type { AccountAdapters } from './carriers/accountAdapters';
import { changeHandlers } from './changes';
import type { Engine } from './engine/engine';
import { addAccount, getAccountView, listAccounts, updateAccount } from './carriers/accounts';
import { clearCredentials, saveCredentials } from './credentials/accountCredentials';
import type { Keychain } from './credentials/keychain';
import { deviceFilterOptions } from './devices/filterOptions';
import { matchPaste } from './devices/paste';
import { deviceFacets, listDevices } from './devices/query';
import type { Db } from './store/open';
import { workspaceInfo } from './workspace/info';
import { importHandlers } from './import/handlers';
import { bulkViewHandlers } from './bulkView/handlers';
import { reportHandlers } from './reports/handlers';

/** One handler per contract channel; the mapped type makes a missing one a compile error. */
export type CoreHandlers = {
  [C in Channel]: (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

export interface HandlerDeps {
  db: Db;
  keychain: Keychain;
  appVersion: string;
  adapters: AccountAdapters;
  engine: Engine;
  audit: AuditLog;
  createdBy: string;
  /** Long work (imports) reports its progress here. */
  progress?: (progress: Progress) => void;
}

export function createHandlers({
  db,
  keychain,
  appVersion,
  adapters,
  engine,
  audit,
  createdBy,
  progress,
}: HandlerDeps): CoreHandlers {
  /** Changes a bulk change's state, wakes the engine and answers with where it stands now. */
  const act =
    (action: (db: Db, id: number) => void) =>
    ({ bulkChangeId }: { bulkChangeId: number }) => {
      action(db, bulkChangeId);
      engine.wake();
      engine.announce(bulkChangeId);
      return bulk.summary(db, bulkChangeId);
    };
  return {
    'workspace:info': () => workspaceInfo(db, appVersion),
    'devices:list': (request) => listDevices(db, request),
    'devices:facets': () => deviceFacets(db),
    'devices:filterOptions': () => deviceFilterOptions(db),
    'devices:match': ({ text, listId }) => matchPaste(db, text, listId),
    'carriers:accounts': () => listAccounts(db, keychain),
    'carriers:addAccount': (request) => addAccount(db, keychain, request),
    'carriers:saveCredentials': async ({ accountId, credentials }) => {
      saveCredentials(db, keychain, accountId, credentials);
      await engine.refreshAccount(accountId, () => adapters.forget(accountId));
      return getAccountView(db, keychain, accountId);
    },
    'carriers:testConnection': ({ accountId }) => adapters.testConnection(accountId),
    'carriers:clearCredentials': async ({ accountId }) => {
      clearCredentials(db, keychain, accountId);
      await engine.refreshAccount(accountId, () => adapters.forget(accountId));
      return getAccountView(db, keychain, accountId);
    },
    'bulk:preview': (request) => bulk.preview(db, changeHandlers, request).plan,
    'bulk:create': (request) => {
      const created = bulk.create(db, changeHandlers, request, createdBy);
      engine.wake();
      return created;
    },
    'bulk:submit': act(bulk.actions.submit),
    'bulk:get': ({ bulkChangeId }) => bulk.summary(db, bulkChangeId),
    'bulk:list': ({ limit }) => bulk.list(db, limit),
    'bulk:pause': act(bulk.actions.pause),
    'bulk:resume': act(bulk.actions.resume),
    'bulk:cancel': act(bulk.actions.cancel),
    'bulk:retryFailed': act(bulk.actions.retryFailed),
    'carriers:updateAccount': async (request) => {
      const account = updateAccount(db, keychain, request);
      await engine.refreshAccount(request.accountId, () => adapters.forget(request.accountId));
      return account;
    },
    ...bulkViewHandlers({
      db,
      audit,
      createdBy,
      onChanged: (ids) => {
        engine.wake();
        for (const id of ids) engine.announce(id);
      },
    }),
    ...importHandlers({
      db,
      createdBy,
      progress,
      onSubmitted: (ids) => {
        engine.wake();
        for (const id of ids) engine.announce(id);
      },
    }),
    ...reportHandlers({ db, audit, adapters, createdBy, progress }),
  };
}
