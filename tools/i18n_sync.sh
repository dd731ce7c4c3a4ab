#!/usr/bin/env bash
# Refresh addons/ADDON/i18n/ro.po from a database where ADDON is installed with ro_RO
# loaded, keeping existing translations. Usage: tools/i18n_sync.sh ADDON DB
source "$(dirname "$0")/../bin/lib.sh"
ADDON=$1 DB=$2
cic_setup
CONF=$(cic_config "i18n-$DB" 8399)
tmp=$(mktemp --suffix=.po)
cic_odoo -c "$CONF" -d "$DB" --i18n-export="$tmp" --modules="$ADDON" --language=ro_RO \
    --stop-after-init --log-level=warn
"$CIC_PY" "$CIC_ROOT/tools/po_merge.py" "$tmp" "$CIC_ROOT/addons/$ADDON/i18n/ro.po"
rm -f "$tmp"
