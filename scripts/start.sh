#!/usr/bin/env bash
# The whole platform with demo data: installs dependencies, finds (or starts) PostgreSQL and Redis,
# migrates, seeds, builds and runs the web app, the worker and (when ML_API_BASE_URL / STRIPE_API_BASE point
# at this machine) the Mercado Livre and Stripe sandboxes, prints the URLs and the demo logins. Ctrl-C stops them all.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. "$ROOT/scripts/lib/log.sh"
. "$ROOT/scripts/lib/env.sh"
. "$ROOT/scripts/lib/bootstrap.sh"
. "$ROOT/scripts/lib/services.sh"

load_env
export TURBO_TELEMETRY_DISABLED=1
say "configuration from ${ENV_FILE#"$ROOT"/}"

seed_log=$(mktemp -t vitrine-seed.XXXXXX)
pids=()
stopping=0
stop_all() {
  [ "$stopping" = 1 ] && return 0
  stopping=1
  rm -f "$seed_log"
  [ "${#pids[@]}" -gt 0 ] || return 0
  say "stopping the web app, the worker, the sandboxes and the mail catcher"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

bootstrap
ensure_services
ensure_database

# pnpm --silent hides "no such script"; say it plainly instead.
require_script() { # require_script <package dir> <script>
  node -e 'process.exit(require(process.argv[1]).scripts?.[process.argv[2]] ? 0 : 1)' "$ROOT/$1/package.json" "$2" \
    || fail "$1/package.json has no \"$2\" script; this checkout is incomplete (pull the latest main)."
}
require_script packages/db migrate
require_script packages/db seed
require_script apps/web build

say "migrating the database"
pnpm --filter @vitrine/db --silent migrate || fail "Migrating the database failed (see the message above)."

say "seeding demo data"
pnpm --filter @vitrine/db --silent seed | tee "$seed_log" || fail "Seeding the demo data failed (see the message above)."

WEB_PORT=$(url_get "$APP_URL" port 3000)
http_ok() { node -e 'fetch(process.argv[1]).then(r=>process.exit(r.status<500?0:1),()=>process.exit(1))' "$1"; }
port_free() { node -e 'const s=require("net").createServer();s.once("error",()=>process.exit(1));s.listen(+process.argv[1],()=>s.close(()=>process.exit(0)))' "$1"; }
port_free "$WEB_PORT" || fail "Port $WEB_PORT (from APP_URL) is in use; stop what runs there (an earlier start.sh?) or change APP_URL in .env."
port_free "${WORKER_HEALTH_PORT:-3100}" || fail "Port ${WORKER_HEALTH_PORT:-3100} (WORKER_HEALTH_PORT) is in use; stop what runs there or change WORKER_HEALTH_PORT in .env."
say "building the web app (a minute or two)"
NODE_ENV=production pnpm --filter @vitrine/web --silent build >/tmp/vitrine-web-build.log 2>&1 || {
  tail -40 /tmp/vitrine-web-build.log >&2
  fail "Building the web app failed (full log: /tmp/vitrine-web-build.log)."
}

# Mercado Livre: the local sandbox stands in for api.mercadolibre.com when the configuration points here.
ml_sandbox=""
if is_local_host "$(url_get "$ML_API_BASE_URL" hostname)"; then
  require_script packages/mercadolivre sandbox
  ML_SANDBOX_PORT=$(url_get "$ML_API_BASE_URL" port 80)
  port_free "$ML_SANDBOX_PORT" || fail "Port $ML_SANDBOX_PORT (from ML_API_BASE_URL) is in use; stop what runs there or change ML_API_BASE_URL and ML_AUTH_BASE_URL in .env."
  ml_sandbox_log=/tmp/vitrine-ml-sandbox.log
  say "starting the Mercado Livre sandbox on port $ML_SANDBOX_PORT"
  (cd packages/mercadolivre && ML_SANDBOX_PORT="$ML_SANDBOX_PORT" \
    ML_NOTIFICATIONS_URL="http://127.0.0.1:$WEB_PORT/api/webhooks/mercadolivre/$ML_WEBHOOK_SECRET" \
    exec node --import tsx scripts/sandbox.ts) >"$ml_sandbox_log" 2>&1 &
  pids+=($!)
  wait_until 30 http_ok "${ML_API_BASE_URL%/}/__sandbox/stats" || { tail -20 "$ml_sandbox_log" >&2; fail "The Mercado Livre sandbox did not start (log: $ml_sandbox_log)."; }
  ml_sandbox="  mercado livre    ${ML_API_BASE_URL%/} (sandbox; connect a seller at ${APP_URL%/}/admin/mercadolivre)
$(grep '^  seller ' "$ml_sandbox_log" | sed 's/^  seller /    sandbox seller /')"
fi

# Stripe: the local sandbox stands in for the Stripe API when STRIPE_API_BASE points at this machine.
stripe_sandbox=""
if [ -n "${STRIPE_API_BASE:-}" ] && is_local_host "$(url_get "$STRIPE_API_BASE" hostname)"; then
  require_script packages/stripe-sandbox sandbox
  STRIPE_SANDBOX_PORT=$(url_get "$STRIPE_API_BASE" port 80)
  port_free "$STRIPE_SANDBOX_PORT" || fail "Port $STRIPE_SANDBOX_PORT (from STRIPE_API_BASE) is in use; stop what runs there or change STRIPE_API_BASE in .env."
  stripe_sandbox_log=/tmp/vitrine-stripe-sandbox.log
  say "starting the Stripe sandbox on port $STRIPE_SANDBOX_PORT"
  (cd packages/stripe-sandbox && STRIPE_SANDBOX_PORT="$STRIPE_SANDBOX_PORT" \
    STRIPE_WEBHOOK_URL="http://127.0.0.1:$WEB_PORT/api/webhooks/stripe" \
    exec node --import tsx scripts/sandbox.ts) >"$stripe_sandbox_log" 2>&1 &
  pids+=($!)
  wait_until 30 http_ok "${STRIPE_API_BASE%/}/_sandbox/health" || { tail -20 "$stripe_sandbox_log" >&2; fail "The Stripe sandbox did not start (log: $stripe_sandbox_log)."; }
  stripe_sandbox="  stripe           ${STRIPE_API_BASE%/} (sandbox; pay with 4242 4242 4242 4242; events at ${STRIPE_API_BASE%/}/_sandbox/events)"
fi

# Email: a local mail catcher stands in for an SMTP server when SMTP_URL points at this machine; its inbox shows every email.
mail_inbox=""
SMTP_URL=${SMTP_URL:-smtp://127.0.0.1:1025}
if is_local_host "$(url_get "$SMTP_URL" hostname)"; then
  require_script packages/mail catcher
  MAIL_SMTP_PORT=$(url_get "$SMTP_URL" port 25)
  MAIL_INBOX_PORT=${MAIL_CATCHER_HTTP_PORT:-1080}
  if ! port_free "$MAIL_SMTP_PORT"; then
    # docker compose's mailpit (or another catcher) already listens there: use it.
    ok "an SMTP server already listens on port $MAIL_SMTP_PORT (docker compose's mailpit?); emails go there"
    mail_inbox="  email inbox      the SMTP server on port $MAIL_SMTP_PORT (mailpit's inbox: http://localhost:8025)"
  else
    port_free "$MAIL_INBOX_PORT" || fail "Port $MAIL_INBOX_PORT (the demo inbox, MAIL_CATCHER_HTTP_PORT) is in use; stop what runs there or set MAIL_CATCHER_HTTP_PORT in .env."
    mail_catcher_log=/tmp/vitrine-mail-catcher.log
    say "starting the mail catcher (SMTP on port $MAIL_SMTP_PORT, inbox on port $MAIL_INBOX_PORT)"
    (cd packages/mail && MAIL_CATCHER_SMTP_PORT="$MAIL_SMTP_PORT" MAIL_CATCHER_HTTP_PORT="$MAIL_INBOX_PORT" \
      exec node --import tsx src/catcher/main.ts) >"$mail_catcher_log" 2>&1 &
    pids+=($!)
    wait_until 30 http_ok "http://127.0.0.1:$MAIL_INBOX_PORT/messages" || { tail -20 "$mail_catcher_log" >&2; fail "The mail catcher did not start (log: $mail_catcher_log)."; }
    mail_inbox="  email inbox      http://127.0.0.1:$MAIL_INBOX_PORT  (every email the demo sends: verification, sign-in links, password resets)"
  fi
fi

say "starting the web app on port $WEB_PORT and the worker"
(cd apps/web && NODE_ENV=production PORT="$WEB_PORT" exec node --import tsx server.ts) &
pids+=($!)
(cd apps/worker && exec node --import tsx src/main.ts) &
pids+=($!)

worker_health="http://127.0.0.1:${WORKER_HEALTH_PORT:-3100}/healthz"
wait_until 60 http_ok "http://127.0.0.1:$WEB_PORT/" || fail "The web app did not answer on port $WEB_PORT within a minute (see its output above)."
wait_until 30 http_ok "$worker_health" || fail "The worker's health endpoint did not answer at $worker_health within 30 seconds (see its output above)."

base=${APP_URL%/}
cat <<MSG

${_bold}Vitrine is running.${_reset}
  admin            $base/admin
  super admin      $base/platform/tenants
  stores           http://{slug}.${PLATFORM_DOMAIN}:$WEB_PORT  (slugs and logins below)
  worker health    $worker_health
  worker metrics   http://127.0.0.1:${WORKER_HEALTH_PORT:-3100}/metrics
${mail_inbox}
${ml_sandbox}
${stripe_sandbox}

${_bold}Demo data (from the seed):${_reset}
$(sed 's/^/  /' "$seed_log")

Press Ctrl-C to stop.
MSG

# Runs until Ctrl-C, or until one of them exits (then the others are stopped too).
status=0
wait -n "${pids[@]}" || status=$?
if [ "$stopping" != 1 ]; then
  warn "The web app, the worker or the sandbox stopped unexpectedly (exit $status); stopping the others."
  [ "$status" != 0 ] || status=1
fi
exit "$status"
