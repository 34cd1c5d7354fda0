import { contextBridge, ipcRenderer } from 'electron';
import { isChannel, isEventName, type ContractApi, type Result } from '../shared/contract';
import { fail } from '../shared/contract/result';

// The renderer's only door: one frozen object built from the contract. No raw ipcRenderer.
const api: ContractApi = {
  invoke(channel, request) {
    if (!isChannel(channel))
      return Promise.resolve(
        fail('unknown_channel', `There is no channel named "${String(channel)}".`),
      );
    return ipcRenderer.invoke(channel, request) as Promise<Result<never>>;
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`There is no event named "${String(event)}".`);
    const forward = (_event: unknown, payload: unknown) => listener(payload as never);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
};

contextBridge.exposeInMainWorld('carrierOps', Object.freeze(api));
