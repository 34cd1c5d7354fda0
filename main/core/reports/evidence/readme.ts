/** What README.txt needs to know about the pack it describes. */
export interface ReadmeFacts {
  bulkChangeId: number;
  title: string;
  packName: string;
  exportedAt: string;
  reportNames: string[];
  sourceName: string | null;
  /** A source file named (and maybe hashed) in verification.json but not kept in the pack. */
  sourceRecordedOnly: boolean;
}

function sourceNote(facts: ReadmeFacts): string {
  if (facts.sourceName) {
    return `
5. ${facts.sourceName} is the file the bulk change was imported from. To show it is the file the
   customer sent, compare "sha256sum <their file>" with its line in SHA256SUMS.
`;
  }
  if (!facts.sourceRecordedOnly) return '';
  return `
5. The console did not keep the file the bulk change was imported from. verification.json
   ("source") gives its name and, when known, its SHA-256: compare "sha256sum <their file>".
`;
}

// The auditor pastes this rather than running code shipped in the evidence it is meant to check.
// It re-serialises `content` the way chainHash.ts does (compact JSON, non-ASCII as itself).
const RECOMPUTE = `    $ python3 - chain-segment.jsonl <<'PY'
    import hashlib, json, sys
    bad = count = 0
    prev = None
    for line in open(sys.argv[1], encoding='utf-8'):
        e = json.loads(line)
        count += 1
        content = json.dumps(e['content'], ensure_ascii=False, separators=(',', ':'))
        digest = hashlib.sha256((e['prev_hash'] + content).encode('utf-8')).hexdigest()
        if digest != e['hash']:
            bad += 1; print('entry %d: FAILED, its content does not match its hash' % e['id'])
        elif prev and e['id'] <= prev['id']:
            bad += 1; print('entry %d: FAILED, it is out of order after entry %d' % (e['id'], prev['id']))
        elif prev and e['id'] == prev['id'] + 1 and e['prev_hash'] != prev['hash']:
            bad += 1; print('entry %d: FAILED, it does not link to entry %d' % (e['id'], prev['id']))
        elif e['id'] == 1 and e['prev_hash'] != '0' * 64:
            bad += 1; print('entry 1: FAILED, the first entry of a log links to 64 zeros')
        prev = e
    print('%d of %d entries FAILED' % (bad, count) if bad else 'all %d entries match their hashes' % count)
    sys.exit(1 if bad else 0)
    PY`;

/** A name as one shell word, whatever it holds: "ACME pack (2).zip", an apostrophe, ü. */
const shellQuoted = (name: string) =>
  /^[\w.-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`;

/**
 * README.txt: what the pack holds and how an auditor re-checks it with standard Debian tools
 * (unzip, sha256sum from coreutils, python3). Lines starting "    $ " are commands, run in order
 * from the folder holding the pack; the evidence test runs exactly those.
 */
export function evidenceReadme(facts: ReadmeFacts): string {
  const files = [
    ['README.txt', 'this file'],
    ['SHA256SUMS', 'the SHA-256 of every other file, in sha256sum format'],
    [
      'chain-segment.jsonl',
      `the audit log entries of bulk change ${facts.bulkChangeId}, one a line`,
    ],
    ['verification.json', 'the whole audit log checked at export, and its head at that moment'],
    ...facts.reportNames.map((name) => [name, 'a report, as exported from the console']),
    ...(facts.sourceName ? [[facts.sourceName, 'the file the bulk change was imported from']] : []),
  ];
  const width = Math.max(...files.map(([name]) => name!.length)) + 2;
  return `Evidence pack for bulk change ${facts.bulkChangeId}: ${facts.title}
Exported from Carrier Ops Console at ${facts.exportedAt}.

WHAT IS IN IT

${files.map(([name, what]) => `  ${name!.padEnd(width)}${what}`).join('\n')}

HOW TO CHECK IT

Needs only unzip, sha256sum (coreutils) and python3, all standard on Debian and Ubuntu.
Run these from the folder holding ${shellQuoted(facts.packName)}.

1. Unpack it into a new folder and go into it:

    $ unzip -q ${shellQuoted(facts.packName)} -d evidence
    $ cd evidence

2. Check that no file changed since export. Every line must end in "OK"; a line ending in
   "FAILED" names a file that was altered, "FAILED open or read" one that was removed.

    $ sha256sum -c SHA256SUMS

3. Recompute the hash of every audit log entry from its content. It prints each entry that
   fails, and ends "all N entries match their hashes" (exit status 0) or "K of N entries
   FAILED" (exit status 1).

${RECOMPUTE}

4. Open verification.json: "verification" must say "ok": true. "chainHead" is the last entry
   of the whole log (its id and hash) when the pack was made. Write it down somewhere the
   console cannot change (the ticket, the audit file): it is the anchor for the later check
   described at the end of this file.
${sourceNote(facts)}
HOW THE CHAIN WORKS, AND WHAT THIS PACK ALONE CAN PROVE

Every entry's hash is the SHA-256, in lowercase hex, of its prev_hash followed by its content
written as compact JSON (UTF-8, characters outside ASCII as themselves). prev_hash is the hash of
the entry before it in the whole log, in id order; the first entry of the log has 64 zeros.
Changing any entry therefore changes its hash, and breaks the link from the entry after it.

The log is shared by all bulk changes, so entries of others sit between the ones here and ids
skip. Where two ids here are consecutive, step 3 checks the link between them. Across a gap,
the entries in between belong to other bulk changes and are not in this pack (they may concern
other customers), so the pack alone cannot prove that nothing was removed there or that these
entries still sit where they were. That is what the whole-log check in verification.json
covered at export time. To check it again later, on the workspace, with the head written down
in step 4:

    carrier-ops verify-audit --head <chainHead.lastId>:<chainHead.hash>

It says "intact" only if the whole log still checks out and that entry still carries that hash;
if the log was rewritten or cut after export, it names the first entry that no longer fits.
`;
}
