import type { ContractApi } from '../../shared/contract';
import { bridgeClient } from './bridgeClient';
import { takeBridgeToken } from './bridgeToken';

/** How the UI reaches core: the Electron preload's API, or else the loopback bridge. */
export const api: ContractApi = window.carrierOps ?? bridgeClient(takeBridgeToken());

/** True inside the desktop app, where main owns the open dialog; false in a browser. */
export const inDesktopApp = window.carrierOps !== undefined;
