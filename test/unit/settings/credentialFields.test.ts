import { describe, expect, it } from 'vitest';
import {
  CarrierCredentials,
  JasperCredentials,
  PondCredentials,
  TelegenceCredentials,
  ThingSpaceCredentials,
} from '../../../shared/domain/credentials';
import {
  credentialFields,
  credentialProblems,
  isSecret,
} from '../../../renderer/features/settings/credentialFields';

const schemas = {
  thingspace: ThingSpaceCredentials,
  jasper: JasperCredentials,
  telegence: TelegenceCredentials,
  pond: PondCredentials,
};

describe('the credentials form', () => {
  it.each(Object.entries(schemas))('asks for every field %s needs, once', (carrier, schema) => {
    const keys = credentialFields[carrier as keyof typeof schemas].map((field) => field.key);
    expect([...keys].sort()).toEqual(Object.keys(schema.shape).sort());
  });

  it('hides keys, secrets and passwords, but not the names that identify the account', () => {
    const secret = credentialFields.thingspace.filter((f) => isSecret(f.key)).map((f) => f.key);
    expect(secret).toEqual(['clientSecret', 'password']);
    expect(credentialFields.jasper.filter((f) => isSecret(f.key)).map((f) => f.key)).toEqual([
      'apiKey',
    ]);
    expect(isSecret('appSecret')).toBe(true);
    expect(isSecret('distributorId')).toBe(false);
  });

  it('places each problem by its field, in the schema’s words', () => {
    const parsed = CarrierCredentials.safeParse({ carrier: 'jasper', username: ' ', apiKey: '' });
    expect(parsed.success).toBe(false);
    expect(credentialProblems(parsed.error!.issues)).toEqual({
      username: 'API username is required',
      apiKey: 'API key is required',
    });
  });
});
