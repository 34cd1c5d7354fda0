import { chooseFile, openDropped } from '../features/import/importCalls';
import { useNavigation } from './navigationStore';
import { pages, type PageId } from './pages';

/** Ctrl/Cmd + digit → section, in the sidebar's order; the desktop app's View menu shows the same keys. */
const sectionShortcuts: Readonly<Record<string, PageId>> = Object.fromEntries(
  pages.map((page, i) => [String(i + 1), page.id]),
);

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/** The letter pressed; by the key's position on layouts without Latin letters (Ctrl+щ is Ctrl+O). */
const letterOf = (event: KeyboardEvent): string =>
  /^[a-z]$/i.test(event.key)
    ? event.key.toLowerCase()
    : (/^Key([A-Z])$/.exec(event.code)?.[1]?.toLowerCase() ?? '');

/** The section a key press asks for; by the key's position too, for layouts that shift digits. */
function sectionFor(event: KeyboardEvent): PageId | undefined {
  const digit = /^Digit(\d)$/.exec(event.code)?.[1] ?? event.key;
  return sectionShortcuts[digit];
}

/**
 * Keyboard shortcuts and file drops that work anywhere in the window, in the desktop app and the
 * browser alike. The desktop menu's items send these same key presses, so there is one handler.
 */
export function listenToWindow(target: Window = window): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const section = sectionFor(event);
    if (section) {
      event.preventDefault();
      useNavigation.getState().go(section);
    } else if (letterOf(event) === 'o' && !event.shiftKey) {
      event.preventDefault();
      if (event.repeat) return;
      useNavigation.getState().go('import');
      chooseFile();
    }
  };
  // Without this a file dropped outside the Import drop zone would make the window open it.
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    // The Import page's own drop zone took it already.
    if (event.defaultPrevented || !carriesFiles(event)) return;
    event.preventDefault();
    useNavigation.getState().go('import');
    openDropped([...(event.dataTransfer?.files ?? [])]);
  };
  target.addEventListener('keydown', onKey);
  target.addEventListener('dragover', onDragOver);
  target.addEventListener('drop', onDrop);
  return () => {
    target.removeEventListener('keydown', onKey);
    target.removeEventListener('dragover', onDragOver);
    target.removeEventListener('drop', onDrop);
  };
}
