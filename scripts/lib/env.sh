# Loads the environment: variables already set win, then .env if it exists, else .env.example
# (development-only defaults). Sourced, not run. Expects ROOT to be the repository root.

load_env() {
  local file="$ROOT/.env" line key value
  [ -f "$file" ] || file="$ROOT/.env.example"
  [ -f "$file" ] || fail "Neither .env nor .env.example exists in $ROOT; restore .env.example from git."
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line%$'\r'}"
    [[ "$line" =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
    key="${BASH_REMATCH[2]}"
    value="${BASH_REMATCH[3]}"
    # Strip one pair of surrounding quotes.
    if [[ "$value" =~ ^\"(.*)\"$ ]] || [[ "$value" =~ ^\'(.*)\'$ ]]; then value="${BASH_REMATCH[1]}"; fi
    if [ -z "${!key+set}" ]; then export "$key=$value"; fi
  done <"$file"
  export ENV_FILE="$file"
}
