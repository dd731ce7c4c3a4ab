#!/usr/bin/env bash
# Fault injection for the CIC Suite (long, about 3-6 minutes; never run by bin/test).
#   bench/faults/run.sh [-d DB] [--postgres] [--per-client N] [--port P] [--smtp-port S]
# DB (default h_faults) must have the four addons installed. Scenarios: an Odoo worker
# SIGKILLed mid-request, the mail server unreachable, and with --postgres a restart of
# the machine's PostgreSQL (shared: run it last, on a machine you may disturb; the
# downtime is a few seconds). Exit code 0 when every fault was survived.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DB=h_faults
ARGS=()
while [ $# -gt 0 ]; do
    case "$1" in
        -d) DB=$2; shift 2 ;;
        *) ARGS+=("$1"); shift ;;
    esac
done
case " ${ARGS[*]-} " in
    *" --postgres "*) echo "faults: WARNING: PostgreSQL on this machine will be restarted" >&2 ;;
esac
exec "$HERE/../py" "$HERE/faults.py" -d "$DB" ${ARGS[@]+"${ARGS[@]}"}
