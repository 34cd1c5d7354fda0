import type { z } from 'zod';
import { MAX_IMPORT_BYTES, type ImportSource } from '../../../shared/contract/imports';

/** The largest file the console reads: core's limit, and about what the bridge carries as base64. */
export const MAX_FILE_BYTES = MAX_IMPORT_BYTES;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Why a file can't be read, before its bytes are sent anywhere; null when it can. */
export function uploadProblem(file: { name: string; size: number }): string | null {
  if (file.size === 0) return `${file.name} is empty. Check you picked the right file.`;
  if (file.size > MAX_FILE_BYTES)
    return `${file.name} is ${megabytes(file.size)}; the console reads files up to ${megabytes(MAX_FILE_BYTES)}. Split it into smaller files, or save it as CSV, which is smaller.`;
  return null;
}

/**
 * A picked or dropped file as `import:open` takes it. The browser encodes it (a data URL) off
 * the page's thread: a 50 MB file encoded in script would freeze the window, Cancel included.
 */
export function uploadOf(file: File): Promise<z.input<typeof ImportSource>> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = reader.result as string;
      resolve({ kind: 'upload', name: file.name, base64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () =>
      reject(
        new Error(
          `${file.name} could not be read (${reader.error?.message ?? 'unknown'}); check it is not open elsewhere, then drop it again.`,
        ),
      );
    reader.readAsDataURL(file);
  });
}
