"""A local stand-in for Slack's Web API (and Socket Mode's WebSocket), recording every call.

It answers like Slack does (`ok: true`, a `ts` for posted messages), can answer 429 with
Retry-After, and serves `response_url` posts for slash commands. Port 0: never a fixed port.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


@dataclass
class Call:
    method: str
    params: dict
    headers: dict = field(default_factory=dict)
    at: float = field(default_factory=time.monotonic)  # when the call arrived
    ts: str = ""  # the ts this stand-in answered with (posted messages)


class FakeSlack:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.rate_limit_next: dict[str, int] = {}  # method → how many 429s to answer first
        self.socket_url = ""
        self.threads: dict[tuple[str, str], list[dict]] = {}  # (channel, thread ts) → its messages
        self.refuse: set[str] = set()  # methods answered with ok: false (e.g. streaming not allowed)
        self.delay: dict[str, float] = {}  # method → seconds to wait before answering (a slow Slack)
        self._ts = itertools.count(1)
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # conversations.replies and friends are GETs with a query string
                path, _, query = self.path.partition("?")
                self._answer(path, {k: v[0] for k, v in parse_qs(query).items()})

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode() if length else ""
                if "json" in (self.headers.get("Content-Type") or ""):
                    params = json.loads(raw or "{}")
                else:
                    params = {k: v[0] for k, v in parse_qs(raw).items()}
                self._answer(self.path, params)

            def _answer(self, path, params):
                method = path.removeprefix("/api/")
                status, body, extra = fake.respond(method, params, dict(self.headers))
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                for key, value in extra.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.api_url = f"{self.url}/api/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def respond(self, method: str, params: dict, headers: dict) -> tuple[int, dict, dict]:
        call = Call(method, params, headers)
        if self.delay.get(method):
            time.sleep(self.delay[method])
        with self._lock:
            self.calls.append(call)
            if self.rate_limit_next.get(method):
                self.rate_limit_next[method] -= 1
                return 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"}
        if method == "auth.test":
            return 200, {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1", "user": "newsbot"}, {}
        if method == "conversations.replies":
            messages = self.threads.get((params.get("channel"), params.get("ts")))
            if messages is None:
                return 200, {"ok": False, "error": "thread_not_found"}, {}
            return 200, {"ok": True, "messages": messages, "has_more": False}, {}
        if method == "apps.connections.open":
            return 200, {"ok": True, "url": self.socket_url}, {}
        if method in self.refuse:
            return 200, {"ok": False, "error": "not_allowed_token_type"}, {}
        if method in ("chat.postMessage", "chat.update", "chat.postEphemeral", "chat.startStream"):
            ts = params.get("ts") or f"1700000000.{next(self._ts):06d}"
            call.ts = ts
            return 200, {"ok": True, "channel": params.get("channel"), "ts": ts, "message_ts": ts}, {}
        return 200, {"ok": True}, {}

    def of(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 60) -> list[Call]:
        deadline = time.time() + timeout
        while time.time() < deadline:
            found = self.of(method)
            if len(found) >= count:
                return found
            time.sleep(0.05)
        raise AssertionError(f"expected {count} {method} call(s), got {len(self.of(method))}: {self.calls}")

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def sign(body: str, secret: str, timestamp: int | None = None) -> dict[str, str]:
    """Headers of a request signed the way Slack signs it."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    base = f"v0:{timestamp}:{body}".encode()
    signature = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": signature}


def event_body(event: dict, event_id: str, team: str = "T1") -> dict:
    return {
        "token": "legacy", "team_id": team, "api_app_id": "A1", "type": "event_callback",
        "event_id": event_id, "event_time": int(time.time()), "event": event,
        "authorizations": [{"team_id": team, "user_id": "UBOT", "is_bot": True}],
    }
