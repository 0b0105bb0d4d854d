#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster:
#   scripts/with-postgres.sh pnpm exec vitest run --project server
# Installs Debian's postgresql package when no server binaries are found (only as root), starts a cluster
# in a temp dir on 127.0.0.1 with a free port (socket in the same dir), exports DATABASE_URL and
# IMKIT_TEST_DATABASE_URL for the command, then stops the cluster and deletes it. Exits with the
# command's status.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

find_bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir
    return
  fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
    echo "$dir"
    return
  fi
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
}

BINDIR=$(find_bindir)
if [ -z "$BINDIR" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "with-postgres: installing postgresql (apt-get)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    BINDIR=$(find_bindir)
  fi
fi
if [ -z "$BINDIR" ]; then
  echo "with-postgres: PostgreSQL server binaries not found; install Debian's postgresql package (as root)" >&2
  exit 1
fi

# PostgreSQL refuses to run as root: run the cluster as the postgres user then.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  echo "with-postgres: running as root needs a 'postgres' user to own the cluster" >&2
  exit 1
fi

WORKDIR=$(mktemp -d "${TMPDIR:-/tmp}/imkit-pg.XXXXXX")
chmod 700 "$WORKDIR"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$WORKDIR"; fi

PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

stop_cluster() {
  as_owner "$BINDIR/pg_ctl" -D "$WORKDIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  rm -rf "$WORKDIR"
}
trap stop_cluster EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_owner "$BINDIR/initdb" -D "$WORKDIR/data" -U imkit --auth=trust -E UTF8 --no-locale >"$WORKDIR/initdb.log" 2>&1 || {
  cat "$WORKDIR/initdb.log" >&2
  exit 1
}
as_owner "$BINDIR/pg_ctl" -D "$WORKDIR/data" -l "$WORKDIR/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $WORKDIR -c fsync=off" start >/dev/null || {
  cat "$WORKDIR/server.log" >&2
  exit 1
}

export DATABASE_URL="postgresql://imkit@127.0.0.1:$PORT/postgres"
export IMKIT_TEST_DATABASE_URL="$DATABASE_URL"
echo "with-postgres: PostgreSQL $("$BINDIR/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT" >&2

set +e
"$@"
STATUS=$?
set -e
exit "$STATUS"
