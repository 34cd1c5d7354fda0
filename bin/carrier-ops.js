#!/usr/bin/env node
// Runs the built CLI. Checks what would otherwise fail obscurely: the Node major and the build.
import { existsSync } from 'node:fs';

const major = Number(process.versions.node.split('.')[0]);
if (major !== 22) {
  console.error(
    `carrier-ops needs Node 22 (the Node inside Electron 45); this is Node ${process.versions.node}.`,
  );
  process.exit(1);
}
const entry = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('carrier-ops is not built yet: run `npm run build` first.');
  process.exit(1);
}
await import(entry.href);
