#!/bin/bash
# Run once by the postgres image when it initialises an empty cluster (mounted at
# /docker-entrypoint-initdb.d). POSTGRES_USER is the superuser: it is used only here.
# Odoo logs in as ODOO_DB_USER, a role that may create databases and nothing more.
set -euo pipefail
[ -n "${ODOO_DB_USER:-}" ] && [ -n "${ODOO_DB_PASSWORD:-}" ] \
    || { echo "cic: error: set ODOO_DB_USER and ODOO_DB_PASSWORD for the db service" >&2; exit 2; }
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v role="$ODOO_DB_USER" -v password="$ODOO_DB_PASSWORD" <<'SQL'
CREATE ROLE :"role" LOGIN CREATEDB NOSUPERUSER NOCREATEROLE NOREPLICATION NOBYPASSRLS
    PASSWORD :'password';
SQL
