/** The console's sections, in navigation order. Those with `later` are not built yet. */
export const pages = [
  { id: 'devices', label: 'Devices' },
  { id: 'import', label: 'Import' },
  {
    id: 'bulk-changes',
    label: 'Bulk changes',
    later:
      'Bulk changes arrive in a later release: status, rate plan, customer and identifier changes with a dry run first, then live progress with pause, cancel and retry.',
  },
  {
    id: 'reports',
    label: 'Reports',
    later:
      'Reports arrive in a later release: audit and compliance reports, exported as xlsx, csv or pdf.',
  },
  {
    id: 'settings',
    label: 'Settings',
    later:
      'Settings arrive in a later release: carrier accounts, their credentials and a connection test for each.',
  },
] as const;

export type Page = (typeof pages)[number];
export type PageId = Page['id'];
