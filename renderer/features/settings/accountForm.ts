import type { RequestOf } from '../../../shared/contract';
import { carrierLabels, type CarrierAccount } from '../../../shared/domain/carriers';

/** The account form as typed: text until it is checked. */
export interface AccountDraft {
  name: string;
  baseUrl: string;
  rateLimitPerSecond: string;
  maxConcurrency: string;
}

export type DraftProblems = Partial<Record<keyof AccountDraft, string>>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The form filled from an account, ready to edit. */
export const draftOf = (account: CarrierAccount): AccountDraft => ({
  name: account.name,
  baseUrl: account.baseUrl,
  rateLimitPerSecond: String(account.rateLimitPerSecond),
  maxConcurrency: String(account.maxConcurrency),
});

/** Why an account name can't be used, or null. Names differing only in case count as taken. */
export function nameProblem(
  name: string,
  others: readonly { id: number; name: string }[],
  ownId: number | null,
): string | null {
  const wanted = name.trim();
  if (wanted === '') return 'Enter a name the desk will know this account by.';
  if (wanted.length > 100) return 'Keep the name to 100 characters.';
  const taken = others.find(
    (other) => other.id !== ownId && other.name.toLowerCase() === wanted.toLowerCase(),
  );
  return taken ? `Another account is already called “${taken.name}”.` : null;
}

/**
 * Why an API address can't be used, or null; core checks it again. Live accounts need https (or
 * a simulator on this computer); a sandbox may also use its built-in simulator, `sandbox://<carrier>`.
 */
export function baseUrlProblem(
  text: string,
  account: Pick<CarrierAccount, 'carrier' | 'mode'>,
): string | null {
  const input = text.trim();
  if (input === '') return 'Enter the carrier’s API address, e.g. https://rest.carrier.com/api.';
  const builtIn = `sandbox://${account.carrier}`;
  if (/^sandbox:/i.test(input)) {
    if (account.mode === 'live')
      return 'A live account talks to the carrier: enter its https:// address.';
    return input.toLowerCase().replace(/\/+$/, '') === builtIn
      ? null
      : `This ${carrierLabels[account.carrier]} sandbox’s built-in simulator is ${builtIn}.`;
  }
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return `“${input}” is not a web address. It starts with https://.`;
  }
  const local = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !local)
    return 'The address must start with https:// so credentials are never sent in the clear.';
  if (url.username || url.password)
    return 'Put credentials in the credential fields, not in the address.';
  return null;
}

/** Calls per second as typed (a comma works as the decimal mark), or a problem. */
export function rateProblem(text: string): string | null {
  const rate = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(rate) && rate > 0 && rate <= 1000
    ? null
    : 'Enter calls per second: more than 0 and at most 1000 (0.5 is one call every 2 seconds).';
}

export function concurrencyProblem(text: string): string | null {
  const value = Number(text.trim());
  return /^\d+$/.test(text.trim()) && value >= 1 && value <= 64
    ? null
    : 'Enter a whole number from 1 to 64.';
}

/** Every problem of the form, by field; empty when it can be saved. */
export function draftProblems(
  draft: AccountDraft,
  account: CarrierAccount,
  others: readonly CarrierAccount[],
): DraftProblems {
  const problems: DraftProblems = {
    name: nameProblem(draft.name, others, account.id) ?? undefined,
    baseUrl: baseUrlProblem(draft.baseUrl, account) ?? undefined,
    rateLimitPerSecond: rateProblem(draft.rateLimitPerSecond) ?? undefined,
    maxConcurrency: concurrencyProblem(draft.maxConcurrency) ?? undefined,
  };
  return Object.fromEntries(Object.entries(problems).filter(([, p]) => p !== undefined));
}

/** What the form changes, as `carriers:updateAccount` takes it; only the fields that differ. */
export function accountChanges(
  draft: AccountDraft,
  account: CarrierAccount,
): RequestOf<'carriers:updateAccount'> {
  const name = draft.name.trim();
  const baseUrl = draft.baseUrl.trim();
  const rate = Number(draft.rateLimitPerSecond.trim().replace(',', '.'));
  const concurrency = Number(draft.maxConcurrency.trim());
  return {
    accountId: account.id,
    ...(name !== account.name && { name }),
    ...(baseUrl !== account.baseUrl && { baseUrl }),
    ...(rate !== account.rateLimitPerSecond && { rateLimitPerSecond: rate }),
    ...(concurrency !== account.maxConcurrency && { maxConcurrency: concurrency }),
  };
}

/** `5 calls/s, 1 at a time`: the lane's pace in words. */
export function paceWords(account: Pick<CarrierAccount, 'rateLimitPerSecond' | 'maxConcurrency'>) {
  const rate = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(
    account.rateLimitPerSecond,
  );
  const together =
    account.maxConcurrency === 1 ? '1 at a time' : `up to ${account.maxConcurrency} at once`;
  return `${rate} calls/s, ${together}`;
}
