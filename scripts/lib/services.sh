# PostgreSQL at DATABASE_URL and Redis at REDIS_URL: found, or started when the URL points at this
# machine, or one sentence saying what to do. Sourced, not run. Expects log.sh to be loaded.

# url_get <url> <hostname|port|redacted> [default port]
url_get() {
  node -e '
    const [raw, part, fallback] = process.argv.slice(1);
    let u; try { u = new URL(raw); } catch { process.stdout.write(part === "redacted" ? String(raw) : ""); process.exit(0); }
    if (part === "hostname") process.stdout.write(u.hostname.replace(/^\[|\]$/g, ""));
    else if (part === "port") process.stdout.write(u.port || fallback || "");
    else { if (u.password) u.password = "***"; process.stdout.write(u.toString()); }
  ' "$1" "$2" "${3:-}"
}

is_local_host() { case "$1" in 127.0.0.1|localhost|::1) return 0 ;; *) return 1 ;; esac; }

# A TCP connect, for machines without the PostgreSQL or Redis client tools.
tcp_open() {
  node -e '
    const s = require("net").connect(Number(process.argv[2]), process.argv[1]);
    s.setTimeout(2000);
    s.on("connect", () => process.exit(0)).on("error", () => process.exit(1)).on("timeout", () => process.exit(1));
  ' "$1" "$2"
}

postgres_up() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -t 3 -d "$DATABASE_URL" >/dev/null 2>&1
  else
    tcp_open "$(url_get "$DATABASE_URL" hostname)" "$(url_get "$DATABASE_URL" port 5432)"
  fi
}

redis_up() {
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(timeout 5 redis-cli -u "$REDIS_URL" ping 2>/dev/null)" = "PONG" ]
  else
    node -e '
      const s = require("net").connect(Number(process.argv[2]), process.argv[1]);
      s.setTimeout(2000);
      s.on("connect", () => s.write("PING\r\n"));
      s.on("data", (d) => process.exit(String(d).startsWith("+PONG") ? 0 : 1));
      s.on("error", () => process.exit(1)).on("timeout", () => process.exit(1));
    ' "$(url_get "$REDIS_URL" hostname)" "$(url_get "$REDIS_URL" port 6379)"
  fi
}

wait_until() { # wait_until <seconds> <command...>
  local seconds=$1; shift
  for _ in $(seq 1 "$((seconds * 2))"); do "$@" && return 0; sleep 0.5; done
  return 1
}

start_local_postgres() {
  command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ] || return 1
  say "starting the local PostgreSQL"
  # shellcheck disable=SC2046
  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start >/tmp/vitrine-postgres-start.log 2>&1 || true
  wait_until 30 postgres_up
}

start_local_redis() {
  command -v redis-server >/dev/null 2>&1 || return 1
  [ "$(url_get "$REDIS_URL" port 6379)" = 6379 ] || return 1
  say "starting the local Redis"
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log \
    >/tmp/vitrine-redis-start.log 2>&1 || true
  wait_until 15 redis_up
}

# ensure_service <name> <URL variable> <probe> <starter> <what to start>: the service answers, or it is
# started when its URL points at this machine, or the script stops with one sentence saying what to do.
ensure_service() {
  local name=$1 var=$2 probe=$3 starter=$4 what=$5 url where
  url=${!var:-}
  [ -n "$url" ] || fail "$var is not set; set it in .env (see .env.example)."
  "$probe" && return 0
  where=$(url_get "$url" redacted)
  if is_local_host "$(url_get "$url" hostname)" && "$starter"; then
    ok "$name started"
    return 0
  fi
  fail "$name is not reachable at $where ($var): start $what there (or run 'docker compose up -d'), or set $var in .env to a running server."
}

ensure_postgres() { ensure_service PostgreSQL DATABASE_URL postgres_up start_local_postgres "PostgreSQL 15"; }
ensure_redis() { ensure_service Redis REDIS_URL redis_up start_local_redis "Redis 7"; }

ensure_services() {
  say "checking PostgreSQL and Redis"
  ensure_postgres
  ensure_redis
  ok "PostgreSQL and Redis answer"
}

# Creates the database named in DATABASE_URL when it does not exist yet (needs dependencies installed).
ensure_database() {
  node "$ROOT/scripts/lib/ensure-database.mjs" || fail "Could not create the database named in DATABASE_URL (see the message above)."
}
