// The layout of the caches that hold thousands of numbers (figures.bin, card-states.bin): strings as one
// JSON text, every number as one block of doubles, so a read is one small parse and a view over
// the bytes instead of a parse of every number as text and an array per row.
//
// The file: an 8-byte magic naming what it holds; the layout's version and the text's length in
// bytes (u32 LE); ORDER_MARK as this machine writes a double (a file from a machine of the other
// byte order is not misread); the text; spaces to a multiple of 8 bytes; the doubles; and the
// CRC-32 (store/checksum) of every byte before it, as 4 bytes. Each file is only ever written by its own store, so the checksum stands
// for checking it field by field: damage of any kind is a mismatch, and the cache is built again.
import { checksum, crc32Of } from './checksum.js';
import { isWholeCount } from '../core/progress-checks.js';

const HEAD = 24;
const ORDER_MARK = 1 + 2 ** -20;
const HASH_BYTES = 4;
const aligned = (n: number): number => Math.ceil(n / 8) * 8;

export interface BinaryFile {
  /** The JSON text as parsed: its shape is for the caller to check. */
  text: unknown;
  numbers: Float64Array;
}

export function encodeBinaryFile(magic: string, version: number, text: unknown, numbers: Float64Array): Buffer {
  const json = Buffer.from(JSON.stringify(text));
  const start = aligned(HEAD + json.length);
  const file = Buffer.alloc(start + numbers.byteLength + HASH_BYTES, ' ');
  file.write(magic, 0, 8, 'latin1');
  file.writeUInt32LE(version, 8);
  file.writeUInt32LE(json.length, 12);
  file.set(new Uint8Array(Float64Array.of(ORDER_MARK).buffer), 16);
  json.copy(file, HEAD);
  file.set(new Uint8Array(numbers.buffer, numbers.byteOffset, numbers.byteLength), start);
  file.writeUInt32LE(crc32Of(file.subarray(0, file.length - HASH_BYTES)), file.length - HASH_BYTES);
  return file;
}

/** What encodeBinaryFile wrote with this magic and version, or null for anything else: another version, damage, a file cut short. */
export function decodeBinaryFile(bytes: Buffer, magic: string, version: number): BinaryFile | null {
  if (bytes.length < HEAD + HASH_BYTES || bytes.toString('latin1', 0, 8) !== magic || bytes.readUInt32LE(8) !== version) return null;
  const end = bytes.length - HASH_BYTES;
  if (crc32Of(bytes.subarray(0, end)) !== bytes.readUInt32LE(end)) return null;
  const textEnd = HEAD + bytes.readUInt32LE(12);
  const start = aligned(textEnd);
  if (start > end || (end - start) % 8 !== 0) return null;
  const copy = (from: number, to: number) => bytes.buffer.slice(bytes.byteOffset + from, bytes.byteOffset + to);
  if (new Float64Array(copy(16, 24))[0] !== ORDER_MARK) return null;
  let text: unknown;
  try {
    text = JSON.parse(bytes.toString('utf8', HEAD, textEnd));
  } catch {
    return null;
  }
  // Read where they lie when the bytes fall on a double's boundary, as a fresh read's do.
  const numbers = (bytes.byteOffset + start) % 8 === 0 ? new Float64Array(bytes.buffer, bytes.byteOffset + start, (end - start) / 8) : new Float64Array(copy(start, end));
  return { text, numbers };
}

/** How many of the log's bytes before a cache's offset its tail hash covers. */
export const TAIL_BYTES = 4096;

/** The tail hash of those bytes: a log cut, emptied or rewritten under a cache shows as another. */
export function tailHash(bytes: Uint8Array): string {
  return checksum(bytes);
}

/** Where in the review log a cache stands: bytes folded in, and the hash of the last ones before that end. */
export interface LogPlace {
  logOffset: number;
  tail: string;
}

/** The text's log place, or null when it has none that could be a log's. */
export function logPlaceOf(text: unknown): LogPlace | null {
  if (!text || typeof text !== 'object') return null;
  const { logOffset, tail } = text as { logOffset?: unknown; tail?: unknown };
  return isWholeCount(logOffset) && typeof tail === 'string' ? { logOffset, tail } : null;
}
