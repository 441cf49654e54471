// `node:assert` as conf imports it (scripts/build.mjs points conf's import here): conf asks it
// only whether the settings file already holds every default, by deepEqual inside a try. Loading
// node:assert costs some 2 ms of every start. Both objects conf compares are plain, prototype-less
// copies, the second the first plus the defaults it lacks, so strict deep equality (util's) gives
// the same answer as assert's loose one.
import { isDeepStrictEqual } from 'node:util';

export default {
  deepEqual(actual, expected) {
    if (!isDeepStrictEqual(actual, expected)) throw new Error('conf: the settings lack a default');
  },
};
