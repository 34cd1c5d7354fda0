import type { ContractApi } from '../../shared/contract';
import { useDevicesStore } from '../features/devices/store';
import { useProgressStore } from './progressStore';
import { useWorkspaceStore } from './workspaceStore';

/**
 * The one place that listens to core's push events and writes them into the stores;
 * components read the stores and never subscribe to the API themselves.
 */
export function listenToCore(api: ContractApi): () => void {
  return api.on('workspace:progress', (progress) => {
    useProgressStore.getState().report(progress);
    // Finished work (seeding now, imports and bulk changes later) may have changed the inventory.
    if (progress.done >= progress.total) {
      void useWorkspaceStore.getState().load();
      useDevicesStore.getState().reload();
    }
  });
}
