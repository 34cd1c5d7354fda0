import type { CoreHandlers } from '../handlers';
import { CoreError } from '../errors';

type ImportChannel = Extract<
  keyof CoreHandlers,
  `import:${string}` | `drafts:${string}` | `catalog:${string}`
>;

const notYet = () => {
  throw new CoreError('invalid_request', 'Import is being built.');
};

/** The import, draft and catalog channels. */
export function importHandlers(): Pick<CoreHandlers, ImportChannel> {
  return {
    'import:open': notYet,
    'import:configure': notYet,
    'import:fromSelection': notYet,
    'import:check': notYet,
    'import:rows': notYet,
    'import:editRow': notYet,
    'import:submit': notYet,
    'import:saveDraft': notYet,
    'import:cancel': notYet,
    'import:close': notYet,
    'import:template': notYet,
    'drafts:list': notYet,
    'drafts:open': notYet,
    'drafts:export': notYet,
    'drafts:delete': notYet,
    'catalog:options': notYet,
  };
}
