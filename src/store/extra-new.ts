// Today's "learn N more" grants (core/extra-new.ts), in one small file replaced whole. The file is a
// convenience for one day: unreadable means no grant, never a stop.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { grantedToday, grantText } from '../core/extra-new.js';
import { writeFileWhole } from './safe-write.js';

const FILE = 'extra-new.json';
/** Larger than any honest grant file (10,000 keys); a bigger one is not read. */
const MAX_BYTES = 2_000_000;

export class ExtraNewStore {
  private readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, FILE);
  }

  granted(now: number): Set<string> {
    let text: string | null = null;
    try {
      const bytes = readFileSync(this.path);
      text = bytes.length > MAX_BYTES ? null : bytes.toString('utf8');
    } catch {
      text = null;
    }
    return grantedToday(text, now);
  }

  /** Throws WriteError when the disk refuses it. */
  grant(keys: readonly string[], now: number): void {
    if (keys.length === 0) return;
    writeFileWhole(this.path, grantText(this.granted(now), keys, now), { what: 'the extra new cards for today', kept: 'the cards still count against the daily limit', inDataDir: true });
  }
}
