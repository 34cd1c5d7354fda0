import { z } from 'zod';

/** The carrier platforms the console talks to. */
export const Carrier = z.enum(['thingspace', 'jasper', 'telegence', 'pond']);
export type Carrier = z.infer<typeof Carrier>;

export const carrierLabels: Record<Carrier, string> = {
  thingspace: 'Verizon ThingSpace',
  jasper: 'Cisco Control Center',
  telegence: 'AT&T Telegence',
  pond: 'POND IoT',
};

/** An account as the console names it: "Cisco Control Center (EU fleet)", or its own name when that already says the carrier. */
export function accountLabel(carrier: Carrier, accountName: string): string {
  const label = carrierLabels[carrier];
  return accountName.startsWith(label) ? accountName : `${label} (${accountName})`;
}

/** Sandbox accounts run against the built-in carrier simulators; live ones against the carrier. */
export const AccountMode = z.enum(['sandbox', 'live']);
export type AccountMode = z.infer<typeof AccountMode>;

/**
 * What the renderer may know about a credential: never the secret itself. `unavailable` means
 * the OS keychain could not be asked; `credentialProblem` then says why.
 */
export const CredentialState = z.enum(['present', 'absent', 'not_needed', 'unavailable']);
export type CredentialState = z.infer<typeof CredentialState>;

export const CarrierAccount = z.object({
  id: z.number().int(),
  carrier: Carrier,
  name: z.string(),
  mode: AccountMode,
  baseUrl: z.string(),
  rateLimitPerSecond: z.number(),
  maxConcurrency: z.number().int(),
  credential: CredentialState,
  credentialProblem: z.string().nullable(),
  deviceCount: z.number().int(),
});
export type CarrierAccount = z.infer<typeof CarrierAccount>;
