"""A local stand-in for a MessageBird-style SMS provider (http.server in a thread): keeps what
it receives; answer codes can be set to play a provider that is down or refuses a number."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class SmsProvider:
    def __init__(self):
        self.received: list[dict] = []
        self.keys: list[str] = []
        self.status = 201
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                provider.keys.append(self.headers.get("Authorization", ""))
                if provider.status < 300:
                    provider.received.append(body)
                self.send_response(provider.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"id": "x"}')

            def log_message(self, *args):  # quiet
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/messages"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def texts_to(self, phone: str) -> list[str]:
        digits = phone.lstrip("+")
        return [m["body"] for m in self.received if digits in m["recipients"]]


def text_of(body: dict) -> str:
    return json.dumps(body, ensure_ascii=False)
