# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Install hook: no default administrator password outside demo mode.

Odoo's base data creates the ``admin`` login with the password ``admin``. That is
fine for a demo database, but a production database (installed without demo data)
must not keep it: the hook replaces it when the registry is installed.
"""

import logging
import os
import secrets

_logger = logging.getLogger(__name__)

DEFAULT_ADMIN_PASSWORD = "admin"
PASSWORD_VARIABLE = "CIC_ADMIN_PASSWORD"
PASSWORD_FILE_VARIABLE = "CIC_ADMIN_PASSWORD_FILE"


def _configured_admin_password():
    """The password chosen by the operator, or None.

    ``CIC_ADMIN_PASSWORD`` wins over ``CIC_ADMIN_PASSWORD_FILE`` (a file holding the
    password, e.g. a docker secret; its final line break is not part of it). An
    empty value or an empty file counts as not set.
    """
    password = os.environ.get(PASSWORD_VARIABLE)
    if password:
        return password
    path = os.environ.get(PASSWORD_FILE_VARIABLE)
    if not path:
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            password = handle.read().rstrip("\r\n")
    except (OSError, UnicodeDecodeError) as error:
        _logger.warning(
            "%s=%s cannot be read (%s): a random administrator password is set.",
            PASSWORD_FILE_VARIABLE,
            path,
            error.__class__.__name__,
        )
        return None
    return password or None


def _has_default_password(user):
    """True when ``user`` still logs in with Odoo's default password."""
    user.env.cr.execute(
        "SELECT COALESCE(password, '') FROM res_users WHERE id = %s", [user.id]
    )
    [hashed] = user.env.cr.fetchone()
    return bool(hashed) and user._crypt_context().verify(DEFAULT_ADMIN_PASSWORD, hashed)


def replace_default_admin_password(env):
    """Give the ``admin`` login of a database without demo data a real password.

    Returns how it was set: ``"configured"`` (from the environment), ``"random"``,
    or None when nothing was changed (demo database, no admin user, or its
    password was already changed). The password itself is never logged.
    """
    if env.ref("base.module_base").demo:
        return None  # demo mode: the documented demo logins stay as they are
    admin = env.ref("base.user_admin", raise_if_not_found=False)
    if not admin or not _has_default_password(admin):
        return None
    password = _configured_admin_password()
    how = "configured" if password else "random"
    admin.password = password or secrets.token_urlsafe(24)
    if how == "configured":
        _logger.info(
            "Database without demo data: the password of the '%s' login was set "
            "from %s/%s.",
            admin.login,
            PASSWORD_VARIABLE,
            PASSWORD_FILE_VARIABLE,
        )
    else:
        _logger.info(
            "Database without demo data: the default password of the '%s' login "
            "was replaced by a random one, shown nowhere. To choose it, run "
            "`odoo-bin shell -d %s` and enter "
            "`env.ref('base.user_admin').password = '...'; env.cr.commit()` "
            "(or set %s or %s before creating the database).",
            admin.login,
            env.cr.dbname,
            PASSWORD_VARIABLE,
            PASSWORD_FILE_VARIABLE,
        )
    return how


def post_init_hook(env):
    replace_default_admin_password(env)
