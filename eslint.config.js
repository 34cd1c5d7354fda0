// One lint config for every side. The import-boundary rules below are the
// architecture's process boundaries; test/lint/boundaries.test.ts proves they fire.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const ours = (folder) => [`**/${folder}`, `**/${folder}/**`];
const nodeBuiltins = { group: ['node:*'], message: 'Node APIs stay in main/: use the typed API.' };

export const boundaries = {
  renderer: {
    patterns: [
      { group: ['electron'], message: 'renderer/ may not import electron: use the typed API.' },
      {
        group: [...ours('main'), ...ours('preload')],
        message: 'renderer/ may not import main/ or preload/: use the typed API.',
      },
      nodeBuiltins,
    ],
  },
  core: {
    patterns: [
      {
        group: ['electron'],
        message: 'main/core/ runs under plain Node and may not import electron.',
      },
      { group: ours('renderer'), message: 'main/core/ may not import renderer/.' },
    ],
  },
  shared: {
    patterns: [
      { group: ['electron'], message: 'shared/ imports nothing of ours and no electron.' },
      {
        group: [...ours('main'), ...ours('renderer'), ...ours('preload'), ...ours('test')],
        message: 'shared/ imports nothing of ours.',
      },
      nodeBuiltins,
    ],
  },
  preload: {
    patterns: [
      {
        group: [...ours('main'), ...ours('renderer')],
        message: 'preload/ may only import shared/ and electron.',
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      '.node22/**',
      'test-results/**',
      'playwright-report/**',
      'node_modules/**',
      'test/lint/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      // Off because noUncheckedIndexedAccess types every index read as possibly undefined;
      // `!` marks the reads whose index is known to be in range.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', boundaries.renderer],
    },
  },
  // The CLI and hosts run under plain Node too, so they share core's rule.
  {
    files: ['main/core/**', 'main/host/**', 'main/cli/**'],
    rules: { 'no-restricted-imports': ['error', boundaries.core] },
  },
  { files: ['shared/**'], rules: { 'no-restricted-imports': ['error', boundaries.shared] } },
  { files: ['preload/**'], rules: { 'no-restricted-imports': ['error', boundaries.preload] } },
);
