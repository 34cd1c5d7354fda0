// The engine in its own process, for the crash test: `node --import tsx engineChild.ts <dataDir>
// <devicesFile|bulkId>`. Creates and submits a suspend of the listed devices (or carries on with a
// bulk change), prints one JSON line per progress event, and exits once the bulk change is final.
import { readFileSync } from 'node:fs';
import { parseRequest } from '../../shared/contract/validate';
import type { Channel, RequestOf } from '../../shared/contract';
import type { BulkProgress } from '../../shared/contract/bulk';
import { openCore } from '../../main/core/core';

const [dataDir = '', target = ''] = process.argv.slice(2);
const FINAL = new Set(['PROCESSED', 'PARTIAL', 'ERROR', 'CANCELLED']);
let bulkId = Number(target);
let finish: () => void = () => undefined;
const finished = new Promise<void>((resolve) => (finish = resolve));

const core = openCore({
  dataDir,
  appVersion: 'crash-test',
  keychain: { save: () => undefined, read: () => undefined, clear: () => undefined },
  engine: { leaseMs: 1_000, pollIntervalMs: 50, backoff: { baseMs: 20, capMs: 200 } },
  emit: (message) => {
    if (message.event !== 'bulk:progress') return;
    const p = message.payload as BulkProgress;
    console.log(JSON.stringify({ progress: p.done, total: p.total, status: p.status }));
    if (p.bulkChangeId === bulkId && FINAL.has(p.status)) finish();
  },
});

async function call<C extends Channel>(channel: C, request: RequestOf<C>) {
  const parsed = parseRequest(channel, request);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const result = await core.call(parsed.value.channel, parsed.value.request);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

if (!Number.isInteger(bulkId) || bulkId <= 0) {
  const devices = readFileSync(target, 'utf8').split('\n').filter(Boolean);
  const created = await call('bulk:create', {
    changeType: 'statusUpdate',
    params: { action: 'suspend' },
    devices,
    submit: true,
  });
  bulkId = created.bulkChangeId;
}
console.log(JSON.stringify({ bulkId }));
if (FINAL.has((await call('bulk:get', { bulkChangeId: bulkId })).status)) finish();
await finished;
await core.close();
console.log(JSON.stringify({ done: true }));
