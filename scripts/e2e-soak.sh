#!/usr/bin/env bash
# Runs the end-to-end tests again and again to find flaky ones, optionally with every core busy,
# and prints how many runs passed: a test that fails one run in ten is a flaky test, not bad luck.
#
#   scripts/e2e-soak.sh [-n RUNS] [--busy] [TEST_FILE...]
#
# RUNS defaults to 10 and the files to tests/e2e/app.test.ts tests/e2e/sizes.test.ts
# tests/e2e/keys.test.ts (the tmux ones; pack.test.ts measures npm, not the app). --busy starts one
# CPU burner per core for the whole soak, so the app and tmux get a slow, unfair share of the CPU
# the way they do on a loaded CI runner. Failed runs keep their output in a temp directory.
set -uo pipefail
cd "$(dirname "$0")/.."

runs=10
busy=0
files=()
while (($#)); do
  case "$1" in
    -n) runs="$2"; shift 2 ;;
    --busy) busy=1; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) files+=("$1"); shift ;;
  esac
done
((${#files[@]})) || files=(tests/e2e/app.test.ts tests/e2e/sizes.test.ts tests/e2e/keys.test.ts)

burners=()
logs=$(mktemp -d -t e2e-soak.XXXXXX)
cleanup() {
  # Only the burners this script started, by their process ids.
  ((${#burners[@]})) && kill "${burners[@]}" 2>/dev/null
  wait 2>/dev/null
}
trap cleanup EXIT
trap 'exit 130' INT TERM

npm run build --silent || exit 1

if ((busy)); then
  for _ in $(seq "$(nproc)"); do
    sh -c 'while :; do :; done' &
    burners+=($!)
  done
  echo "busy: ${#burners[@]} CPU burners"
fi

pass=0
fail=0
for i in $(seq "$runs"); do
  start=$(date +%s)
  log="$logs/run-$i.log"
  if npx vitest run "${files[@]}" >"$log" 2>&1; then
    pass=$((pass + 1))
    verdict=pass
    rm -f "$log"
  else
    fail=$((fail + 1))
    verdict="FAIL (log: $log)"
  fi
  echo "run $i/$runs: $verdict in $(($(date +%s) - start))s"
  # The failing test names, so a soak of many runs shows at a glance which test is flaky.
  [[ -f "$log" ]] && sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ +(×|FAIL) ' | sed 's/^/    /' | head -20
done

echo "passed $pass of $runs runs, failed $fail$( ((busy)) && echo ' (every core busy)')"
((fail == 0))
