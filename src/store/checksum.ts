// Checksums that guard our own files against damage (a cut or torn write, bit rot, an edit by
// hand), not against someone forging them: CRC-32, as zip, gzip and PNG use. zlib computes it
// some three times faster than sha1, and node:zlib loads in a millisecond where node:crypto took
// five of every start. What must tell one deck's content from another's, whoever wrote it, stays
// sha1 (store/deck-cache's hashBytes).
import { crc32 } from 'node:zlib';

/** The CRC-32 of the bytes (a string as UTF-8), as 8 hex digits; carried on from `before` (crc32Of) when given. */
export function checksum(data: string | Uint8Array, before = 0): string {
  return crc32(data, before).toString(16).padStart(8, '0');
}

/** The same, carried on from `before` (a number from crc32Of) over more data. */
export function crc32Of(data: string | Uint8Array, before = 0): number {
  return crc32(data, before);
}
