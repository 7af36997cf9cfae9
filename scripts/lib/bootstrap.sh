# pnpm 10, dependencies, the generated Prisma client and (for end-to-end tests) Debian's chromium.
# Sourced, not run. Expects ROOT to be the repository root and log.sh to be loaded.

ensure_pnpm() {
  if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null | cut -d. -f1)" = "10" ]; then
    return 0
  fi
  command -v npm >/dev/null 2>&1 || fail "Node.js 20 (with npm) is required and was not found; install Node.js 20 and run this again."
  say "installing pnpm 10"
  # corepack cannot verify pnpm's signature on every registry; npm installs it reliably.
  npm install -g pnpm@10 >/dev/null 2>&1 \
    || fail "Could not install pnpm 10 with npm; install it by hand with 'npm install -g pnpm@10' and run this again."
  hash -r
}

install_dependencies() {
  say "installing dependencies"
  (cd "$ROOT" && pnpm install --frozen-lockfile --reporter=append-only >/tmp/vitrine-install.log 2>&1) || {
    tail -30 /tmp/vitrine-install.log >&2
    fail "Installing dependencies failed (full log: /tmp/vitrine-install.log)."
  }
  say "generating the Prisma client"
  (cd "$ROOT" && pnpm --filter @vitrine/db generate >/tmp/vitrine-generate.log 2>&1) || {
    tail -30 /tmp/vitrine-generate.log >&2
    fail "Generating the Prisma client failed (full log: /tmp/vitrine-generate.log)."
  }
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  say "installing Debian's chromium for the end-to-end tests"
  local sudo=''
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo='sudo -n'
    else
      fail "Chromium is missing at /usr/bin/chromium; install it with 'apt-get install -y chromium' as root and run this again."
    fi
  fi
  { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium; } >/tmp/vitrine-chromium.log 2>&1 || {
    tail -20 /tmp/vitrine-chromium.log >&2
    fail "Could not install chromium with apt-get (log: /tmp/vitrine-chromium.log); install it with 'apt-get install -y chromium' and run this again."
  }
  [ -x /usr/bin/chromium ] || fail "apt-get installed chromium but /usr/bin/chromium is missing; check the chromium package."
}

bootstrap() {
  ensure_pnpm
  install_dependencies
}
