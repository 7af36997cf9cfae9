# Messages for the repository scripts. Sourced, not run.

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
  _bold=$'\033[1m'; _red=$'\033[31m'; _green=$'\033[32m'; _reset=$'\033[0m'
else
  _bold=''; _red=''; _green=''; _reset=''
fi

say()  { printf '%s▸ %s%s\n' "$_bold" "$*" "$_reset"; }
ok()   { printf '%s✓ %s%s\n' "$_green" "$*" "$_reset"; }
warn() { printf '%s! %s%s\n' "$_red" "$*" "$_reset" >&2; }
fail() { printf '%s✗ %s%s\n' "$_red" "$*" "$_reset" >&2; exit 1; }
