import { create } from 'zustand';
import type { DeviceSelection } from '../../shared/contract/devices';
import type { PageId } from './pages';

interface NavigationState {
  page: PageId;
  /** Devices picked in the grid, waiting for the change form (cleared once a change starts). */
  changeSelection: { selection: DeviceSelection; count: number } | null;
  /** The bulk change open in the Bulk changes section; null shows the history. */
  bulkChangeId: number | null;
  /** A bulk change the Reports section should open its report on, until it has done so. */
  reportBulkChangeId: number | null;
  go(page: PageId): void;
  /** Shows one bulk change's live view (from the import confirmation, history, schedule…). */
  openBulkChange(bulkChangeId: number): void;
  /** Back from one bulk change's view to the history of them all. */
  closeBulkChange(): void;
  /** Opens the change form on the Import page for the devices picked in the grid. */
  changeDevices(selection: DeviceSelection, count: number): void;
  clearChangeSelection(): void;
  /** Opens the Reports section on one bulk change's report. */
  openReport(bulkChangeId: number): void;
  clearReportRequest(): void;
}

/** Which section is showing, and what one section hands to another. */
export const useNavigation = create<NavigationState>()((set) => ({
  page: 'devices',
  changeSelection: null,
  bulkChangeId: null,
  reportBulkChangeId: null,
  go: (page) => set({ page }),
  openBulkChange: (bulkChangeId) => set({ page: 'bulk-changes', bulkChangeId }),
  closeBulkChange: () => set({ bulkChangeId: null }),
  changeDevices: (selection, count) =>
    set({ page: 'import', changeSelection: { selection, count } }),
  clearChangeSelection: () => set({ changeSelection: null }),
  openReport: (bulkChangeId) => set({ page: 'reports', reportBulkChangeId: bulkChangeId }),
  clearReportRequest: () => set({ reportBulkChangeId: null }),
}));
