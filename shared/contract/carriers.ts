import { z } from 'zod';
import { Carrier, CarrierAccount } from '../domain/carriers';
import { CarrierCredentials } from '../domain/credentials';
import { defineRequest } from './define';

const AccountId = z.object({ accountId: z.number().int().positive() });

export const NewAccount = z.object({
  carrier: Carrier,
  name: z.string().trim().min(1, 'a name is required').max(100),
  /** The carrier's API address, e.g. https://thingspace.verizon.com/api. */
  baseUrl: z.string().trim().min(1, 'the API address is required').max(500),
});

/** A failed test is a normal answer, not an error: it says what the carrier said. */
export const ConnectionCheck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), checkedAt: z.string() }),
  z.object({ ok: z.literal(false), checkedAt: z.string(), code: z.string(), message: z.string() }),
]);
export type ConnectionCheck = z.infer<typeof ConnectionCheck>;

export const carrierRequests = {
  'carriers:accounts': defineRequest(
    'The carrier accounts of this workspace, without secrets.',
    z.object({}),
    z.array(CarrierAccount),
  ),
  'carriers:addAccount': defineRequest(
    'Adds a live carrier account (credentials are saved separately).',
    NewAccount,
    CarrierAccount,
  ),
  'carriers:updateAccount': defineRequest(
    'Changes an account’s name, API address or lane pace (rate limit and concurrency).',
    AccountId.extend({
      name: z.string().trim().min(1, 'a name is required').max(100).optional(),
      baseUrl: z.string().trim().min(1, 'the API address is required').max(500).optional(),
      rateLimitPerSecond: z.number().positive().max(1000).optional(),
      maxConcurrency: z.number().int().min(1).max(64).optional(),
    }),
    CarrierAccount,
  ),
  'carriers:saveCredentials': defineRequest(
    'Stores an account’s credentials in the OS keychain; the answer says only that they are present.',
    AccountId.extend({ credentials: CarrierCredentials }),
    CarrierAccount,
  ),
  'carriers:testConnection': defineRequest(
    'Signs in to the carrier with the stored credentials, changing nothing.',
    AccountId,
    ConnectionCheck,
  ),
  'carriers:clearCredentials': defineRequest(
    'Removes an account’s credentials from the OS keychain.',
    AccountId,
    CarrierAccount,
  ),
};
