/**
 * Turns the bytes of a source file into text the parser can take, and says what was odd
 * about them. Pure: the caller reads the bytes.
 */
export interface DecodedSource {
  /** The file was UTF-16 (with a byte-order mark) and was converted. */
  readonly utf16?: boolean;
  /** The text without a leading byte-order mark, so columns match what editors show. */
  readonly text: string;
  readonly hadBom: boolean;
  /** Some bytes were not valid UTF-8; they were replaced by U+FFFD. */
  readonly invalidUtf8: boolean;
  /** NUL bytes in the first 8 KiB: not source code. `text` is empty then. */
  readonly binary: boolean;
}

const BINARY_SNIFF_BYTES = 8192;

export function decodeSource(bytes: Uint8Array): DecodedSource {
  // UTF-16 with a byte-order mark (some Windows editors save that): NUL bytes, but text.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes.subarray(2));
    return { text, hadBom: true, invalidUtf8: false, binary: false, utf16: true };
  }
  const sniffEnd = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < sniffEnd; i++) {
    if (bytes[i] === 0) return { text: '', hadBom: false, invalidUtf8: false, binary: true };
  }
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hadBom ? bytes.subarray(3) : bytes;
  let invalidUtf8 = false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    invalidUtf8 = true;
    text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
  }
  return { text, hadBom, invalidUtf8, binary: false };
}
