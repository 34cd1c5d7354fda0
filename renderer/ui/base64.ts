/** Bytes encoded per slice: a multiple of 3, so the slices' base64 joins with no padding between. */
const ENCODE_SLICE = 3 * 32 * 1024;
/** Characters decoded per slice: a multiple of 4, so each slice is whole base64 on its own. */
const DECODE_SLICE = 4 * 32 * 1024;
/** String.fromCharCode takes its bytes as arguments, and engines cap how many a call may pass. */
const ARGUMENT_SLICE = 8 * 1024;

/** Base64 of `bytes`, built slice by slice so a 50 MB file never becomes one giant binary string. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += ENCODE_SLICE) {
    const slice = bytes.subarray(start, start + ENCODE_SLICE);
    const text: string[] = [];
    for (let at = 0; at < slice.length; at += ARGUMENT_SLICE)
      text.push(String.fromCharCode(...slice.subarray(at, at + ARGUMENT_SLICE)));
    parts.push(btoa(text.join('')));
  }
  return parts.join('');
}

/** The bytes of a base64 string, decoded slice by slice. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const clean = base64.replace(/\s+/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((clean.length / 4) * 3 - padding);
  let written = 0;
  for (let start = 0; start < clean.length; start += DECODE_SLICE) {
    const binary = atob(clean.slice(start, start + DECODE_SLICE));
    for (let i = 0; i < binary.length; i++) bytes[written++] = binary.charCodeAt(i);
  }
  return bytes;
}
