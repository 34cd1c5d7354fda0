import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Channel, EventName, PayloadOf, RequestOf, ResponseOf } from '../../shared/contract';
import { parseRequest } from '../../shared/contract/validate';
import { openCore } from '../core/core';
import { databaseFile } from '../core/workspace/paths';
import { CliError, ExitCode, fromCoreError } from './exitCodes';

/** Core opened in this process on an existing workspace, seen through the contract. */
export interface CoreSession {
  /** Parses the request as any host would, then answers or throws a CliError with core's words. */
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
  /** Lets calls already sent to carriers finish, then closes the workspace. */
  close(): Promise<void>;
}

export function openCoreSession(
  dataDir: string,
  appVersion: string,
  runEngine = false,
): CoreSession {
  // Opening an empty folder would quietly create a blank workspace; say where to make one instead.
  if (!existsSync(databaseFile(dataDir)))
    throw new CliError(
      ExitCode.badInput,
      `There is no workspace in ${dataDir}. Create one with \`carrier-ops init --data ${dataDir}\`, or point --data at an existing one.`,
    );
  const listeners = new Set<{ event: EventName; listener: (payload: never) => void }>();
  const core = openCore({
    dataDir,
    appVersion,
    // Only commands that run work start the engine; status, pause or a dry run never send anything.
    runEngine,
    user: userInfo().username,
    emit: ({ event, payload }) => {
      for (const entry of [...listeners])
        if (entry.event === event) entry.listener(payload as never);
    },
  });
  let closing: Promise<void> | undefined;
  return {
    async call(channel, request) {
      const parsed = parseRequest(channel, request);
      if (!parsed.ok) throw fromCoreError(parsed.error);
      const result = await core.call(parsed.value.channel, parsed.value.request);
      if (!result.ok) throw fromCoreError(result.error);
      return result.value;
    },
    on(event, listener) {
      const entry = { event, listener: listener as (payload: never) => void };
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
    close() {
      closing ??= core.close();
      return closing;
    },
  };
}
