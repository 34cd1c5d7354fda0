import { z } from 'zod';
import { CarrierAccount } from '../domain/carriers';
import { defineRequest } from './define';

export const carrierRequests = {
  'carriers:accounts': defineRequest(
    'The carrier accounts of this workspace, without secrets.',
    z.object({}),
    z.array(CarrierAccount),
  ),
};
