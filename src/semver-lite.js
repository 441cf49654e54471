// conf imports all of semver, whose index builds range tables at load; conf calls only these five.
// Each comes from semver's own file, so the results are semver's, and start-up skips the rest.
import clean from '../node_modules/semver/functions/clean.js';
import eq from '../node_modules/semver/functions/eq.js';
import gt from '../node_modules/semver/functions/gt.js';
import lte from '../node_modules/semver/functions/lte.js';
import satisfies from '../node_modules/semver/functions/satisfies.js';

export default { clean, eq, gt, lte, satisfies };
