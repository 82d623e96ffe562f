"""The HTTP client for feeds and article pages: timeouts, conditional requests, redirects, gzip,
a size cap per response, a polite delay between requests to one host, http/https only, public
addresses only and a total deadline per response (index/safe_net.py, on every redirect hop)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpcore
import httpx

from index.errors import NewsbotError
from index.safe_net import AddressPolicy, GuardedBackend, RefusedAddress

USER_AGENT = "newsbot/0.1 (news question answering; feed reader; +https://github.com/newsbot)"


class FetchError(NewsbotError):
    """A request that gave no usable body; the message says why, in a few words."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 when the validators matched (then body is empty)
    body: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""


@dataclass
class Fetcher:
    timeout_s: float = 10.0
    max_bytes: int = 5 * 1024 * 1024
    host_delay_s: float = 1.0  # between two requests to the same host
    user_agent: str = USER_AGENT
    # hosts, addresses or CIDR ranges that may be internal (an intranet feed); nothing else private
    allow_private: tuple[str, ...] = ()
    total_s: float = 30.0  # a whole response (headers and body, however slowly they drip)
    _last: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _client: httpx.Client | None = None

    def get(self, url: str, etag: str = "", last_modified: str = "") -> Fetched:
        check_url(url)
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        self._wait_for(urlsplit(url).hostname or "")
        started = time.monotonic()
        try:
            with self.client().stream("GET", url, headers=headers) as response:
                final = str(response.url)
                check_url(final)  # a redirect to file:// or ftp:// is refused too
                if response.status_code == 304:
                    return Fetched(final, 304, etag=etag, last_modified=last_modified)
                if response.status_code >= 400:
                    raise FetchError(f"HTTP {response.status_code}")
                declared = int(response.headers.get("content-length") or 0)
                if declared > self.max_bytes and "gzip" not in response.headers.get("content-encoding", ""):
                    raise FetchError(f"too large ({declared} bytes > {self.max_bytes})")
                body = bytearray()
                for part in response.iter_bytes():  # decoded (gzip) bytes: the cap is on what we keep
                    body.extend(part)
                    if len(body) > self.max_bytes:
                        raise FetchError(f"too large (over {self.max_bytes} bytes)")
                return Fetched(final, response.status_code, bytes(body),
                               response.headers.get("content-type", ""),
                               response.headers.get("etag", ""), response.headers.get("last-modified", ""))
        except RefusedAddress as exc:
            raise FetchError(str(exc)) from None
        except httpx.TimeoutException:
            if time.monotonic() - started >= self.total_s:
                raise FetchError(f"timed out: the response took longer than {self.total_s:g} s in all") from None
            raise FetchError(f"timed out after {self.timeout_s:g} s") from None
        except httpx.TooManyRedirects:
            raise FetchError("too many redirects") from None
        except httpx.DecodingError as exc:
            raise FetchError(f"bad compressed body ({exc})") from None
        except httpx.HTTPError as exc:
            raise FetchError(_network_reason(exc)) from None

    def client(self) -> httpx.Client:
        if self._client is None:
            transport = httpx.HTTPTransport(retries=0)
            # every connection through the guarded backend; none kept alive, so each request (and
            # each redirect hop) connects anew: its address is checked and its deadline starts
            transport._pool = httpcore.ConnectionPool(
                ssl_context=httpx.create_ssl_context(), max_connections=20, max_keepalive_connections=0,
                network_backend=GuardedBackend(AddressPolicy(tuple(self.allow_private)), self.total_s))
            self._client = httpx.Client(transport=transport, timeout=self.timeout_s, follow_redirects=True,
                                        max_redirects=5, trust_env=False)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _wait_for(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            due = self._last.get(host, 0.0) + self.host_delay_s
            self._last[host] = max(now, due)
        if due > now:
            time.sleep(due - now)


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url!r}")


def _network_reason(exc: httpx.HTTPError) -> str:
    text = str(exc) or type(exc).__name__
    if "Name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
        return "host not found (DNS)"
    if "Connection refused" in text:
        return "connection refused"
    return text.splitlines()[0][:200]
