import type { ContractApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the UI runs in a browser over the bridge. */
    readonly carrierOps?: ContractApi;
  }
}
