#!/usr/bin/env bash
# Every test: lint, typecheck, unit + integration (real PostgreSQL and Redis), Playwright end-to-end.
# Works on a fresh clone: installs pnpm 10, dependencies and Debian's chromium when they are missing,
# and finds (or starts) PostgreSQL and Redis at the configured URLs. Exits non-zero when any step fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. "$ROOT/scripts/lib/log.sh"
. "$ROOT/scripts/lib/env.sh"
. "$ROOT/scripts/lib/bootstrap.sh"
. "$ROOT/scripts/lib/services.sh"

load_env
export NODE_ENV=test
export TURBO_TELEMETRY_DISABLED=1
export CI="${CI:-}"
# Tests create and drop their own databases on the server behind DATABASE_URL.
if [ -z "${TEST_POSTGRES_URL:-}" ]; then
  TEST_POSTGRES_URL=$(node -e 'const u=new URL(process.argv[1]);u.pathname="/postgres";process.stdout.write(u.toString())' "$DATABASE_URL")
  export TEST_POSTGRES_URL
fi

bootstrap
ensure_chromium
ensure_services

names=(); results=(); durations=()
failed=0
run_step() { # run_step <name> <command...>
  local name=$1 start=$SECONDS status=0; shift
  say "$name"
  "$@" </dev/null || status=$?
  names+=("$name"); durations+=("$((SECONDS - start))s")
  if [ "$status" = 0 ]; then results+=("passed"); ok "$name passed"; else results+=("FAILED (exit $status)"); failed=1; warn "$name failed"; fi
}

run_step "script checks"               bash scripts/tests/scripts.test.sh
run_step "lint"                        pnpm exec eslint . --max-warnings=0
run_step "typecheck"                   pnpm exec turbo run typecheck --continue --output-logs=errors-only
UNIT_LOG="$(mktemp -t vitrine-unit.XXXXXX)"
unit_tests() { # the output goes to the console and to UNIT_LOG, so the summary can repeat what failed
  set -o pipefail
  pnpm exec turbo run test --concurrency=1 --continue --output-logs=full 2>&1 | tee "$UNIT_LOG"
}
run_step "unit and integration tests"  unit_tests
run_step "end-to-end tests"            pnpm --filter @vitrine/web e2e

printf '\n%sSummary%s\n' "$_bold" "$_reset"
for i in "${!names[@]}"; do printf '  %-28s %-20s %s\n' "${names[$i]}" "${results[$i]}" "${durations[$i]}"; done
unit_failures=$(sed 's/\x1b\[[0-9;]*m//g' "$UNIT_LOG" 2>/dev/null | grep -E '^[^ ]+:test: +(FAIL|×) |^[^ ]+:test: (Vitest caught|Error: |This error originated)' | head -40 || true)
if [ -n "$unit_failures" ]; then printf '\n%sFailed unit and integration tests%s\n%s\n' "$_bold" "$_reset" "$unit_failures"; fi
rm -f "$UNIT_LOG"
if [ "$failed" != 0 ]; then
  fail "Some checks failed (see the output above each failed step)."
fi
ok "All checks passed."
