import type { CarrierCredentials } from '../../../shared/domain/credentials';
import type { AdapterOptions } from './adapterOptions';
import { createJasperAdapter } from './jasper/adapter';
import { createPondAdapter } from './pond/adapter';
import { createTelegenceAdapter } from './telegence/adapter';
import { createThingSpaceAdapter } from './thingspace/adapter';
import type { CarrierAdapter } from './types';

/** Builds the adapter for a carrier from its credentials: the one place that knows all four. */
export function createAdapter(
  credentials: CarrierCredentials,
  options: Omit<AdapterOptions<never>, 'credentials'>,
): CarrierAdapter {
  // Adapters get only their own fields: the `carrier` tag is ours, not the carrier's.
  switch (credentials.carrier) {
    case 'thingspace': {
      const { carrier: _carrier, ...fields } = credentials;
      return createThingSpaceAdapter({ ...options, credentials: fields });
    }
    case 'jasper': {
      const { carrier: _carrier, ...fields } = credentials;
      return createJasperAdapter({ ...options, credentials: fields });
    }
    case 'telegence': {
      const { carrier: _carrier, ...fields } = credentials;
      return createTelegenceAdapter({ ...options, credentials: fields });
    }
    case 'pond': {
      const { carrier: _carrier, ...fields } = credentials;
      return createPondAdapter({ ...options, credentials: fields });
    }
  }
}
