import { carrierLabels } from '../../../shared/domain/carriers';
import type { ChangeType } from '../../../shared/domain/changes';
import type { CarrierCapabilities } from '../carriers/types';
import type { DeviceRecord } from '../changes/handler';
import { capabilitiesOf } from './estimate';

const needLabels = {
  ratePlan: 'a carrier rate plan',
  zipCode: 'the ZIP code the new number is drawn from',
};

/**
 * Why the device's carrier would reject this change, found before anything is sent: a change
 * or status move the carrier doesn't offer, or an activation missing what the carrier needs.
 */
export function carrierRefusal(
  changeType: ChangeType,
  params: Record<string, unknown>,
  device: DeviceRecord,
): string | undefined {
  const caps: CarrierCapabilities = capabilitiesOf(device.carrier);
  const carrier = carrierLabels[device.carrier];
  if (
    ['statusUpdate', 'carrierRatePlanChange', 'identifierChange'].includes(changeType) &&
    !caps.changeTypes.includes(changeType)
  )
    return `${carrier} has no API for this change, so it can't be made from the console for ICCID ${device.iccid}. Make it in the carrier's portal.`;
  if (changeType !== 'statusUpdate') return undefined;
  const action = params.action as string;
  if (!caps.statusActions.includes(action as never))
    return `${carrier} can't ${action} a line through its API (ICCID ${device.iccid}). Do it in the carrier's portal, or leave the row out.`;
  if (action === 'activate')
    for (const need of caps.activationNeeds)
      if (typeof params[need] !== 'string' || params[need] === '')
        return `${carrier} needs ${needLabels[need]} to activate ICCID ${device.iccid}. Give it on the form${need === 'ratePlan' ? ' or in a rate plan column' : ''}.`;
  return undefined;
}
