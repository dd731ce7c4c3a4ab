"""Backup and restore drill (bin/backup, bin/restore), as the README tells it.

A copy of the test database stands for production. Mid-year it registers entries
(numbered, each with a document and audit-log rows) and holds an e-mail in its queue
and an acknowledgement pending; it is backed up; then it goes on registering. The
backup is restored into a new database, neutralised. The restored copy has every
entry with its number, every document with its content (read from the restored
filestore), every audit-log row; its next entry takes the number after the last one
of the backup (no gap); and it sends none of the original's e-mails and runs none of
its crons, even when its mail queue is processed.
"""

import contextlib
import hashlib
import os
import uuid
from unittest.mock import patch

import psycopg2

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tools import config

ENTRIES = 4


@contextlib.contextmanager
def odoo_env(db):
    """An environment on another database, in this process (superuser); the
    caller commits."""
    # Loaded as a server loads it: pytest-odoo's test_enable would run the
    # modules' at_install tests at the load.
    with patch.dict(config.options, {"test_enable": False}):
        registry = Registry(db)
    with registry.cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, {})


def activity(db, count):
    """``count`` e-mailed petitions registered one by one (each committed), each
    with a document and a correction (an audit-log row), its acknowledgement
    pending and an e-mail queued. Returns their ids."""
    made = []
    with odoo_env(db) as env:
        procedure = env.ref("cic_registry.procedure_petition")
        channel = env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        team = env["helpdesk.ticket.team"].search([], limit=1)
        for _index in range(count):
            tag = uuid.uuid4().hex[:8]
            partner = env["res.partner"].create(
                {"name": f"Drill {tag}", "email": f"drill.{tag}@example.com"}
            )
            entry = env["helpdesk.ticket"].create(
                {
                    "name": f"Drill {tag}",
                    "description": "<p>drill</p>",
                    "team_id": team.id,
                    "partner_id": partner.id,
                    "cic_procedure_id": procedure.id,
                    "channel_id": channel.id,
                }
            )
            env["ir.attachment"].create(
                {
                    "name": f"drill-{tag}.txt",
                    "raw": f"document {tag}".encode(),
                    "res_model": "helpdesk.ticket",
                    "res_id": entry.id,
                }
            )
            entry.write({"cic_page_count": 3})  # a correction: an audit-log row
            env["mail.mail"].create(
                {
                    "subject": f"Queued {tag}",
                    "body_html": "<p>x</p>",
                    "email_to": partner.email,
                    "email_from": "cic@primaria.example",
                }
            )
            env.cr.commit()
            made.append(entry.id)
    return made


def next_number(db):
    """(year, seq) of a new entry registered in ``db``, then rolled back; the mail
    queue is processed in between (it must send nothing)."""
    with odoo_env(db) as env:
        entry = env["helpdesk.ticket"].create(
            {
                "name": "After the restore",
                "description": "<p>x</p>",
                "team_id": env["helpdesk.ticket.team"].search([], limit=1).id,
                "partner_id": env["res.partner"].create({"name": "After"}).id,
                "cic_procedure_id": env.ref("cic_registry.procedure_petition").id,
            }
        )
        env["mail.mail"].process_email_queue()
        number = (entry.cic_registration_year, entry.cic_registration_seq)
        env.cr.rollback()
    return number


def query(db, sql, params=()):
    cnx = psycopg2.connect(
        dbname=db,
        host=config["db_host"] or None,
        port=config["db_port"] or None,
        user=config["db_user"] or None,
    )
    try:
        with cnx, cnx.cursor() as cr:
            cr.execute(sql, params)
            return cr.fetchall()
    finally:
        cnx.close()


def snapshot(db, ids):
    """Entries, their documents (with the file's checksum) and audit-log rows."""
    return {
        "entries": query(
            db,
            "SELECT id, name, cic_registration_number, cic_registration_seq,"
            " cic_registration_year, cic_registration_date FROM helpdesk_ticket"
            " WHERE id = ANY(%s) ORDER BY id",
            [ids],
        ),
        "documents": query(
            db,
            "SELECT id, res_id, name, store_fname, checksum, file_size FROM"
            " ir_attachment WHERE res_model = 'helpdesk.ticket' AND res_id = ANY(%s)"
            " ORDER BY id",
            [ids],
        ),
        "audit": query(
            db,
            "SELECT id, res_id, field_name, old_value, new_value, user_id, date"
            " FROM cic_audit_log WHERE res_model = 'helpdesk.ticket'"
            " AND res_id = ANY(%s) ORDER BY id",
            [ids],
        ),
        "all entries": query(db, "SELECT count(*) FROM helpdesk_ticket"),
        "all audit rows": query(db, "SELECT count(*) FROM cic_audit_log"),
    }


def test_backup_restore_drill(production_copy, restore_db, cic_bin, tmp_path):
    production = production_copy
    midyear = activity(production, ENTRIES)
    at_backup = snapshot(production, midyear)
    assert len(at_backup["entries"]) == ENTRIES
    assert all(row[2] for row in at_backup["entries"]), "entries without a number"
    assert len(at_backup["documents"]) == ENTRIES
    assert len(at_backup["audit"]) >= ENTRIES
    backup = cic_bin("backup", production, str(tmp_path)).splitlines()[-1]
    copy = restore_db(backup)  # a copy: neutralised
    later = activity(production, 2)

    # Everything of the backup is in the copy; nothing done after it.
    assert snapshot(copy, midyear) == at_backup
    assert not query(copy, "SELECT id FROM helpdesk_ticket WHERE id = ANY(%s)", [later])
    filestore = os.path.join(config["data_dir"], "filestore", copy)
    for _id, _res, _name, fname, checksum, size in at_backup["documents"]:
        with open(os.path.join(filestore, fname), "rb") as document:
            content = document.read()
        assert len(content) == size
        assert hashlib.sha1(content).hexdigest() == checksum

    # Neutralised: no cron of the original runs, no e-mail of it leaves.
    flag = "SELECT value FROM ir_config_parameter WHERE key = 'database.is_neutralized'"
    assert query(copy, flag) == [("true",)]
    active_crons = query(
        copy,
        "SELECT d.name FROM ir_cron c JOIN ir_model_data d ON d.model = 'ir.cron'"
        " AND d.res_id = c.id WHERE c.active",
    )
    assert active_crons == [("autovacuum_job",)], active_crons
    assert query(copy, "SELECT smtp_host FROM ir_mail_server WHERE active") == [
        ("invalid",)
    ]
    assert not query(copy, "SELECT ticket_id FROM cic_ticket_deferred_mail_rel")
    queued = "SELECT count(*) FROM mail_mail WHERE state IN ('outgoing', 'exception')"
    assert query(production, queued)[0][0] >= ENTRIES, "the original has queued mails"
    assert query(copy, queued) == [(0,)]
    dbuuid = "SELECT value FROM ir_config_parameter WHERE key = 'database.uuid'"
    assert query(copy, dbuuid) != query(production, dbuuid), "a copy has its own UUID"

    # The numbering continues in the copy right after the backup's last number
    # (the mail queue processed there sends nothing).
    year, last = (
        max(row[4] for row in at_backup["entries"]),
        max(row[3] for row in at_backup["entries"]),
    )
    counter = query(
        copy, "SELECT max(last_seq) FROM cic_register_counter WHERE year = %s", [year]
    )[0][0]
    assert counter == last
    sent = "SELECT count(*) FROM mail_mail WHERE state IN ('sent', 'exception')"
    sent_before = query(copy, sent)
    assert next_number(copy) == (year, last + 1)
    assert query(copy, sent) == sent_before
