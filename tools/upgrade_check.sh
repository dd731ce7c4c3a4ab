#!/usr/bin/env bash
# Upgrade from the last release (tests/data/last_release.txt): installs the addons of
# that commit (git archive, full history needed) with demo data into a scratch
# database, records every entry and number, upgrades to the current code with
# `-u all`, then checks that every record and number is kept, that the addons are at
# their manifest versions, and a smoke check: the next entry continues the
# numbering and the public form and the login page answer.
#   tools/upgrade_check.sh          (CIC_UPGRADE_DB, default cic_upgrade; dropped first)
# Two installs: about 5-10 minutes on 2 cores; not part of bin/test (README).
source "$(dirname "$0")/../bin/lib.sh"
DB=${CIC_UPGRADE_DB:-cic_upgrade}
PORT=${CIC_UPGRADE_PORT:-8179}
RELEASE=$(grep -Ev '^\s*(#|$)' "$CIC_ROOT/tests/data/last_release.txt" | head -1)
cic_setup
git -C "$CIC_ROOT" cat-file -e "$RELEASE^{commit}" 2>/dev/null \
    || die "commit $RELEASE of the last release is not in this clone (fetch the full history)"
OLD=$(mktemp -d "${TMPDIR:-/tmp}/cic-release-XXXXXX")
trap 'rm -rf "$OLD"' EXIT
git -C "$CIC_ROOT" archive "$RELEASE" addons | tar -x -C "$OLD"
CONF_NEW=$(cic_config "upgrade-new" "$PORT")
CONF_OLD=$CIC_HOME/upgrade-old.conf
sed "s#^addons_path = .*#addons_path = $ODOO_PATH/odoo/addons,$OLD/addons#" "$CONF_NEW" >"$CONF_OLD"
start=$(date +%s)
dropdb -U "$CIC_DB_USER" --if-exists "$DB"
rm -rf "$CIC_HOME/data/filestore/$DB"
# The release's own addons: an addon new since then (cic_portal_fee) is installed
# by the upgrade (its migration), as on a production database.
OLD_ADDONS=$(for addon in ${ADDONS_DEMO//,/ }; do
    if [ -d "$OLD/addons/$addon" ] || [ ! -d "$CIC_ROOT/addons/$addon" ]; then echo "$addon"; fi
done | paste -sd,)
say "installing the last release ${RELEASE:0:7} into '$DB' (demo data, ro_RO): $OLD_ADDONS"
cic_odoo -c "$CONF_OLD" -d "$DB" -i "$OLD_ADDONS" --load-language=ro_RO --stop-after-init --log-level=warn \
    || die "installing the last release failed"
installed=$(( $(date +%s) - start ))
snapshot() {
    # Every row of the registry's numbered and legal tables, as text, sorted.
    psql -U "$CIC_DB_USER" -d "$DB" -tA -F'|' <<'SQL'
SELECT 'ticket', id, name, cic_registration_number, cic_registration_seq, cic_registration_year,
       cic_registration_date, partner_id, stage_id, cic_procedure_id, cic_legal_due_date
  FROM helpdesk_ticket ORDER BY id;
SELECT 'audience', id, cic_registration_number, cic_registration_seq, partner_id
  FROM cic_audience_request ORDER BY id;
SELECT 'counter', company_id, year, last_seq FROM cic_register_counter ORDER BY 2, 3;
SELECT 'audit', id, res_model, res_id, field_name FROM cic_audit_log ORDER BY id;
SELECT 'attachment', id, res_model, res_id, checksum FROM ir_attachment
 WHERE res_model LIKE 'helpdesk%' OR res_model LIKE 'cic.%' ORDER BY id;
SELECT 'partner', id, name, email FROM res_partner ORDER BY id;
SELECT 'appraisal', id, employee_id FROM hr_appraisal ORDER BY id;
SELECT 'fee', id, cic_invoice_id, cic_fee_state FROM helpdesk_ticket
 WHERE cic_invoice_id IS NOT NULL ORDER BY id;
SELECT 'payment', id, move_id, amount, cic_channel FROM account_payment ORDER BY id;
SQL
}
snapshot >"$OLD/before.txt" || die "reading the records of the last release failed"
say "upgrading '$DB' to the current code (-u all)"
up_start=$(date +%s)
cic_odoo -c "$CONF_NEW" -d "$DB" -u all --stop-after-init --log-level=warn \
    || die "the upgrade (-u all) failed"
upgraded=$(( $(date +%s) - up_start ))
snapshot >"$OLD/after.txt" || die "reading the records after the upgrade failed"
# Every row of the release is kept unchanged. The upgrade may add rows: new demo
# records of the new code (Odoo loads them into a database with demo data), whose
# entries take the next numbers, so a year's counter may only grow.
lost=$(comm -23 <(grep -v '^counter|' "$OLD/before.txt" | sort) \
                <(grep -v '^counter|' "$OLD/after.txt" | sort))
if [ -n "$lost" ]; then
    head -20 <<<"$lost" >&2
    die "records or numbers changed or lost in the upgrade (above: the rows before)"
fi
while IFS='|' read -r _tag company year seq; do
    now=$(grep "^counter|$company|$year|" "$OLD/after.txt" | cut -d'|' -f4)
    [ -n "$now" ] && [ "$now" -ge "$seq" ] \
        || die "the counter of company $company, $year went from $seq to '${now}'"
done < <(grep '^counter|' "$OLD/before.txt")
rows=$(wc -l <"$OLD/before.txt")
entries=$(grep -c '^ticket|' "$OLD/before.txt")
added=$(comm -13 <(sort "$OLD/before.txt") <(sort "$OLD/after.txt") | grep -vc '^counter|' || true)
# Versions: the database's are the manifests'.
for addon in ${ADDONS//,/ }; do
    want=$(sed -n 's/.*"version": "\(18\.0\.[0-9.]*\)".*/\1/p' "$CIC_ROOT/addons/$addon/__manifest__.py")
    have=$(psql -U "$CIC_DB_USER" -d "$DB" -tAc "select latest_version from ir_module_module where name='$addon' and state='installed'")
    [ "$want" = "$have" ] || die "$addon: the database is at '$have', the manifest at $want"
done
# Smoke: a new entry continues the numbering; the public form and the login answer.
smoke=$(cic_odoo shell -c "$CONF_NEW" -d "$DB" --no-http --log-level=warn <<'PY'
counter = env["cic.register.counter"].search([], order="year desc", limit=1)
last = counter.last_seq
ticket = env["helpdesk.ticket"].create({
    "name": "Upgrade smoke", "description": "<p>x</p>",
    "team_id": env["helpdesk.ticket.team"].search([], limit=1).id,
    "partner_id": env["res.partner"].create({"name": "Smoke", "email": "s@example.com"}).id,
    "cic_procedure_id": env.ref("cic_registry.procedure_petition").id,
})
ticket.flush_recordset()
print("CIC-SMOKE", last, ticket.cic_registration_seq, ticket.cic_registration_number)
env.cr.rollback()
PY
) || die "the smoke check's shell failed"
read -r _tag last next number < <(grep '^CIC-SMOKE' <<<"$smoke")
[ -n "${next:-}" ] && [ "$next" = $((last + 1)) ] \
    || die "the first entry after the upgrade is not numbered last + 1 ($smoke)"
# odoo-bin itself in the background (not the cic_odoo function, whose subshell
# would be the one killed below).
"$CIC_PY" "$ODOO_PATH/odoo-bin" -c "$CONF_NEW" -d "$DB" --db-filter="^$DB\$" --log-level=warn \
    --max-cron-threads=0 >"$OLD/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$OLD"' EXIT
for _ in $(seq 60); do curl -s -o /dev/null "http://127.0.0.1:$PORT/web/login" && break; sleep 1; done
for path in /web/login /cic/form/petition; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$path")
    [ "$code" = 200 ] || die "GET $path answers $code after the upgrade"
done
kill "$server"; wait "$server" 2>/dev/null || true
say "upgrade from ${RELEASE:0:7}: $entries entries and $rows rows kept ($added rows added by the new code's demo data), numbering continues at $number, pages answer; install $installed s, upgrade $upgraded s, total $(( $(date +%s) - start )) s"
