# Shared set-up for bin/run, bin/test and bin/odoo. Sourced, never executed.
# Every failure prints one line starting with "cic:" and exits non-zero.
set -euo pipefail

CIC_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Where Odoo 18.0 lives: a folder holding `odoo-bin` and the `odoo/` package.
ODOO_PATH=${ODOO_PATH:-/opt/odoo18}
# Python environment, outside the work tree so that fresh clones (CI) reuse it.
CIC_HOME=${CIC_HOME:-$HOME/.cache/cic-suite}
CIC_VENV=${CIC_VENV:-$CIC_HOME/venv}
CIC_PYTHON=${CIC_PYTHON:-python3.11}
# CIC_VENV=system uses the system Python as it is (the docker test image installs
# every dependency there); otherwise a venv is created and kept up to date.
if [ "$CIC_VENV" = system ]; then CIC_PY=python3; else CIC_PY=$CIC_VENV/bin/python; fi
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
CIC_DB_USER=${CIC_DB_USER:-odoo}
export PGHOST PGPORT

die() { echo "cic: error: $*" >&2; exit 2; }
say() { echo "cic: $*" >&2; }

cic_check_odoo() {
    if [ ! -f "$ODOO_PATH/odoo-bin" ] || [ ! -f "$ODOO_PATH/odoo/release.py" ]; then
        # Fetch the pinned 18.0 source (requirements/odoo-source.txt) into ODOO_PATH,
        # or say in one line what to download and where (CIC_ODOO_FETCH=0: no download).
        command -v python3 >/dev/null 2>&1 \
            || die "Odoo 18 source not found at ODOO_PATH=$ODOO_PATH (expected odoo-bin and odoo/ there; see README 'Where Odoo is looked up')"
        python3 "$CIC_ROOT/tools/odoo_fetch.py" "$ODOO_PATH" || exit 2
    fi
    grep -q "^version_info = (18, 0" "$ODOO_PATH/odoo/release.py" \
        || die "the Odoo at $ODOO_PATH is not Odoo 18.0"
}

cic_system_packages() {
    # Browser tests need chromium, PDF reports need wkhtmltopdf; the official PDFs
    # are set in DejaVu Sans (every Romanian letter) and their tests read the text
    # back with pdftotext.
    local missing=()
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v wkhtmltopdf >/dev/null 2>&1 || missing+=(wkhtmltopdf)
    command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
    [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
    command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "$(id -u)" = 0 ] || die "missing system packages: ${missing[*]} (install them with apt-get as root)"
    say "installing ${missing[*]} from Debian"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        "${missing[@]}" fonts-dejavu-core; } >"$CIC_HOME/apt.log" 2>&1 \
        || die "apt-get install ${missing[*]} failed (see $CIC_HOME/apt.log)"
}

cic_venv() {
    local stamp want
    [ "$CIC_VENV" = system ] && return 0
    want=$(cat "$CIC_ROOT"/requirements/{oca,odoo,project}.txt | sha256sum | cut -c1-16)
    stamp="$CIC_VENV/.cic-requirements"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
    command -v "$CIC_PYTHON" >/dev/null 2>&1 || CIC_PYTHON=python3
    "$CIC_PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
        || die "Python 3.11 is required ($CIC_PYTHON is $("$CIC_PYTHON" -V 2>&1))"
    say "installing Python dependencies into $CIC_VENV (log: $CIC_HOME/pip.log)"
    [ -x "$CIC_VENV/bin/python" ] || "$CIC_PYTHON" -m venv "$CIC_VENV"
    {
        "$CIC_VENV/bin/pip" install -q --upgrade pip==24.2 &&
        "$CIC_VENV/bin/pip" install -q --prefer-binary -r "$CIC_ROOT/requirements/odoo.txt" \
            -r "$CIC_ROOT/requirements/project.txt" &&
        "$CIC_VENV/bin/pip" install -q --no-deps -r "$CIC_ROOT/requirements/oca.txt"
    } >"$CIC_HOME/pip.log" 2>&1 || die "pip install failed (see $CIC_HOME/pip.log)"
    echo "$want" >"$stamp"
}

