#!/bin/sh
# `npm test`: the lint gate (`npm run lint`: Biome, tsc --noEmit, actionlint) and the vitest suite
# at the same time, failing if either fails. Lint is ~14 s of mostly one core, and the suite leaves
# some CPU idle while its end-to-end tests wait on child processes, so running them together
# saves most of the lint's time. Lint's output is held back until the tests end, so the two do
# not interleave. Arguments go to vitest (`npm test -- test/unit/x.test.ts`).
log=$(mktemp)
npm run --silent lint >"$log" 2>&1 &
lint=$!
vitest run "$@"
tests=$?
wait "$lint"
linted=$?
cat "$log"
rm -f "$log"
if [ "$linted" -ne 0 ]; then
  echo "npm test: lint failed (npm run lint), see above" >&2
fi
[ "$linted" -eq 0 ] && [ "$tests" -eq 0 ]
