/** The console's sections, in navigation order. Those with `later` are not built yet. */
export const pages = [
  { id: 'devices', label: 'Devices' },
  { id: 'import', label: 'Import' },
  { id: 'bulk-changes', label: 'Bulk changes' },
  { id: 'schedule', label: 'Scheduled' },
  {
    id: 'reports',
    label: 'Reports',
    later:
      'Reports arrive in a later release: audit and compliance reports, exported as xlsx, csv or pdf.',
  },
  { id: 'settings', label: 'Settings' },
] as const;

export type Page = (typeof pages)[number];
export type PageId = Page['id'];
