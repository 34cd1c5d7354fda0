import type { Carrier } from '../../../shared/domain/carriers';

/** The fixed part of the sandbox workspace: who the customers are and what the carriers sell. */

export const sandboxTenants = ['Northwind IoT Services'] as const;

export interface SandboxCustomer {
  name: string;
  revCustomerId: string | null;
  sites: string[];
}

export const sandboxCustomers: SandboxCustomer[] = [
  {
    name: 'Northwind Internal Test Pool',
    revCustomerId: null,
    sites: ['Lab Bench', 'Spares Cage'],
  },
  { name: 'Acme Logistics', revCustomerId: 'REV-10001', sites: ['Dallas Depot', 'Memphis Hub'] },
  {
    name: 'Blue River Utilities',
    revCustomerId: 'REV-10002',
    sites: ['North Substations', 'Meter Fleet'],
  },
  {
    name: 'Cedar Health Monitoring',
    revCustomerId: 'REV-10003',
    sites: ['Home Kits', 'Clinic Gateways'],
  },
  { name: 'Granite Vending Co', revCustomerId: 'REV-10004', sites: ['Route 7', 'Route 12'] },
];

export interface SandboxAccount {
  carrier: Carrier;
  name: string;
  rateLimitPerSecond: number;
  maxConcurrency: number;
  maxBatchSize: number;
  /** Share of the demo devices on this account. */
  share: number;
  /** ICCID issuer prefix (89 + country + issuer) used for this carrier's demo SIMs. */
  iccidPrefix: string;
  /** Communication plans the carrier knows lines by (Cisco's term; others leave it empty). */
  communicationPlans: string[];
  ratePlans: { code: string; name: string; dataMb: number }[];
}

export const sandboxAccounts: SandboxAccount[] = [
  {
    carrier: 'thingspace',
    name: 'Verizon ThingSpace (sandbox)',
    rateLimitPerSecond: 10,
    maxConcurrency: 4,
    maxBatchSize: 1,
    share: 0.35,
    iccidPrefix: '891480',
    communicationPlans: [],
    ratePlans: [
      { code: 'M2MDATA1MB', name: 'M2M Data 1 MB', dataMb: 1 },
      { code: 'M2MDATA25MB', name: 'M2M Data 25 MB', dataMb: 25 },
      { code: 'M2MDATA1GB', name: 'M2M Data 1 GB', dataMb: 1024 },
      { code: 'M2MSHARE5GB', name: 'M2M Shared 5 GB', dataMb: 5120 },
    ],
  },
  {
    carrier: 'jasper',
    name: 'Cisco Control Center (sandbox)',
    rateLimitPerSecond: 5,
    maxConcurrency: 1,
    maxBatchSize: 1,
    share: 0.25,
    iccidPrefix: '8901170',
    communicationPlans: ['Data Only - LTE', 'Data + SMS - LTE'],
    ratePlans: [
      { code: 'IOT_5MB_POOL', name: 'IoT 5 MB Pooled', dataMb: 5 },
      { code: 'IOT_50MB_POOL', name: 'IoT 50 MB Pooled', dataMb: 50 },
      { code: 'IOT_500MB', name: 'IoT 500 MB', dataMb: 500 },
    ],
  },
  {
    carrier: 'telegence',
    name: 'AT&T Telegence (sandbox)',
    rateLimitPerSecond: 5,
    maxConcurrency: 2,
    maxBatchSize: 200,
    share: 0.25,
    iccidPrefix: '8901410',
    communicationPlans: [],
    ratePlans: [
      { code: 'IOTDATA10', name: 'IoT Data 10 MB', dataMb: 10 },
      { code: 'IOTDATA100', name: 'IoT Data 100 MB', dataMb: 100 },
      { code: 'IOTDATA1G', name: 'IoT Data 1 GB', dataMb: 1024 },
    ],
  },
  {
    carrier: 'pond',
    name: 'POND IoT (sandbox)',
    rateLimitPerSecond: 5,
    maxConcurrency: 2,
    maxBatchSize: 1,
    share: 0.15,
    iccidPrefix: '894400',
    communicationPlans: [],
    ratePlans: [
      { code: 'POND-GLOBAL-10MB', name: 'Global 10 MB', dataMb: 10 },
      { code: 'POND-GLOBAL-100MB', name: 'Global 100 MB', dataMb: 100 },
      { code: 'POND-NA-1GB', name: 'North America 1 GB', dataMb: 1024 },
    ],
  },
];

export const sandboxCustomerRatePlans = [
  { code: 'BASIC-10', name: 'Basic 10 MB', monthlyFeeCents: 300, dataAllocationMb: 10 },
  { code: 'STANDARD-100', name: 'Standard 100 MB', monthlyFeeCents: 800, dataAllocationMb: 100 },
  { code: 'PLUS-1G', name: 'Plus 1 GB', monthlyFeeCents: 1500, dataAllocationMb: 1024 },
  {
    code: 'POOLED',
    name: 'Pooled (shares a customer pool)',
    monthlyFeeCents: 500,
    dataAllocationMb: null,
  },
];

export const sandboxPools = [
  { name: 'Acme Fleet Pool', totalDataMb: 50_000 },
  { name: 'Blue River Meter Pool', totalDataMb: 20_000 },
];

/** Real-looking TACs (first 8 IMEI digits) of common IoT modules. */
export const demoTacs = ['35209900', '35461610', '86881303', '35907206', '01234500'];

/** NANP area codes for demo MDNs. */
export const demoAreaCodes = ['214', '312', '415', '512', '646', '720', '901'];
