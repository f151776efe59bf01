"""A small local server that speaks LibreTranslate's API (POST /translate with q, source,
target, format, api_key; answers {"translatedText": ...}), for tests: the real server needs
model downloads this machine cannot do. `mode` switches it to failing ways."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# What the fake "translates" to: a marker per language, so a test can see which language
# came back (Arabic and Tigrinya markers are in their own scripts).
MARK = {"ar": "مترجم", "fa": "ترجمه", "ti": "ተተርጒሙ", "en": "EN", "tr": "TR", "so": "SO", "nl": "NL"}


def fake(text: str, target: str) -> str:
    return f"{MARK.get(target, target)}: {text}"


class FakeLibreTranslate:
    def __init__(self, key: str | None = None):
        self.key = key
        self.mode = "ok"  # ok | slow | error | refuse
        self.slow_seconds = 3.0
        self.refuse = set()  # target languages answered with 400
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
                server.requests.append(body)
                if server.mode == "slow":
                    time.sleep(server.slow_seconds)
                if server.mode == "error":
                    return self._answer(500, {"error": "boom"})
                if server.key and body.get("api_key") != server.key:
                    return self._answer(403, {"error": "Invalid API key"})
                if body.get("target") in server.refuse:
                    return self._answer(400, {"error": "target language not supported"})
                q = body["q"]
                out = ([fake(t, body["target"]) for t in q] if isinstance(q, list)
                       else fake(q, body["target"]))
                self._answer(200, {"translatedText": out})

            def _answer(self, code, data):
                raw = json.dumps(data).encode()
                try:
                    self.send_response(code)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(raw)))
                    self.end_headers()
                    self.wfile.write(raw)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
