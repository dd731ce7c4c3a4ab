#!/usr/bin/env bash
# Every benchmark of the CIC Suite, one after the other, then the RESULT lines.
#   bench/run_all.sh --quick          small N: checks that the harness works (~5 min)
#   bench/run_all.sh                  full figures (1,000,000 entries: ~45 min on 2 cores)
# Options: -d DB (default h_bench; created with the four addons if missing),
#          --oca-db DB (helpdesk_mgmt only, default DB_oca, created if missing: the
#          plain OCA rows of registration.py and the OCA form of portal_submit.py),
#          --port P (first of the ports used, 8500-8590).
# Exit 1 if a scenario FAILs (wrong numbers, failed requests); MISS = target not met.
set -uo pipefail
cd "$(dirname "$0")/.."
QUICK=() DB=h_bench OCA_DB="" PORT=8500
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=(--quick) ;;
        -d|--db) DB=$2; shift ;;
        --oca-db) OCA_DB=$2; shift ;;
        --port) PORT=$2; shift ;;
        *) echo "usage: bench/run_all.sh [--quick] [-d DB] [--oca-db DB] [--port P]" >&2; exit 2 ;;
    esac
    shift
done
CIC_HOME=${CIC_HOME:-$HOME/.cache/cic-suite}
OUT="$CIC_HOME/bench-$(date +%Y%m%d-%H%M%S).txt"
if ! psql -h "${PGHOST:-127.0.0.1}" -U "${CIC_DB_USER:-odoo}" -d "$DB" -tAc 'select 1' >/dev/null 2>&1; then
    echo "bench: creating $DB with the four CIC addons (2-4 min)"
    bin/odoo -d "$DB" -i cic_registry,cic_audience,cic_performance,cic_portal \
        --load-language=ro_RO --without-demo=all \
        --stop-after-init --log-level=warn || exit 2
fi
OCA_DB=${OCA_DB:-${DB}_oca}
if ! psql -h "${PGHOST:-127.0.0.1}" -U "${CIC_DB_USER:-odoo}" -d "$OCA_DB" -tAc 'select 1' >/dev/null 2>&1; then
    echo "bench: creating $OCA_DB with helpdesk_mgmt only (1 min)"
    bin/odoo -d "$OCA_DB" -i helpdesk_mgmt --without-demo=all \
        --stop-after-init --log-level=warn || exit 2
fi
run() { timeout "$1" bench/py "${@:2}" "${QUICK[@]}" -d "$DB" 2>&1 | tee -a "$OUT"; return "${PIPESTATUS[0]}"; }
status=0
if [ ${#QUICK[@]} -eq 0 ]; then N=1000000; else N=20000; fi
run 600 bench/deadlines.py --budget 60                        || status=1
run 1200 bench/registration.py --oca-db "$OCA_DB"              || status=1
run 1200 bench/concurrent_numbering.py --port "$((PORT + 10))" || status=1
run 1800 bench/portal_submit.py --port "$((PORT + 20))" --oca-db "$OCA_DB" || status=1
run 1200 bench/legacy_import.py                               || status=1
run 1800 bench/generate.py --n "$N"                           || status=1
run 900 bench/reports.py                                      || status=1
run 900 bench/citizen_pages.py --port "$((PORT + 30))"        || status=1
run 1200 bench/cluster.py --port "$((PORT + 40))"             || status=1
echo; echo "== summary ($OUT)"; grep '^RESULT' "$OUT"
exit $status
