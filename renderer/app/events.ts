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
    // Finished seeding may have changed the inventory; reading and checking a file never does.
    if (progress.done >= progress.total && !progress.task.startsWith('import:')) {
      void useWorkspaceStore.getState().load();
      useDevicesStore.getState().reload();
    }
  });
}
