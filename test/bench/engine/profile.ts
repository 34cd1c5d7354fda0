// Optional CPU profile of one engine run (--profile DIR): the .cpuprofile for DevTools, and the
// functions with the most self time, grouped by function and file, for the console.
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export async function startProfile(): Promise<() => Promise<Profile>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
    session.disconnect();
    return profile;
  };
}

const root = `file://${process.cwd()}/`;
const shortUrl = (url: string) =>
  url.startsWith(root) ? url.slice(root.length) : url.replace(/^file:\/\//, '');

const VM_STATES = new Set(['(garbage collector)', '(idle)', '(program)', '(root)']);

/**
 * Writes the profile to `dir/name.cpuprofile` and returns the top `count` by self time. Time in
 * native code (SQLite inside better-sqlite3, hashing, sockets) is charged to the nearest caller
 * written in JavaScript and marked "native in".
 */
export function summarize(profile: Profile, dir: string, name: string, count = 12): string[] {
  writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id);
  const label = (id: number): string => {
    let node = nodes.get(id)!;
    const { functionName } = node.callFrame;
    if (VM_STATES.has(functionName)) return functionName;
    let native = false;
    while (!node.callFrame.url && parents.has(node.id)) {
      native = true;
      node = nodes.get(parents.get(node.id)!)!;
    }
    const frame = node.callFrame;
    const where = frame.url ? ` ${shortUrl(frame.url)}:${frame.lineNumber + 1}` : '';
    return `${native ? 'native in ' : ''}${frame.functionName || '(anonymous)'}${where}`;
  };
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    const key = label(id);
    self.set(key, (self.get(key) ?? 0) + us);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([key, us]) =>
        `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`,
    );
}
