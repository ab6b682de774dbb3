"""A local HTTP server for fetch and feed tests (this machine has no internet)."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Routes(BaseHTTPRequestHandler):
    routes: dict = {}

    def do_GET(self):
        route = self.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        status, content_type, body, delay = route
        if delay:
            time.sleep(delay)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


class LocalServer:
    def __init__(self):
        handler = type("Handler", (Routes,), {"routes": {}})
        self.routes = handler.routes
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def add(self, path, body, content_type="text/html; charset=utf-8", status=200, delay=0):
        self.routes[path] = (status, content_type, body if isinstance(body, bytes) else body.encode("utf-8"), delay)
        return self.url(path)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def closed_port_url():
    """An address on 127.0.0.1 where nothing listens: a connection refused, as when offline."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/page"
