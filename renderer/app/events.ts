import { isFinalBulkStatus } from '../../shared/domain/changes';
import type { ContractApi } from '../../shared/contract';
import { useBulkProgressStore } from '../features/bulk/bulkProgressStore';
import { useBulkViewStore } from '../features/bulk/bulkViewStore';
import { useDeviceRowsStore } from '../features/bulk/deviceRowsStore';
import { useHistoryStore } from '../features/bulk/historyStore';
import { useDevicesStore } from '../features/devices/store';
import { useProgressStore } from './progressStore';
import { useWorkspaceStore } from './workspaceStore';

/**
 * The one place that listens to core's push events and writes them into the stores;
 * components read the stores and never subscribe to the API themselves.
 */
export function listenToCore(api: ContractApi): () => void {
  const offWorkspace = api.on('workspace:progress', (progress) => {
    useProgressStore.getState().report(progress);
    // Finished seeding may have changed the inventory; reading a file or writing a report never does.
    const readsOnly = /^(import|reports|audit):/.test(progress.task);
    if (progress.done >= progress.total && !readsOnly) {
      void useWorkspaceStore.getState().load();
      useDevicesStore.getState().reload();
    }
  });
  // A bulk change that ends has changed devices: the grid reads them again, once per ending.
  const ended = new Set<number>();
  // A few reports a second per running bulk change; the stores throttle what they read again.
  const offBulk = api.on('bulk:progress', (progress) => {
    if (!isFinalBulkStatus(progress.status)) ended.delete(progress.bulkChangeId);
    else if (!ended.has(progress.bulkChangeId)) {
      ended.add(progress.bulkChangeId);
      useDevicesStore.getState().reload();
    }
    useBulkProgressStore.getState().report(progress);
    useBulkViewStore.getState().progressed(progress);
    useDeviceRowsStore.getState().progressed(progress.bulkChangeId);
    useHistoryStore.getState().progressed(progress);
  });
  return () => {
    offWorkspace();
    offBulk();
  };
}