# axe-core for the accessibility test, pinned by tools/a11y/package-lock.json, installed
# outside the work tree (like the venv) and again only when the lock changes; the
# test reads CIC_AXE_JS, never downloads anything.
CIC_A11Y=${CIC_A11Y:-$CIC_HOME/a11y}
export CIC_AXE_JS=${CIC_AXE_JS:-$CIC_A11Y/node_modules/axe-core/axe.min.js}
cic_a11y() {
    local want tmp
    want=$(cat "$CIC_ROOT"/tools/a11y/package.json "$CIC_ROOT"/tools/a11y/package-lock.json | sha256sum | cut -c1-16)
    if [ -f "$CIC_A11Y/.cic-lock" ] && [ "$(cat "$CIC_A11Y/.cic-lock")" = "$want" ]; then return 0; fi
    command -v npm >/dev/null 2>&1 || die "npm is missing (install Debian's npm with apt-get as root)"
    say "installing axe-core into $CIC_A11Y (log: $CIC_HOME/npm.log)"
    # A fresh folder renamed into place: a concurrent run never sees half an install.
    tmp=$(mktemp -d "$CIC_HOME/a11y.XXXXXX")
    cp "$CIC_ROOT"/tools/a11y/package.json "$CIC_ROOT"/tools/a11y/package-lock.json "$tmp"/
    (cd "$tmp" && npm ci --ignore-scripts --no-audit --no-fund) >"$CIC_HOME/npm.log" 2>&1 \
        || { rm -rf "$tmp"; die "npm ci of tools/a11y failed (see $CIC_HOME/npm.log)"; }
    echo "$want" >"$tmp/.cic-lock"
    rm -rf "$CIC_A11Y"
    mv -T "$tmp" "$CIC_A11Y" 2>/dev/null || rm -rf "$tmp"
}

cic_postgres() {
    if ! pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null; then
        if [ "$PGHOST" = 127.0.0.1 ] && command -v pg_ctlcluster >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
            say "starting PostgreSQL"
            pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start \
                >/dev/null 2>&1 || true
            sleep 2
        fi
        pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null \
            || die "PostgreSQL is not reachable on $PGHOST:$PGPORT (start it, or set PGHOST/PGPORT)"
    fi
    # Odoo refuses to run as the 'postgres' superuser: use a role that may create databases.
    if ! psql -U "$CIC_DB_USER" -d postgres -tAc 'select 1' >/dev/null 2>&1; then
        psql -U postgres -d postgres -qc "CREATE ROLE \"$CIC_DB_USER\" LOGIN CREATEDB" >/dev/null 2>&1 \
            || die "cannot log in to PostgreSQL as '$CIC_DB_USER' nor create that role (trust auth expected; see README)"
    fi
}

# Writes an Odoo configuration file for this machine and prints its path.
cic_config() {
    local conf="$CIC_HOME/$1.conf" port=$2
    cat >"$conf" <<CONF
[options]
addons_path = $ODOO_PATH/odoo/addons,$CIC_ROOT/addons
data_dir = $CIC_HOME/data
db_host = $PGHOST
db_port = $PGPORT
db_user = $CIC_DB_USER
db_password = False
http_interface = 127.0.0.1
http_port = $port
list_db = False
CONF
    echo "$conf"
}

cic_setup() {
    mkdir -p "$CIC_HOME"
    cic_check_odoo
    cic_system_packages
    cic_venv
    cic_a11y
    cic_postgres
}

cic_odoo() { "$CIC_PY" "$ODOO_PATH/odoo-bin" "$@"; }

cic_port_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The whole product: the four addons and the online fees (cic_portal_fee, which
# brings accounting). A town hall without online payments installs the first four.
ADDONS=cic_registry,cic_audience,cic_performance,cic_portal,cic_portal_fee
# The demo (bin/run) and test (bin/test) databases also pay fees with the Demo
# provider (test mode, no money); a production database never installs it.
ADDONS_DEMO=$ADDONS,payment_demo
