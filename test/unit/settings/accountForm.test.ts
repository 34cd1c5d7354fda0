import { describe, expect, it } from 'vitest';
import type { CarrierAccount } from '../../../shared/domain/carriers';
import {
  accountChanges,
  baseUrlProblem,
  draftOf,
  draftProblems,
  paceWords,
} from '../../../renderer/features/settings/accountForm';

const account = (over: Partial<CarrierAccount> = {}): CarrierAccount => ({
  id: 5,
  carrier: 'jasper',
  name: 'Control Center',
  mode: 'live',
  baseUrl: 'https://rest.example.com',
  rateLimitPerSecond: 5,
  maxConcurrency: 1,
  credential: 'absent',
  credentialProblem: null,
  deviceCount: 0,
  ...over,
});

describe('the account form', () => {
  it('says what is wrong with each field in words, and nothing when all is well', () => {
    const cc = account();
    const others = [cc, account({ id: 6, name: 'POND EU', carrier: 'pond' })];
    expect(draftProblems(draftOf(cc), cc, others)).toEqual({});
    expect(
      draftProblems(
        {
          name: ' pond eu ',
          baseUrl: 'http://rest.example.com',
          rateLimitPerSecond: '0',
          maxConcurrency: '1.5',
        },
        cc,
        others,
      ),
    ).toEqual({
      name: 'Another account is already called “POND EU”.',
      baseUrl: 'The address must start with https:// so credentials are never sent in the clear.',
      rateLimitPerSecond:
        'Enter calls per second: more than 0 and at most 1000 (0.5 is one call every 2 seconds).',
      maxConcurrency: 'Enter a whole number from 1 to 64.',
    });
    expect(draftProblems({ ...draftOf(cc), name: '  ' }, cc, others).name).toMatch(/Enter a name/);
  });

  it('lets a live account use https or a simulator on this computer, and a sandbox its own simulator', () => {
    const live = { carrier: 'pond', mode: 'live' } as const;
    const sandbox = { carrier: 'pond', mode: 'sandbox' } as const;
    expect(baseUrlProblem('https://pond.example.com/api', live)).toBeNull();
    expect(baseUrlProblem('http://127.0.0.1:4010', live)).toBeNull();
    expect(baseUrlProblem('sandbox://pond', live)).toMatch(/live account talks to the carrier/);
    expect(baseUrlProblem('https://me:pw@pond.example.com', live)).toMatch(/credential fields/);
    expect(baseUrlProblem('pond.example.com', live)).toMatch(/not a web address/);
    expect(baseUrlProblem('', live)).toMatch(/Enter the carrier’s API address/);
    expect(baseUrlProblem('sandbox://pond/', sandbox)).toBeNull();
    expect(baseUrlProblem('sandbox://jasper', sandbox)).toBe(
      'This POND IoT sandbox’s built-in simulator is sandbox://pond.',
    );
  });

  it('sends only what changed, reading a decimal comma as the desk typed it', () => {
    const cc = account();
    expect(accountChanges(draftOf(cc), cc)).toEqual({ accountId: 5 });
    expect(
      accountChanges(
        { ...draftOf(cc), name: ' CC US ', rateLimitPerSecond: '2,5', maxConcurrency: ' 1 ' },
        cc,
      ),
    ).toEqual({ accountId: 5, name: 'CC US', rateLimitPerSecond: 2.5 });
  });

  it('puts the lane’s pace in words', () => {
    expect(paceWords({ rateLimitPerSecond: 5, maxConcurrency: 1 })).toBe('5 calls/s, 1 at a time');
    expect(paceWords({ rateLimitPerSecond: 0.5, maxConcurrency: 4 })).toBe(
      `${(0.5).toLocaleString()} calls/s, up to 4 at once`,
    );
  });
});
