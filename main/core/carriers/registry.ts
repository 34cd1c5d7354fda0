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
  switch (credentials.carrier) {
    case 'thingspace':
      return createThingSpaceAdapter({ ...options, credentials });
    case 'jasper':
      return createJasperAdapter({ ...options, credentials });
    case 'telegence':
      return createTelegenceAdapter({ ...options, credentials });
    case 'pond':
      return createPondAdapter({ ...options, credentials });
  }
}
