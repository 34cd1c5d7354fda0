/** The console's sections, in navigation order. */
export const pages = [
  { id: 'devices', label: 'Devices' },
  { id: 'import', label: 'Import' },
  { id: 'bulk-changes', label: 'Bulk changes' },
  { id: 'schedule', label: 'Scheduled' },
  { id: 'reports', label: 'Reports' },
  { id: 'settings', label: 'Settings' },
] as const;

export type Page = (typeof pages)[number];
export type PageId = Page['id'];
