"""Resources an editor (or a hostile site) could tie up: fetches, uploads, training jobs, login attempts."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from annotation.intake.fetch import FetchError, fetch_url


class _Trickle(BaseHTTPRequestHandler):
    """Headers at once, then one byte every 0.2 s: each byte restarts a socket timeout."""

    def do_GET(self):
        body = b"<p>" + b"x" * 40 + b"</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            for byte in body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def trickling_url(settings):
    settings.MARSAD_FETCH_ALLOW_PRIVATE = True
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Trickle)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/slow"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_has_an_overall_deadline(trickling_url):
    # Each byte arrives well within the 1 s timeout; the whole page would take 9 s.
    with pytest.raises(FetchError, match="within 1 seconds"):
        fetch_url(trickling_url, timeout=1)
