"""Take a PNG screenshot of an Odoo page as a given user, with headless Chromium.

Usage: screenshot.py BASE_URL PATH OUT.png [LOGIN PASSWORD] [--db DB] [--wait SECONDS]
                     [--click CSS_SELECTOR ...]
Logs in through /web/session/authenticate, hands the session cookie to Chromium over
the DevTools protocol, opens the page, clicks the given elements in turn (a tab of a
form, say) and saves the screenshot. Used for the README.
"""

import argparse
import base64
import json
import shutil
import subprocess
import tempfile
import time

import requests
import websocket


def login(base, db, user, password):
    resp = requests.post(
        f"{base}/web/session/authenticate",
        json={"params": {"db": db, "login": user, "password": password}},
        timeout=30,
    )
    resp.raise_for_status()
    if resp.json().get("error"):
        raise SystemExit(f"login failed for {user}")
    return resp.cookies.get("session_id")


class Chromium:
    def __init__(self, width, height):
        self.profile = tempfile.mkdtemp()
        self.proc = subprocess.Popen(
            [
                shutil.which("chromium") or "chromium",
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--window-size={width},{height}",
                "--remote-debugging-port=9333",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(50):
            try:
                tabs = requests.get("http://127.0.0.1:9333/json", timeout=2).json()
                page = next(t for t in tabs if t["type"] == "page")
                break
            except (requests.RequestException, StopIteration):
                time.sleep(0.2)
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        self.msg_id = 0

    def call(self, method, **params):
        self.msg_id += 1
        payload = {"id": self.msg_id, "method": method, "params": params}
        self.ws.send(json.dumps(payload))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.msg_id:
                return msg.get("result", {})

    def close(self):
        self.ws.close()
        self.proc.terminate()
        self.proc.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("path")
    parser.add_argument("out")
    parser.add_argument("login", nargs="?")
    parser.add_argument("password", nargs="?")
    parser.add_argument("--db", default="cic_demo")
    parser.add_argument("--wait", type=float, default=4.0)
    parser.add_argument("--size", default="1400x900")
    parser.add_argument("--click", action="append", default=[])
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    browser = Chromium(width, height)
    try:
        if args.login:
            session = login(args.base, args.db, args.login, args.password)
            browser.call(
                "Network.setCookie", name="session_id", value=session, url=args.base
            )
        browser.call("Page.enable")
        browser.call("Page.navigate", url=args.base + args.path)
        time.sleep(args.wait)
        for selector in args.click:
            browser.call(
                "Runtime.evaluate",
                expression=f"document.querySelector({json.dumps(selector)}).click()",
            )
            time.sleep(1.5)
        shot = browser.call("Page.captureScreenshot", format="png")
        with open(args.out, "wb") as handle:
            handle.write(base64.b64decode(shot["data"]))
    finally:
        browser.close()


if __name__ == "__main__":
    main()
