import type { z } from 'zod';
import type { Carrier } from '../../../shared/domain/carriers';
import { secretFields, type CarrierCredentials } from '../../../shared/domain/credentials';

interface Field<Credentials> {
  key: keyof Credentials & string;
  label: string;
  hint?: string;
}

type CredentialsOf<C extends Carrier> = Omit<
  Extract<CarrierCredentials, { carrier: C }>,
  'carrier'
>;

/** The fields each carrier's sign-in needs, with the carrier's own names for them. */
export const credentialFields: { [C in Carrier]: Field<CredentialsOf<C>>[] } = {
  thingspace: [
    { key: 'clientId', label: 'Client ID (key)' },
    { key: 'clientSecret', label: 'Client secret' },
    { key: 'username', label: 'UWS username' },
    { key: 'password', label: 'UWS password' },
    {
      key: 'accountName',
      label: 'Account name',
      hint: 'Usually numeric, e.g. 0868924207-00001; keep the leading zeros.',
    },
  ],
  jasper: [
    { key: 'username', label: 'API username' },
    { key: 'apiKey', label: 'API key', hint: 'Each Control Center user has their own API key.' },
  ],
  telegence: [
    { key: 'appId', label: 'app-id' },
    { key: 'appSecret', label: 'app-secret' },
  ],
  pond: [
    { key: 'distributorId', label: 'Distributor ID' },
    { key: 'apiKey', label: 'API key' },
  ],
};

/** Secret fields are typed into password boxes and never shown again. */
export const isSecret = (key: string): boolean => (secretFields as readonly string[]).includes(key);

/** Where each problem of a credentials form is, by field, from the schema's own words. */
export function credentialProblems(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path[0];
    if (typeof key === 'string' && !(key in problems)) problems[key] = issue.message;
  }
  return problems;
}
