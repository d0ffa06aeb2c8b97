#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: initdb into a fresh temporary folder, the
# server listening only on a unix socket in that folder (no TCP port to collide with another
# cluster on the machine), run as an unprivileged user when started as root.
#
#   eval "$(Tests/Support/postgres-cluster.sh start)"   # exports HAZARD_TEST_POSTGRES, HAZARD_PG_DIR
#   Tests/Support/postgres-cluster.sh stop "$HAZARD_PG_DIR"
#
# Installs Debian's postgresql package when no server binaries are found; a failure to start
# is an error (CI must not skip the PostgreSQL half of the suite).
set -euo pipefail

find_bin() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
    done
    return 1
}

as_owner() {
    # initdb and postgres refuse to run as root.
    if [ "$(id -u)" = 0 ]; then runuser -u "$OWNER" -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    if ! BIN=$(find_bin); then
        SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
        echo "postgres-cluster: installing Debian's postgresql" >&2
        $SUDO apt-get update -qq >&2 && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
        BIN=$(find_bin) || { echo "postgres-cluster: no initdb after installing postgresql" >&2; exit 1; }
    fi
    OWNER=$(id -un)
    if [ "$(id -u)" = 0 ]; then OWNER=$(getent passwd postgres >/dev/null && echo postgres || echo nobody); fi
    DIR=$(mktemp -d /tmp/hazard-pg.XXXXXX)
    chmod 755 "$DIR"
    [ "$(id -u)" = 0 ] && chown "$OWNER" "$DIR"
    as_owner "$BIN/initdb" -D "$DIR/data" -U hazard --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
        || { cat "$DIR/initdb.log" >&2; exit 1; }
    # Port 5432 is only the socket file's name (.s.PGSQL.5432 in $DIR); no TCP listener.
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$DIR' -c fsync=off -c max_connections=200" start >&2 \
        || { cat "$DIR/server.log" >&2; exit 1; }
    echo "export HAZARD_PG_DIR='$DIR'"
    echo "export HAZARD_TEST_POSTGRES='postgres://hazard@localhost/postgres?host=$DIR'"
    ;;
stop)
    DIR=${2:?usage: postgres-cluster.sh stop DIR}
    BIN=$(find_bin)
    OWNER=$(stat -c %U "$DIR")
    [ -d "$DIR/data" ] && as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >&2 || true
    rm -rf "$DIR"
    ;;
*)
    echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
