"""A local news site over real HTTP on 127.0.0.2 (`HOST`: the one internal address the feed tests
allow, so 127.0.0.1 stays refused): feeds in several formats, article pages, and the
ways a real site fails. Tests change `site.routes` while it runs and read `site.requests`."""

from __future__ import annotations

import gzip
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

Response = tuple[int, dict[str, str], bytes]
HOST = "127.0.0.2"


@dataclass
class Story:
    slug: str
    title: str
    text: str  # paragraphs separated by blank lines
    published: str  # RFC 822 for RSS, e.g. "Mon, 06 Feb 2023 09:00:00 GMT"
    iso: str  # the same date, ISO 8601, for Atom and RDF
    summary: str = ""


def page(story: Story) -> bytes:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in story.text.split("\n\n"))
    return (f"<html><head><title>{escape(story.title)}</title>"
            f'<meta property="og:site_name" content="Local Wire"></head><body>'
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{escape(story.title)}</h1>{paragraphs}</article>"
            f"<footer>© Local Wire</footer></body></html>").encode()


def rss(title: str, base: str, stories: list[Story], full: bool = True, guid_prefix: str = "") -> bytes:
    items = []
    for s in stories:
        body = (f"<content:encoded><![CDATA[{''.join(f'<p>{p}</p>' for p in s.text.split(chr(10) * 2))}]]>"
                "</content:encoded>") if full else ""
        items.append(
            f"<item><title>{escape(s.title)}</title><link>{base}/news/{s.slug}.html?utm_source=rss&amp;id=1</link>"
            f"<guid isPermaLink='false'>{guid_prefix}{s.slug}</guid><pubDate>{s.published}</pubDate>"
            f"<description>{escape(s.summary or s.text.split(chr(10))[0][:200])}</description>{body}</item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>{escape(title)}</title>'
            f"<link>{base}/</link><description>news</description>{''.join(items)}</channel></rss>").encode()


def atom(title: str, base: str, stories: list[Story]) -> bytes:
    entries = "".join(
        f"<entry><title>{escape(s.title)}</title><id>urn:local:{s.slug}</id>"
        f"<link href='{base}/atom/{s.slug}.html'/><updated>{s.iso}</updated><published>{s.iso}</published>"
        f"<author><name>Staff</name></author>"
        f"<content type='html'>{escape(''.join(f'<p>{p}</p>' for p in s.text.split(chr(10) * 2)))}</content></entry>"
        for s in stories)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>urn:local:feed</id><updated>2023-02-07T00:00:00Z</updated>"
            f"{entries}</feed>").encode()


def rdf(title: str, base: str, stories: list[Story]) -> bytes:
    seq = "".join(f"<rdf:li resource='{base}/rdf/{s.slug}.html'/>" for s in stories)
    items = "".join(
        f"<item rdf:about='{base}/rdf/{s.slug}.html'><title>{escape(s.title)}</title>"
        f"<link>{base}/rdf/{s.slug}.html</link><description>{escape(s.text)}</description>"
        f"<dc:date>{s.iso}</dc:date></item>" for s in stories)
    return ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<channel rdf:about='{base}/rdf.xml'><title>{escape(title)}</title><link>{base}/</link>"
            f"<description>news</description><items><rdf:Seq>{seq}</rdf:Seq></items></channel>"
            f"{items}</rdf:RDF>").encode()


def ok(body: bytes, kind: str = "application/rss+xml", **headers: str) -> Response:
    return 200, {"Content-Type": kind, **headers}, body


def with_etag(body: bytes, etag: str, kind: str = "application/rss+xml"):
    """A handler answering 304 when the client sends the same ETag back."""

    def handler(headers: dict[str, str]) -> Response:
        if headers.get("if-none-match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": kind, "ETag": etag, "Last-Modified": "Tue, 07 Feb 2023 10:00:00 GMT"}, body

    return handler


def gzipped(body: bytes, kind: str = "application/rss+xml") -> Response:
    return 200, {"Content-Type": kind, "Content-Encoding": "gzip"}, gzip.compress(body)


def slow(seconds: float, body: bytes = b"<rss/>"):
    def handler(headers: dict[str, str]) -> Response:
        time.sleep(seconds)
        return ok(body)

    return handler


def redirect(to: str) -> Response:
    return 301, {"Location": to}, b""


@dataclass
class NewsSite:
    routes: dict[str, object] = field(default_factory=dict)  # path → Response or handler(headers)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    request_times: list[tuple[float, str]] = field(default_factory=list)  # (time.monotonic(), path)
    server: ThreadingHTTPServer | None = None
    host: str = HOST

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.server.server_address[1]}"

    def start(self) -> NewsSite:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the http.server name)
                path = self.path.split("?", 1)[0]
                headers = {k.lower(): v for k, v in self.headers.items()}
                site.requests.append((self.path, headers))
                site.request_times.append((time.monotonic(), path))
                route = site.routes.get(path)
                if route is None:
                    status, extra, body = 404, {"Content-Type": "text/plain"}, b"not found"
                else:
                    status, extra, body = route(headers) if callable(route) else route
                try:
                    self.send_response(status)
                    for k, v in extra.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer((self.host, 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    def paths_requested(self) -> list[str]:
        return [p.split("?", 1)[0] for p, _ in self.requests]
