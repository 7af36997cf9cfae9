#!/usr/bin/env bash
# Checks of the repository scripts' own behaviour: environment loading, the messages when PostgreSQL or
# Redis cannot be reached, database creation. Run by scripts/test.sh; needs the configured services up.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LIB="$ROOT/scripts/lib"
failures=0
check() { # check <description> <command...>
  local description=$1; shift
  if "$@"; then printf '  ✓ %s\n' "$description"; else printf '  ✗ %s\n' "$description"; failures=$((failures + 1)); fi
}
in_lib() { # runs a snippet with the libraries loaded; prints stdout+stderr, keeps the exit code
  env -u NO_COLOR bash -c "set -euo pipefail; ROOT='$ROOT'; . '$LIB/log.sh'; . '$LIB/env.sh'; . '$LIB/services.sh'; $1" 2>&1
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- environment loading -------------------------------------------------------------------------
mkdir -p "$tmp/repo"
printf 'A_VAR=from-file\nQUOTED="two words"\n# COMMENTED=1\nexport EXPORTED=yes\nKEPT=file\n' >"$tmp/repo/.env"
out=$(KEPT=shell bash -c "set -euo pipefail; ROOT='$tmp/repo'; . '$LIB/log.sh'; . '$LIB/env.sh'; load_env; echo \"\$A_VAR|\$QUOTED|\${COMMENTED:-unset}|\$EXPORTED|\$KEPT\"")
check ".env fills the environment, strips quotes, skips comments; variables already set win" [ "$out" = "from-file|two words|unset|yes|shell" ]

rm "$tmp/repo/.env"
printf 'FROM_EXAMPLE=1\n' >"$tmp/repo/.env.example"
out=$(bash -c "set -euo pipefail; ROOT='$tmp/repo'; . '$LIB/log.sh'; . '$LIB/env.sh'; load_env; echo \"\$FROM_EXAMPLE \${ENV_FILE##*/}\"")
check "without .env the defaults of .env.example are used" [ "$out" = "1 .env.example" ]

# --- unreachable services: one sentence naming the URL, exit 1, no password, no stack trace -------
status=0
out=$(DATABASE_URL='postgresql://app:s3cret@db.invalid:5432/vitrine' in_lib 'ensure_postgres') || status=$?
check "an unreachable remote PostgreSQL stops with exit 1" [ "$status" = 1 ]
check "  and one sentence naming DATABASE_URL's address" grep -q "PostgreSQL is not reachable at postgresql://app:\*\*\*@db.invalid:5432/vitrine (DATABASE_URL)" <<<"$out"
check "  without the password" bash -c '! grep -q s3cret <<<"$1"' _ "$out"
check "  on one line" [ "$(wc -l <<<"$out")" = 1 ]

status=0
out=$(REDIS_URL='redis://127.0.0.1:1' in_lib 'ensure_redis') || status=$?
check "an unreachable Redis on a non-default local port stops with exit 1 (nothing to start there)" [ "$status" = 1 ]
check "  and one sentence naming REDIS_URL" grep -q "Redis is not reachable at redis://127.0.0.1:1 (REDIS_URL)" <<<"$out"
check "  with no stack trace" bash -c '! grep -qE "^\s+at " <<<"$1"' _ "$out"

# --- the configured services (scripts/test.sh has made sure they run) -----------------------------
quiet() { "$@" >/dev/null; }
check "the configured PostgreSQL and Redis are found" quiet in_lib 'ensure_postgres && ensure_redis'

# --- database creation ----------------------------------------------------------------------------
name="vitrine_scripts_check_$$"
url=$(node -e 'const u=new URL(process.argv[1]);u.pathname="/"+process.argv[2];process.stdout.write(u.toString())' "$DATABASE_URL" "$name")
out=$(DATABASE_URL="$url" node "$LIB/ensure-database.mjs")
check "ensure-database creates a missing database" [ "$out" = "created database $name" ]
out=$(DATABASE_URL="$url" node "$LIB/ensure-database.mjs")
check "  and leaves an existing one alone" [ "$out" = "database $name exists" ]
admin=$(node -e 'const u=new URL(process.argv[1]);u.pathname="/postgres";process.stdout.write(u.toString())' "$DATABASE_URL")
node -e '
  const { createRequire } = require("module");
  const pg = createRequire(process.argv[1])("pg");
  const c = new pg.Client({ connectionString: process.argv[2] });
  c.connect().then(() => c.query(`DROP DATABASE IF EXISTS "${process.argv[3]}" WITH (FORCE)`)).finally(() => c.end());
' "$ROOT/packages/db/package.json" "$admin" "$name"

if [ "$failures" != 0 ]; then
  echo "$failures script check(s) failed" >&2
  exit 1
fi
echo "script checks passed"
