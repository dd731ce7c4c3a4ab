"""JSON-RPC as the web client sends it, for the attack tests.

Unlike ``HttpCase.make_jsonrpc_request``, the answer is returned whole: a refused call
is an error answer to look into (its exception class, its message), not an exception.
"""

import json

from odoo.tools import mute_logger


def call_kw(case, model, method, *args, **kwargs):
    """POST ``/web/dataset/call_kw`` as the user logged in on ``case`` (an
    ``HttpCase``) and return the HTTP response."""
    payload = {
        "jsonrpc": "2.0",
        "method": "call",
        "id": 0,
        "params": {
            "model": model,
            "method": method,
            "args": list(args),
            "kwargs": kwargs,
        },
    }
    with mute_logger("odoo.http"):
        return case.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
