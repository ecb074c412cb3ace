#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on a free loopback port, for the tests and the benchmarks.
#   scripts/postgres.sh start DIR   start one in DIR (made if missing); prints its URL
#   scripts/postgres.sh stop DIR    stop it (DIR can then be removed)
# With DURABLE=1 the server keeps its default fsync and synchronous_commit (benchmarks);
# otherwise they are off, since the tests' cluster is thrown away afterwards.
set -euo pipefail
command=${1:?start or stop}
dir=${2:?a folder for the cluster}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed (Debian package postgresql)." >&2
  exit 1
fi
# initdb and postgres refuse to run as root: as root, the cluster belongs to user postgres.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$command" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" -U feedback --auth=trust --encoding=UTF8 \
      --locale=C.UTF-8 >"$dir/initdb.log"
    options="-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300"
    if [ "${DURABLE:-0}" != 1 ]; then
      options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
      options="$options -c autovacuum=off"  # thousands of small test schemas, each used once
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$options" start >/dev/null
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U feedback feedback
    echo "postgresql://feedback@127.0.0.1:$port/feedback"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
