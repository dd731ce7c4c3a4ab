#!/bin/bash
# Entry point of the CIC Suite image (Dockerfile): hands Odoo its master password
# (admin_passwd) from a docker secret, then runs the official image's entry point.
# The secret is a file outside the repository (README, "Production installs"); it is
# copied into a configuration readable by the odoo user only, under /tmp, never
# into the image, the repository or the mounted config/odoo.conf.
set -euo pipefail
secret=${ODOO_MASTER_PASSWORD_FILE:-/run/secrets/odoo_master_password}
official=${CIC_OFFICIAL_ENTRYPOINT:-/entrypoint.sh}
base=${ODOO_RC:-/etc/odoo/odoo.conf}

die() { echo "cic: error: $*" >&2; exit 2; }

case "${1:-odoo}" in
    odoo | -- | -*)
        [ ! -e "$secret" ] || [ -r "$secret" ] \
            || die "cannot read Odoo's master password from $secret: the file CIC_MASTER_SECRET names must be readable (0644 in a folder only root may enter, README 'Production installs')"
        password=$(head -n 1 "$secret" 2>/dev/null || true)
        [ -n "$password" ] \
            || die "Odoo's master password is missing: put it in a file outside the repository and name that file with CIC_MASTER_SECRET (secret odoo_master_password, README 'Production installs')"
        ! grep -qE '^\s*admin_passwd\s*=' "$base" \
            || die "$base sets admin_passwd: remove it, the master password comes from the secret"
        [ "$(grep -E '^\s*\[' "$base" | tail -n 1)" = "[options]" ] \
            || die "$base must end with its [options] section"
        conf=$(mktemp "${TMPDIR:-/tmp}/odoo-XXXXXX.conf")  # mode 600
        { cat "$base"; printf '\nadmin_passwd = %s\n' "$password"; } >"$conf"
        export ODOO_RC=$conf
        ;;
esac
exec "$official" "$@"
