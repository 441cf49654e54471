// Run as a separate process by the store tests: rates COUNT cards in DATA_DIR as fast as it can.
import { openWorkspace } from '../../src/store/workspace.js';

const [dataDir, builtinDir, label, countText] = process.argv.slice(2);
const ws = await openWorkspace({ dataDir, env: {}, builtinDir: builtinDir!, now: Date.now() });
const count = Number(countText);
for (let i = 0; i < count; i++) {
  // Half the keys are shared by both processes, so they also rate the same cards at once.
  const key = i % 2 === 0 ? `shared/card-${i}` : `${label}/card-${i}`;
  ws.rate(key, ((i % 4) + 1) as 1 | 2 | 3 | 4, Date.now(), 100);
}
ws.close();
