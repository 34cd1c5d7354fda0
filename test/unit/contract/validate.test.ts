import { describe, expect, it } from 'vitest';
import { channels, events, eventNames, requests } from '../../../shared/contract';
import { parseRequest } from '../../../shared/contract/validate';

describe('the contract', () => {
  it('names every request feature:verb and every event feature:event', () => {
    for (const channel of channels) expect(channel).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/);
    for (const event of eventNames) expect(event).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/);
    expect(channels.length).toBeGreaterThan(0);
  });

  it('gives every channel a description for newcomers', () => {
    for (const channel of channels) expect(requests[channel].doc.length).toBeGreaterThan(10);
  });

  it('refuses a channel it does not know', () => {
    const result = parseRequest('devices:drop', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: expect.stringContaining('devices:drop') },
    });
  });

  it('refuses a prototype key dressed up as a channel', () => {
    expect(parseRequest('constructor', {}).ok).toBe(false);
    expect(parseRequest('__proto__', {}).ok).toBe(false);
  });

  it('applies defaults to a request that leaves them out', () => {
    expect(parseRequest('devices:list', {})).toEqual({
      ok: true,
      value: { channel: 'devices:list', request: { offset: 0, limit: 100 } },
    });
  });
});

describe('a malformed request is rejected with the field named', () => {
  it('for a number out of range', () => {
    const result = parseRequest('devices:list', { limit: 5000 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_request');
      expect(result.error.message).toMatch(/^devices:list was sent a bad request: limit: /);
    }
  });

  it('for a wrong enum value inside an array', () => {
    const result = parseRequest('devices:list', { carriers: ['thingspace', 'sprint'] });
    expect(!result.ok && result.error.message).toMatch(/carriers\.1: /);
  });

  it('for the wrong type of a whole request', () => {
    const result = parseRequest('workspace:info', 'hello');
    expect(!result.ok && result.error.message).toMatch(/\(request\): /);
  });

  it('for a string that is too long', () => {
    const result = parseRequest('devices:list', { search: '8'.repeat(65) });
    expect(!result.ok && result.error.message).toMatch(/search: /);
  });
});

describe('push event payloads', () => {
  it('are checked by their schema', () => {
    const progress = events['workspace:progress'].payload;
    expect(progress.safeParse({ task: 'seed', label: 'Seeding', done: 1, total: 2 }).success).toBe(
      true,
    );
    expect(progress.safeParse({ task: 'seed', done: '1' }).success).toBe(false);
  });
});
