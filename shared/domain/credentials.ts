import { z } from 'zod';

const required = (label: string) => z.string().trim().min(1, `${label} is required`).max(512);

/** What each carrier needs to sign in. Every field is stored only in the OS keychain. */
export const ThingSpaceCredentials = z.object({
  clientId: required('Client ID (key)'),
  clientSecret: required('Client secret'),
  username: required('UWS username'),
  password: required('UWS password'),
  accountName: required('Account name'),
});
export const JasperCredentials = z.object({
  username: required('API username'),
  apiKey: required('API key'),
});
export const TelegenceCredentials = z.object({
  appId: required('app-id'),
  appSecret: required('app-secret'),
});
export const PondCredentials = z.object({
  distributorId: required('Distributor ID'),
  apiKey: required('API key'),
});

export type ThingSpaceCredentials = z.infer<typeof ThingSpaceCredentials>;
export type JasperCredentials = z.infer<typeof JasperCredentials>;
export type TelegenceCredentials = z.infer<typeof TelegenceCredentials>;
export type PondCredentials = z.infer<typeof PondCredentials>;

export const CarrierCredentials = z.discriminatedUnion('carrier', [
  ThingSpaceCredentials.extend({ carrier: z.literal('thingspace') }),
  JasperCredentials.extend({ carrier: z.literal('jasper') }),
  TelegenceCredentials.extend({ carrier: z.literal('telegence') }),
  PondCredentials.extend({ carrier: z.literal('pond') }),
]);
export type CarrierCredentials = z.infer<typeof CarrierCredentials>;

/** Fields that are secret, as opposed to identifying (usernames, account names). */
export const secretFields = ['clientSecret', 'password', 'apiKey', 'appSecret'] as const;
