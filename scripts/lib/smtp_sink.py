"""A mail sink for tests: an SMTP server (aiosmtpd) on 127.0.0.1 that keeps every message
it is given as a file, and what Python's own mail parser reads in it beside it.

    smtp_sink.py --dir DIR [--port PORT] [--user USER --password PASSWORD]

Each message becomes DIR/NNNN.eml (the bytes received) and DIR/NNNN.json (envelope, the
authenticated login, and the message as `email` reads it: decoded subject and addresses,
the text and HTML bodies). The .json is written first and the .eml renamed into place
last, so a test that sees the .eml sees both. With --user, the server requires that login
(AUTH PLAIN or LOGIN, over the plain connection: it only listens on loopback).

Port 0 (the default) takes a free port. When listening, it prints `ready PORT` on a line
of its own; it stops when its standard input closes (the test that started it is gone)
or on SIGTERM.
"""

import argparse
import asyncio
import email
import email.policy
import json
import logging
import os
import signal
import sys
import threading
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Keep:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.directory, f"{self.count:04d}")
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        legacy = email.message_from_bytes(raw)  # headers as sent, encoded words and all

        def body(kind):
            part = parsed.get_body(preferencelist=(kind,))
            return part.get_content() if part is not None else None

        summary = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "login": getattr(session, "kozos_login", None),
            "from": str(parsed["From"]),
            "to": str(parsed["To"]),
            "subject": str(parsed["Subject"]),
            "subject_raw": legacy["Subject"],
            "message_id": str(parsed["Message-ID"]),
            "content_type": parsed.get_content_type(),
            "text": body("plain"),
            "html": body("html"),
        }
        with open(base + ".json", "w", encoding="utf-8") as f:
            json.dump(summary, f, ensure_ascii=False, indent=1)
        with open(base + ".eml.part", "wb") as f:
            f.write(raw)
        os.replace(base + ".eml.part", base + ".eml")
        return "250 Message accepted for delivery"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--user")
    ap.add_argument("--password")
    args = ap.parse_args()
    # aiosmtpd warns that AUTH without TLS is unsafe: this listens on loopback only.
    warnings.filterwarnings("ignore")
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    os.makedirs(args.dir, exist_ok=True)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == args.user
            and auth_data.password.decode() == args.password
        )
        if ok:
            session.kozos_login = args.user
        return AuthResult(success=ok)

    handler = Keep(args.dir)
    if args.user:
        factory = lambda: SMTP(  # noqa: E731
            handler,
            authenticator=authenticator,
            auth_required=True,
            auth_require_tls=False,
        )
    else:
        factory = lambda: SMTP(handler)  # noqa: E731

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(factory, host="127.0.0.1", port=args.port))
    port = server.sockets[0].getsockname()[1]
    print(f"ready {port}", flush=True)

    def watch_stdin():
        sys.stdin.read()  # returns at end of file
        loop.call_soon_threadsafe(loop.stop)

    threading.Thread(target=watch_stdin, daemon=True).start()
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    try:
        loop.run_forever()
    finally:
        server.close()


if __name__ == "__main__":
    main()
