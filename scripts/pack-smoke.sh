#!/usr/bin/env bash
# Packs keeper-prep, installs the tarball into an empty directory and runs it with npx, the way a
# user would. With NODE_SPEC (e.g. node@22) it runs under that Node from the npm registry.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Packs the build that is there (npm test builds first), so other tests using dist/ are not disturbed.
[[ -f "$repo/dist/cli.js" ]] || (cd "$repo" && npm run build --silent)
tarball=$(cd "$repo" && npm pack --silent --ignore-scripts --pack-destination "$work" | tail -n 1)
mkdir "$work/app" "$work/home"
cd "$work/app"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$work/$tarball" >/dev/null
export KEEPER_PREP_HOME="$work/home"
if [[ -n "${NODE_SPEC:-}" ]]; then
  # Put that Node first on PATH: the package's `#!/usr/bin/env node` launcher then runs under it.
  # (npx cannot be nested inside `npx -c`: the inner one inherits the outer one's options.)
  other_node=$(npx -y -p "$NODE_SPEC" -c 'command -v node')
  export PATH="$(dirname "$other_node"):$PATH"
fi
run() { npx --no-install keeper-prep "$@"; }
echo "node: $(node --version)"
version=$(run --version)
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "bad --version: $version"; exit 1; }
# Captured first: `run | grep -q` can close the pipe early, and pipefail then fails a good run.
help=$(run --help)
grep -q 'Usage: keeper-prep' <<<"$help" || { echo "--help did not print the usage"; exit 1; }
decks=$(run decks --json)
for id in culture ab-testing; do
  grep -q "\"id\": \"$id\"" <<<"$decks" || { echo "decks --json does not list $id"; exit 1; }
done
# Import loads SQLite as WebAssembly from the installed dist/: an Anki package proves the path works.
apkg=${APKG:-$repo/../shared/fixtures/anki/system-design-primer.apkg}
if [[ -f "$apkg" ]]; then
  imported=$(run import "$apkg" --id smoke-anki)
  grep -q 'Wrote deck "smoke-anki"' <<<"$imported" || { echo "import of $apkg failed: $imported"; exit 1; }
fi
printf 'Question,Answer\n"What is SRM, in short?","Sample ratio mismatch"\n' >"$work/prep.csv"
imported=$(run import "$work/prep.csv")
grep -q 'Imported 1 card from prep.csv' <<<"$imported" || { echo "CSV import failed: $imported"; exit 1; }
# Exercises from the tarball: the SQL worker and SQLite's WebAssembly beside the bundle, python3 for code.
node -e "const d=require('./node_modules/keeper-prep/decks/sql.json'); require('fs').writeFileSync('$work/answer.sql', d.cards.find((c) => c.type === 'sql').solution)"
sql_card=$(node -e "const d=require('./node_modules/keeper-prep/decks/sql.json'); console.log('sql/' + d.cards.find((c) => c.type === 'sql').id)")
checked=$(run exercise check "$sql_card" "$work/answer.sql")
grep -q '^Right' <<<"$checked" || { echo "exercise check of $sql_card failed: $checked"; exit 1; }
echo 'SELECT 1' >"$work/wrong.sql"
if run exercise check "$sql_card" "$work/wrong.sql" >/dev/null; then echo "a wrong answer to $sql_card passed"; exit 1; fi
if command -v python3 >/dev/null; then
  node -e "const d=require('./node_modules/keeper-prep/decks/python.json'); require('fs').writeFileSync('$work/answer.py', d.cards.find((c) => c.type === 'code').solution)"
  code_card=$(node -e "const d=require('./node_modules/keeper-prep/decks/python.json'); console.log('python/' + d.cards.find((c) => c.type === 'code').id)")
  checked=$(run exercise check "$code_card" "$work/answer.py")
  grep -q '^Right' <<<"$checked" || { echo "exercise check of $code_card failed: $checked"; exit 1; }
fi
# The FSRS optimizer, a native addon installed beside the bundle, fitted to a made-up history of
# 300 cards reviewed six times each over two months (records are plausible; the fit reads ratings and days).
fit_home="$work/fit-home"
mkdir "$fit_home"
node -e "
const day = 86400000, t0 = Date.UTC(2026, 0, 5, 9), gaps = [0, 1, 3, 7, 15, 30];
let seed = 7; const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const lines = [];
for (let c = 0; c < 300; c++) {
  let at = t0 + c * 60000;
  gaps.forEach((g, i) => {
    at += g * day;
    const rating = rand() < 0.15 ? 1 : 3;
    const state = { due: at + day, stability: 1 + i, difficulty: 5, scheduledDays: 1, learningSteps: 0, reps: i + 1, lapses: 0, phase: 'review', lastReview: at };
    lines.push(JSON.stringify({ v: 1, t: 'review', id: 'r' + c + '-' + i, key: 'culture/c' + c, rating, at, ms: 1000, record: { state, firstReview: t0 + c * 60000 } }));
  });
}
require('fs').writeFileSync('$fit_home/reviews.jsonl', lines.join('\\n') + '\\n');
"
fitted=$(KEEPER_PREP_HOME="$fit_home" run optimize --json)
grep -Eq '"outcome": "(adopted|kept)"' <<<"$fitted" || { echo "optimize did not fit: $fitted"; exit 1; }
# One runtime dependency, the optimizer (its prebuilt .node cannot be bundled); everything else is in dist/.
deps=$(node -e "const p=require('./node_modules/keeper-prep/package.json'); console.log(Object.keys(p.dependencies||{}).join(' '))")
[[ "$deps" == "@open-spaced-repetition/binding" ]] || { echo "the published package's runtime dependencies are: $deps"; exit 1; }
echo "pack smoke ok: keeper-prep $version runs from its tarball with npx, lists its built-in decks, imports an Anki package and a CSV, grades exercises, and fits FSRS"
