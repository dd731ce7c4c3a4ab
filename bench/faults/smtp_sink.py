# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A local SMTP sink for the fault scenarios (test tooling, never used by the addons).

    python -W ignore bench/faults/smtp_sink.py PORT LOG

Listens on 127.0.0.1:PORT and appends one JSON line per accepted message to LOG:
``{"to": [recipients], "subject": ..., "message_id": ...}``. Stopping the process is
the mail server going down; starting it again (same LOG) is the server coming back.
Python 3.11's standard ``smtpd`` (deprecated, still shipped) is enough for this.
"""

import asyncore
import email
import email.header
import json
import smtpd
import sys


def _decoded(value):
    return str(email.header.make_header(email.header.decode_header(value or "")))


class Sink(smtpd.SMTPServer):
    def __init__(self, port, log_path):
        super().__init__(("127.0.0.1", port), None, decode_data=False)
        self.log_path = log_path

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        message = email.message_from_bytes(data)
        line = {
            "to": [address.lower() for address in rcpttos],
            "subject": _decoded(message["Subject"]),
            "message_id": message["Message-Id"],
        }
        with open(self.log_path, "a", encoding="utf-8") as log:
            log.write(json.dumps(line) + "\n")


if __name__ == "__main__":
    Sink(int(sys.argv[1]), sys.argv[2])
    print("smtp sink ready", flush=True)
    asyncore.loop(timeout=0.2)
