import { describe, expect, it } from 'vitest';
import { AuditLog, type AuditEntryInput } from '../../../main/core/audit/auditLog';
import { redactHeaders, redactText } from '../../../main/core/carriers/http/redact';
import { CoreError } from '../../../main/core/errors';
import { useTempDir } from '../../support/tempDir';
import { exchange, openAuditWorkspace } from './auditWorkspace';

const tempDir = useTempDir();

const leaks: [string, Partial<AuditEntryInput>][] = [
  [
    'a password in a JSON body',
    { requestText: 'POST /session/login\n{"username":"desk","password":"hunter2-SECRET"}' },
  ],
  [
    'Basic credentials in an Authorization header',
    { requestText: 'GET /devices\nAuthorization: Basic dXNlcjpodW50ZXIyLVNFQ1JFVA==' },
  ],
  [
    'a Bearer token in a header map',
    { requestText: '{"headers":{"Authorization":"Bearer eyJhbGciOiJIUzI1NiJ9.hunter2-SECRET"}}' },
  ],
  [
    'a session token header',
    { requestText: 'POST /devices/actions\nVZ-M2M-Token: hunter2-SECRET' },
  ],
  [
    'an API key in a query string',
    { requestText: 'GET https://api.pond.test/v1/sims?api_key=hunter2-SECRET&page=2' },
  ],
  [
    'a client secret in a form body',
    {
      requestText: 'POST /oauth2/token\nclient_secret=hunter2-SECRET&grant_type=client_credentials',
    },
  ],
  ['a session token in an answer', { responseText: '{"sessionToken":"hunter2-SECRET"}' }],
  [
    'an access token in an answer',
    { responseText: '{"access_token":"hunter2-SECRET","token_type":"bearer","expires_in":3600}' },
  ],
];

describe('the last-line secret guard', () => {
  it.each(leaks)('refuses %s, without repeating it', (_what, leak) => {
    const ws = openAuditWorkspace(tempDir());
    const log = new AuditLog(ws.db);
    let refusal: unknown;
    try {
      log.append(exchange(ws, 1, leak));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(CoreError);
    expect(refusal).toMatchObject({
      code: 'internal',
      message: expect.stringMatching(
        /refused an entry for bulk change 1: its (request|response) text/,
      ),
    });
    expect((refusal as Error).message).not.toMatch(/hunter2|dXNlcjpo|eyJhbGci/);
    expect(log.head().count).toBe(0);
    ws.db.close();
  });

  it('accepts the same exchanges once the carrier client has redacted them', () => {
    const ws = openAuditWorkspace(tempDir());
    const log = new AuditLog(ws.db);
    const headers = redactHeaders(
      { Authorization: 'Basic dXNlcjpodW50ZXIyLVNFQ1JFVA==', 'VZ-M2M-Token': 'hunter2-SECRET' },
      ['VZ-M2M-Token'],
    );
    log.appendMany([
      exchange(ws, 1, {
        requestText: redactText('{"username":"desk","password":"hunter2-SECRET"}', []),
      }),
      exchange(ws, 2, { requestText: JSON.stringify({ headers }) }),
      exchange(ws, 3, {
        requestText: 'GET /devices\nAuthorization: Basic [redacted]\nVZ-M2M-Token: [redacted]',
      }),
      exchange(ws, 4, {
        requestText: redactText('https://api.pond.test/v1/sims?api_key=hunter2-SECRET', []),
        responseText: redactText('{"access_token":"hunter2-SECRET","expires_in":3600}', []),
      }),
    ]);
    expect(log.head().count).toBe(4);
    ws.db.close();
  });

  it('accepts carrier answers that only talk about credentials', () => {
    const ws = openAuditWorkspace(tempDir());
    const log = new AuditLog(ws.db);
    log.appendMany([
      exchange(ws, 1, { responseText: 'Basic authentication failed: check the password' }),
      exchange(ws, 2, {
        responseText: '{"error":"invalid_token","error_description":"Bearer token expired"}',
        hasErrors: true,
        responseStatus: 'HTTP 401',
      }),
      exchange(ws, 3, { responseText: '{"password":"","token":null,"passwordExpiryDays":"30"}' }),
    ]);
    expect(log.head().count).toBe(3);
    ws.db.close();
  });

  it('writes none of a batch when one entry in it leaks', () => {
    const ws = openAuditWorkspace(tempDir());
    const log = new AuditLog(ws.db);
    expect(() => log.appendMany([exchange(ws, 1), exchange(ws, 2, leaks[0]![1])])).toThrow(
      CoreError,
    );
    expect(log.head().count).toBe(0);
    ws.db.close();
  });
});
