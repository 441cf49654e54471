// Damage for the binary caches (store/binary-file: figures.bin, cards.bin): bytes inserted, cut or
// changed, and the same with the checksum made right again, as only a writer of its own could.
import { crc32 } from 'node:zlib';
import fc from 'fast-check';

export type Damage = [at: number, insert: Uint8Array, cut: number];

export const damage: fc.Arbitrary<Damage> = fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 8 }), fc.nat(8));

/** `bytes` with `cut` bytes at `at` replaced by `insert`. */
export function damaged(bytes: Buffer, [at, insert, cut]: Damage): Buffer {
  const i = at % (bytes.length + 1);
  return Buffer.concat([bytes.subarray(0, i), insert, bytes.subarray(i + cut)]);
}

/** The file's bytes changed by `change`, with the checksum that ends it made right again (`hashed`: the bytes end with one already). */
export function resigned(bytes: Buffer, change: (bytes: Buffer) => void, hashed = true): Buffer {
  const body = Buffer.from(hashed ? bytes.subarray(0, bytes.length - 4) : bytes);
  change(body);
  const sum = Buffer.alloc(4);
  sum.writeUInt32LE(crc32(body));
  return Buffer.concat([body, sum]);
}

/** Where the block of doubles starts: after the head and the text, on a double's boundary. */
export const numbersStart = (bytes: Buffer): number => Math.ceil((24 + bytes.readUInt32LE(12)) / 8) * 8;
