import type { FileDownload } from '../../shared/contract/imports';
import { base64ToBytes } from './base64';

/** Long enough for the browser (or Electron's save dialog) to have taken the file. */
const RELEASE_AFTER_MS = 60_000;

/**
 * Hands a file core made (a template, an exported draft) to the browser as a download. In
 * Electron the same anchor opens the save dialog, so the renderer never names a path.
 */
export function saveDownload({ fileName, mimeType, base64 }: FileDownload): void {
  const bytes = base64ToBytes(base64);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), RELEASE_AFTER_MS);
}
