import { carrierError } from '../errors';
import type { HttpResult } from '../http/client';
import type { DeviceRef, PollResult } from '../types';
import type { TelegenceClient } from './client';
import { CARRIER_NAME, errorText, esimRequired, stillPending } from './errors';
import type { LineDirectory } from './lines';
import type { TelegenceAdapterSettings } from './settings';
import { activatedState } from './statusMap';
import {
  ActivationResults,
  characteristic,
  ESIM_REQUIRED_NAME,
  telegencePaths,
  type ActivationResult,
} from './wire';

/** One activation request being polled: its checks so far and the latest answer. */
interface Tracker {
  /** Answers that came back readable: these count against maxPolls. */
  polls: number;
  answer?: Promise<HttpResult<unknown>>;
  fetchedAt: number;
  /** Devices already given the latest answer; the next ask from one of them starts a new check. */
  served: Set<string>;
}

/**
 * Completes activations by polling GET serviceactivation/{id}. One request id covers up to 200
 * SIMs, so one check answers every SIM of a round: a device asking again is what starts the next
 * check. Checks are counted per request id, and once `maxPolls` checks still show it pending, the
 * next poll fails it as production does.
 */
export function createActivationPoller(
  client: TelegenceClient,
  settings: TelegenceAdapterSettings,
  directory: LineDirectory,
) {
  const trackers = new Map<string, Tracker>();
  const { intervalMs, maxPolls } = settings.pollPolicy;
  const lower = (words: string[]) => new Set(words.map((w) => w.toLowerCase()));
  const pendingWords = lower(settings.pendingStatuses);
  const errorWords = lower(settings.errorStatuses);

  async function poll(requestId: string, device: DeviceRef): Promise<PollResult> {
    let tracker = trackers.get(requestId);
    if (!tracker) {
      tracker = { polls: 0, fetchedAt: 0, served: new Set() };
      trackers.set(requestId, tracker);
    }
    const fresh = Date.now() - tracker.fetchedAt < intervalMs / 2;
    let answer = tracker.answer;
    if (!answer || tracker.served.has(device.iccid) || !fresh) {
      if (tracker.polls >= maxPolls) {
        return { kind: 'failed', error: stillPending(requestId, tracker.polls, intervalMs) };
      }
      const current = tracker;
      current.served = new Set();
      current.fetchedAt = Date.now();
      answer = current.answer = client
        .call<unknown>({
          method: 'GET',
          url: `${telegencePaths.activations}/${encodeURIComponent(requestId)}`,
        })
        .then((result) => {
          if (result.ok && ActivationResults.safeParse(result.data).success) current.polls += 1;
          return result;
        });
    }
    tracker.served.add(device.iccid);
    const result = await answer;
    if (!result.ok) {
      // A failed check doesn't count; a transient one is worth polling again.
      tracker.answer = undefined;
      return { kind: 'failed', error: result.error };
    }
    const parsed = ActivationResults.safeParse(result.data);
    if (!parsed.success) {
      tracker.answer = undefined;
      return {
        kind: 'failed',
        error: carrierError(
          'malformed_response',
          `${CARRIER_NAME} sent an activation status that could not be read; it will be checked again.`,
        ),
      };
    }
    const outcome = resultFor(parsed.data, device, requestId);
    // Forget the request once its final answer has reached every SIM in it.
    const everyoneTold = parsed.data.every((r) => {
      const sim = characteristic(r.service?.serviceCharacteristic, 'sim');
      return isFinal(r) && (sim === null || tracker.served.has(sim));
    });
    if (everyoneTold) trackers.delete(requestId);
    return outcome;
  }

  const isFinal = (result: ActivationResult) => {
    const status = result.service?.status?.toLowerCase() ?? '';
    return (
      result.service?.name === ESIM_REQUIRED_NAME || status === 'active' || errorWords.has(status)
    );
  };

  function resultFor(
    results: ActivationResult[],
    device: DeviceRef,
    requestId: string,
  ): PollResult {
    const mine = results.find(
      (r) => characteristic(r.service?.serviceCharacteristic, 'sim') === device.iccid,
    );
    if (!mine) {
      // Partner code reads an all-"/service/" answer as the whole batch needing eSIM profiles.
      if (results.length > 0 && results.every((r) => r.service?.name === ESIM_REQUIRED_NAME)) {
        return { kind: 'failed', error: esimRequired(device.iccid, 'activate') };
      }
      return {
        kind: 'failed',
        error: carrierError(
          'not_found',
          `${CARRIER_NAME} activation request ${requestId} has no result for SIM ${device.iccid}.`,
        ),
      };
    }
    if (mine.service?.name === ESIM_REQUIRED_NAME) {
      return { kind: 'failed', error: esimRequired(device.iccid, 'activate') };
    }
    const status = mine.service?.status?.toLowerCase() ?? '';
    const interaction = mine.interactionStatus?.toLowerCase() ?? '';
    if (errorWords.has(status) || errorWords.has(interaction)) {
      const reason = errorText(mine.service?.error) ?? `activation ${status || interaction}`;
      return {
        kind: 'failed',
        error: carrierError(
          'business_rule',
          `${CARRIER_NAME} rejected the activation of SIM ${device.iccid}: ${reason}.`,
          { carrierReason: reason },
        ),
      };
    }
    if (status === 'active') {
      const state = activatedState(mine, device);
      if (state.msisdn) directory.remember(state.iccid, state.msisdn);
      return { kind: 'done', state };
    }
    if (pendingWords.has(status)) return { kind: 'pending' };
    // Production treats any other word as "processed" but not a success: never guess it worked.
    return {
      kind: 'failed',
      error: carrierError(
        'business_rule',
        `${CARRIER_NAME} ended the activation of SIM ${device.iccid} with status "${status}", which ` +
          'the console does not recognise. Check the SIM in AT&T before activating it again.',
        { carrierReason: `service.status ${status || '(none)'}` },
      ),
    };
  }

  return { poll, clear: () => trackers.clear() };
}
