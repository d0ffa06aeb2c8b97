#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: initdb into a fresh temporary folder, the
# server listening only on a unix socket in that folder (no TCP port to collide with another
# cluster on the machine), run as an unprivileged user when started as root.
#
#   eval "$(Tests/Support/postgres-cluster.sh start)"   # exports HAZARD_TEST_POSTGRES, HAZARD_PG_DIR
#   eval "$(Tests/Support/postgres-cluster.sh standby "$HAZARD_PG_DIR")"  # exports HAZARD_TEST_POSTGRES_STANDBY
#   Tests/Support/postgres-cluster.sh stop "$HAZARD_PG_DIR"
#
# `standby` adds a streaming hot standby of that cluster (pg_basebackup -R into DIR/standby,
# its socket in DIR/standby too) and waits until it is in recovery and streaming; `stop` stops
# it along with the primary. PostgresReadOnlyTests promotes it at its end (failover), so one
# standby serves one test run.
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
standby)
    DIR=${2:?usage: postgres-cluster.sh standby DIR}
    BIN=$(find_bin)
    OWNER=$(stat -c %U "$DIR")
    SB="$DIR/standby"
    [ -d "$SB" ] && { echo "postgres-cluster: $SB already exists" >&2; exit 1; }
    as_owner mkdir -m 755 "$SB"
    # -R writes standby.signal and primary_conninfo (the primary's socket); -X stream copies
    # the WAL written during the backup.
    as_owner "$BIN/pg_basebackup" -h "$DIR" -U hazard -D "$SB/data" -R -X stream -c fast >"$SB/basebackup.log" 2>&1 \
        || { cat "$SB/basebackup.log" >&2; exit 1; }
    as_owner "$BIN/pg_ctl" -D "$SB/data" -l "$SB/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$SB' -c fsync=off -c max_connections=200 -c hot_standby=on" start >&2 \
        || { cat "$SB/server.log" >&2; exit 1; }
    # Ready only once it is a standby and the primary is streaming to it.
    for _ in $(seq 1 120); do
        recovery=$(as_owner "$BIN/psql" -h "$SB" -U hazard -d postgres -Atc 'SELECT pg_is_in_recovery()' 2>/dev/null || true)
        streaming=$(as_owner "$BIN/psql" -h "$DIR" -U hazard -d postgres -Atc "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'" 2>/dev/null || true)
        [ "$recovery" = t ] && [ "${streaming:-0}" -ge 1 ] && break
        sleep 0.5
    done
    [ "$recovery" = t ] && [ "${streaming:-0}" -ge 1 ] || { echo "postgres-cluster: the standby did not start streaming" >&2; cat "$SB/server.log" >&2; exit 1; }
    echo "export HAZARD_TEST_POSTGRES_STANDBY='postgres://hazard@localhost/postgres?host=$SB'"
    ;;
stop)
    DIR=${2:?usage: postgres-cluster.sh stop DIR}
    BIN=$(find_bin)
    OWNER=$(stat -c %U "$DIR")
    [ -d "$DIR/standby/data" ] && as_owner "$BIN/pg_ctl" -D "$DIR/standby/data" -m immediate -w stop >&2 || true
    [ -d "$DIR/data" ] && as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >&2 || true
    rm -rf "$DIR"
    ;;
*)
    echo "usage: $0 start | standby DIR | stop DIR" >&2; exit 2 ;;
esac
