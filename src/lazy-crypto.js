// conf imports node:crypto as it loads, for settings files encrypted with a key, which keeper-prep
// never sets (these are all it calls): this stand-in loads it when first used (see
// scripts/build.mjs, and store/lazy-builtins.ts). node:crypto's load was some 5 ms of every start.
import { crypto } from './store/lazy-builtins.js';

export default {
  pbkdf2Sync: (...args) => crypto().pbkdf2Sync(...args),
  createDecipheriv: (...args) => crypto().createDecipheriv(...args),
  createCipheriv: (...args) => crypto().createCipheriv(...args),
  randomBytes: (...args) => crypto().randomBytes(...args),
};
