/**
 * What POND's public record leaves open about its wire format, in one place so it can be
 * re-pointed when POND's documentation arrives (carrier-apis.md §4.3: the sources disagree on
 * the paths). The simulator's settings carry the same defaults; a test keeps the two in step.
 */
export interface PondPaths {
  /** GET reads the service flags, POST sets them. Formatted with (distributorId, ICCID). */
  deviceStatus: string;
  listPackages: string;
  addPackage: string;
  packageStatus: string;
  packageTypes: string;
}

export interface PondWire {
  paths: PondPaths;
  apiKeyHeader: string;
  /** The service flags enable-all / disable-all set together. */
  serviceFlags: readonly string[];
  /** The page size POND's docs name as default, per the production client. */
  pageSize: number;
}

export interface PondWireOverrides {
  paths?: Partial<PondPaths>;
  apiKeyHeader?: string;
  serviceFlags?: readonly string[];
  pageSize?: number;
}

export const defaultPondWire: PondWire = {
  paths: {
    deviceStatus: '{distributorId}/devices/{iccid}/status',
    listPackages: '{distributorId}/devices/{iccid}/packages',
    addPackage: '{distributorId}/devices/{iccid}/packages',
    packageStatus: '{distributorId}/packages/{packageId}/status',
    packageTypes: '{distributorId}/package-types',
  },
  apiKeyHeader: 'x-api-key',
  serviceFlags: ['Data', 'Sms', 'Voice'],
  pageSize: 10,
};

/** The defaults with an account's overrides applied. */
export const pondWire = (overrides: PondWireOverrides = {}): PondWire => ({
  ...defaultPondWire,
  ...overrides,
  paths: { ...defaultPondWire.paths, ...overrides.paths },
});

/** Fills a path template's `{name}` placeholders, each value URL-encoded. */
export function pondPath(template: string, values: Record<string, string>): string {
  const filled = template.replace(/\{(\w+)\}/g, (_match, name: string) =>
    encodeURIComponent(values[name] ?? ''),
  );
  return `/${filled.replace(/^\/+/, '')}`;
}

/**
 * Our plan codes are POND PackageTypeIds. The production client keeps them as numbers, so a
 * code made of digits is sent as a JSON number and any other code as the string it is.
 */
export const packageTypeIdOnWire = (code: string): string | number =>
  /^\d+$/.test(code) && Number.isSafeInteger(Number(code)) ? Number(code) : code;
