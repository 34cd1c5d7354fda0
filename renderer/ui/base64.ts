/** Characters decoded per slice: a multiple of 4, so each slice is whole base64 on its own. */
const DECODE_SLICE = 4 * 32 * 1024;

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
