"""A live webhook receiver for the suite: an HTTP server on 127.0.0.1 in a
thread, recording every request, answering 500 to the first ``fail_first``
ones and 200 after."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes


@dataclass
class Receiver:
    fail_first: int = 0
    requests: list[Received] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None
    body: bytes = b"ok"
    #: Seconds the first request waits before it is answered.
    delay_first: float = 0

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/hook"

    def __enter__(self) -> Receiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, status: int, body: bytes, kind: str = "text/plain"):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                receiver.requests.append(Received(self.path, dict(self.headers), body))
                if len(receiver.requests) == 1 and receiver.delay_first:
                    time.sleep(receiver.delay_first)
                if len(receiver.requests) <= receiver.fail_first:
                    self._answer(500, b"try later")
                else:
                    self._answer(200, b"ok")

            def do_GET(self):
                self._answer(200, receiver.body, "application/atom+xml")

            def log_message(self, *args):
                pass

            def handle(self):
                # A client that went away (a killed worker) is not an error.
                try:
                    super().handle()
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
