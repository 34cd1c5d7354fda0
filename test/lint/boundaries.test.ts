import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints snippets as if they lived in each folder, with the project's real config.
const eslint = new ESLint({ cwd: process.cwd() });
async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('import boundaries', () => {
  it('stop renderer/ from importing electron, main/ or Node', async () => {
    expect(
      await importErrors(
        'renderer/features/x.ts',
        "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
      ),
    ).toEqual([expect.stringContaining('renderer/ may not import electron')]);
    expect(
      await importErrors(
        'renderer/features/x.ts',
        "import { openStore } from '../../main/core/store/open';\nexport const x = openStore;\n",
      ),
    ).toEqual([expect.stringContaining('renderer/ may not import main/')]);
    expect(
      await importErrors(
        'renderer/features/x.ts',
        "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      ),
    ).toHaveLength(1);
  });

  it('stop main/core/ from importing electron or renderer/', async () => {
    expect(
      await importErrors(
        'main/core/engine/x.ts',
        "import { app } from 'electron';\nexport const x = app;\n",
      ),
    ).toEqual([expect.stringContaining('plain Node')]);
    expect(
      await importErrors(
        'main/core/engine/x.ts',
        "import { api } from '../../../renderer/api/client';\nexport const x = api;\n",
      ),
    ).toHaveLength(1);
  });

  it('keep shared/ free of our other folders and of Node', async () => {
    expect(
      await importErrors(
        'shared/domain/x.ts',
        "import { openStore } from '../../main/core/store/open';\nexport const x = openStore;\n",
      ),
    ).toHaveLength(1);
    expect(
      await importErrors(
        'shared/domain/x.ts',
        "import { join } from 'node:path';\nexport const x = join;\n",
      ),
    ).toHaveLength(1);
  });

  it('let each side import what it is allowed to', async () => {
    expect(
      await importErrors(
        'renderer/features/x.ts',
        "import { Carrier } from '../../shared/domain/carriers';\nexport const x = Carrier;\n",
      ),
    ).toEqual([]);
    expect(
      await importErrors(
        'main/shell/x.ts',
        "import { app } from 'electron';\nexport const x = app;\n",
      ),
    ).toEqual([]);
    expect(
      await importErrors(
        'main/core/x.ts',
        "import { Carrier } from '../../shared/domain/carriers';\nexport const x = Carrier;\n",
      ),
    ).toEqual([]);
  });
});
