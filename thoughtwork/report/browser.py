"""Showing a report in the browser without writing it anywhere.

A decrypted report must never be left on disk as a plain file, and a browser opens files or
addresses, not memory. So the page is served once from memory on the loopback interface, at
an address with a random, unguessable path, with `Cache-Control: no-store`; the server stops
after that one page (or after `timeout` seconds if nobody asks). Nothing leaves the computer.
"""

from __future__ import annotations

import secrets
import threading
import webbrowser
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TIMEOUT = 120.0


class BrowserProblem(RuntimeError):
    """The page could not be offered to a browser; the message is one plain sentence."""


def serve_once(html: str, opener: Callable[[str], bool] = webbrowser.open, timeout: float = TIMEOUT) -> threading.Thread:
    """Serve `html` once at a random loopback address and ask `opener` to open it.

    Returns the serving thread (it ends after the page is fetched or the timeout passes)."""
    body = html.encode("utf-8")
    path = "/" + secrets.token_urlsafe(24)
    served = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            if self.path != path or served.is_set():
                self.send_error(404)
                return
            served.set()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("Referrer-Policy", "no-referrer")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # request lines would go to the terminal under the review app

    try:
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    except OSError as error:
        raise BrowserProblem(f"The report could not be offered to your browser ({error.strerror or 'no local port'}).") from None
    url = f"http://127.0.0.1:{server.server_address[1]}{path}"

    def run() -> None:
        server.timeout = 0.2
        waited = 0.0
        try:
            while not served.is_set() and waited < timeout:
                server.handle_request()
                waited += server.timeout
        finally:
            server.server_close()

    thread = threading.Thread(target=run, name="thoughtwork-report-page", daemon=True)
    thread.start()
    if not opener(url):
        served.set()
        thread.join()
        raise BrowserProblem("No browser could be opened from here; read the report in this window instead.")
    return thread
