// Writing a whole text file so that a reader never sees half of it: a temp file beside it,
// synced, then renamed over the target (see safe-write, which also names the file on failure).
import { writeFileWhole, type WriteContext } from './safe-write.js';

export function writeTextFileAtomic(file: string, text: string, context: WriteContext = {}): void {
  writeFileWhole(file, text, context);
}
