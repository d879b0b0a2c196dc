"""A static file server for a built site that compresses text with gzip, as GitHub Pages does.

Python's http.server sends files as they are; a page weighed through it would
count HTML, CSS and JavaScript at their full size, which no reader downloads.
Text types are gzipped (level 6, as nginx and Pages use) when the browser asks
for it, once per file; everything else is sent as it is.

    with serve_gzip(Path("site"), port=0) as url: ...
"""

from __future__ import annotations

import gzip
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSED_TYPES = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv", ".ics", ".tbx", ".map")


def gzip_bytes(data: bytes) -> bytes:
    """The bytes as the server sends them; mtime=0 so the same file always gives the same bytes."""
    return gzip.compress(data, compresslevel=6, mtime=0)


class GzipHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as every real server does; each response has a Content-Length
    cache: dict = {}

    def log_message(self, *args):  # one line per request would drown the bench's table
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().do_GET()  # the redirect to the folder's URL with a slash
            path = path / "index.html"
        if path.suffix not in COMPRESSED_TYPES or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().do_GET()
        key = (path, path.stat().st_mtime_ns)
        if key not in self.cache:
            self.cache[key] = gzip_bytes(path.read_bytes())
        body = self.cache[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_gzip(directory: Path, port: int = 0):
    """Serve `directory` on 127.0.0.1:`port` (0: any free port) in a thread; yields the base URL."""
    handler = partial(GzipHandler, directory=str(directory))
    with ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_port}/"
        finally:
            server.shutdown()
