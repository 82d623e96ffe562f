"""Transports: Socket Mode (default, no public URL) and the HTTP Events API (WSGI on waitress, with
/healthz and /readyz)."""

from __future__ import annotations

import io
import json
import logging
import signal
import threading
from urllib.parse import parse_qs

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.answer import Answerer
from bot.settings import Settings
from bot.slack.app import create_app
from index.errors import NewsbotError

log = logging.getLogger(__name__)


def run_socket_mode(settings: Settings, answerer: Answerer) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    if not settings.slack.bot_token or not settings.slack.app_token:
        raise NewsbotError("Socket Mode needs SLACK_BOT_TOKEN (xoxb-…) and SLACK_APP_TOKEN (xapp-…); "
                           "see README, 'Run it in Slack'.")
    app = create_app(settings, answerer)
    app.slack_bot.start_follow_checks(app.client)
    app.slack_bot.start_digest_clock(app.client)
    log.info("newsbot is connecting to Slack over Socket Mode")
    # Bolt's default ping every 10 s let a connection cut without a close frame look alive for ~52 s
    handler = SocketModeHandler(app, settings.slack.app_token.get(), ping_interval=PING_INTERVAL_S)
    try:
        handler.connect()
    except Exception as exc:  # a revoked token, Slack unreachable at start
        raise NewsbotError(f"cannot open a Socket Mode connection: {exc}") from exc
    down = supervise(handler.client, settings.slack.health_file, settings.slack.reconnect_give_up_s)
    handler.close()
    raise NewsbotError(f"the Socket Mode connection has been down for {down:.0f} s; exiting so that the "
                       "supervisor (Docker, systemd) restarts the bot")


PING_INTERVAL_S = 3.0  # Socket Mode pings; no pong for three of them means the connection is gone


def connection_alive(client) -> bool:
    """The client holds a connection that answered a ping within three ping intervals (a TCP
    connection cut without a close frame keeps its socket, so `is_connected` alone says yes)."""
    import time

    if not client.is_connected():
        return False
    session = client.current_session
    last = getattr(session, "last_ping_pong_time", None) or getattr(session, "_first_ping_time", None)
    return last is None or time.time() - last <= 3 * float(getattr(client, "ping_interval", PING_INTERVAL_S))


def supervise(client, health_file, give_up_s: float, every_s: float = 2.0, stop=None) -> float:
    """Watch a Socket Mode connection: while it is up, keep `health_file` fresh ({"connected": true,
    "at": …}; a probe checks its age); when it stays down for `give_up_s`, return how long it was down.
    The client reconnects by itself in the meantime; this only notices when it cannot."""
    import time
    from datetime import datetime, timezone
    from pathlib import Path

    stop = stop or threading.Event()
    last_up = time.monotonic()
    while not stop.is_set():
        now = time.monotonic()
        connected = connection_alive(client)
        if connected:
            last_up = now
        if health_file and str(health_file):
            path = Path(health_file)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_name(path.name + ".tmp")
                tmp.write_text(json.dumps({"connected": connected, "down_s": round(now - last_up, 1),
                                           "at": datetime.now(timezone.utc).isoformat(timespec="seconds")}))
                tmp.replace(path)
            except OSError:
                log.warning("cannot write the health file %s", path, exc_info=True)
        if now - last_up >= give_up_s:
            log.error("Socket Mode has been disconnected for %.0f s", now - last_up)
            return now - last_up
        stop.wait(every_s)
    return 0.0


MAX_BODY = 256 * 1024  # Slack's payloads are a few KB; larger bodies are refused before being read


def make_wsgi_app(app: App, health: callable, signing_secret: str, ready: callable | None = None):
    """/slack/events for Bolt (events, commands, interactions); /healthz (alive) and /readyz (an
    index is loaded) for probes. The signature is checked here, before anything is parsed: an
    unsigned or badly signed request gets 401 and one log line (never its body); a signed request
    whose body does not parse gets 400."""
    bolt = SlackRequestHandler(app)
    secret = signing_secret.encode() if signing_secret else None
    refusals = RefusalLog()

    def wsgi(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path in ("/healthz", "/readyz"):
            probe = health if path == "/healthz" else (ready or health)
            try:
                status, payload = "200 OK", probe()
            except Exception as exc:  # noqa: BLE001 — a probe reports, it does not raise
                status, payload = "503 Service Unavailable", {"ok": False, "error": str(exc)[:200]}
            return _reply(start_response, status, json.dumps(payload).encode(), "application/json")
        if path != "/slack/events":
            return _reply(start_response, "404 Not Found", b"not found")
        if environ.get("REQUEST_METHOD") != "POST":
            return _reply(start_response, "405 Method Not Allowed", b"POST only")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _reply(start_response, "400 Bad Request", b"bad content length")
        if length > MAX_BODY:
            return _reply(start_response, "413 Payload Too Large", b"too large")
        body = environ["wsgi.input"].read(length) if length else b""
        headers = {"x-slack-request-timestamp": environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", ""),
                   "x-slack-signature": environ.get("HTTP_X_SLACK_SIGNATURE", "")}
        if secret is not None and not signed(body, headers["x-slack-request-timestamp"],
                                             headers["x-slack-signature"], secret):
            refusals.add(environ.get("REMOTE_ADDR", "?"))
            return _reply(start_response, "401 Unauthorized", b"invalid request")
        problem, interactions = _parsed(body, environ.get("CONTENT_TYPE", ""))
        if problem:
            log.info("refused a signed request whose body does not parse: %s", problem)
            return _reply(start_response, "400 Bad Request", b"malformed body")
        shape = _misshapen(interactions[0]) if interactions else ""
        if shape:  # Bolt indexes these fields before any listener runs: a KeyError there was a traceback
            log.info("ignored a malformed interaction: %s", shape)
            return _reply(start_response, "200 OK", b"")
        environ["wsgi.input"] = io.BytesIO(body)
        return bolt(environ, start_response)

    return wsgi


def signed(body: bytes, timestamp: str, signature: str, secret: bytes, now: float | None = None) -> bool:
    """Slack's v0 signature over the raw bytes (the SDK's verifier decodes the body first, and a
    signed body of invalid UTF-8 had raised inside it: 500 and a traceback), within 5 minutes."""
    import hashlib
    import hmac
    import time

    if not timestamp.isdigit() or abs((now or time.time()) - int(timestamp)) > 300:
        return False
    expected = "v0=" + hmac.new(secret, b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


class RefusalLog:
    """Unsigned or badly signed requests, counted: the first is logged at once, then one summary a
    minute at most (1,450 a second had grown the log by 167 KB/s, one line each)."""

    def __init__(self, every_s: float = 60.0, clock=None) -> None:
        import time

        self.every_s, self._clock = every_s, clock or time.monotonic
        self._lock = threading.Lock()
        self._count, self._sources, self._last = 0, set(), None

    def add(self, source: str) -> None:
        with self._lock:
            self._count += 1
            if len(self._sources) < 20:
                self._sources.add(source)
            now = self._clock()
            if self._last is not None and now - self._last < self.every_s:
                return
            count, sources, self._count, self._sources, first = self._count, self._sources, 0, set(), self._last is None
            self._last = now
        if first:
            log.info("refused an unsigned or badly signed request from %s", ", ".join(sorted(sources)))
        else:
            log.info("refused %d unsigned or badly signed requests in the last %.0f s (from %s)", count,
                     self.every_s, ", ".join(sorted(sources)))


def _parsed(body: bytes, content_type: str) -> tuple[str, list]:
    """(why the body does not parse or "", [the interaction payload] when it is a form with one, else [])."""
    try:
        text = body.decode("utf-8")
        if content_type.startswith("application/json"):
            json.loads(text)
            return "", []
        payload = parse_qs(text, errors="strict").get("payload")  # bad bytes inside %-escapes too
        return "", [json.loads(p) for p in (payload or [])[:1]]
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # nested 20,000 deep: RecursionError
        return type(exc).__name__, []


def _misshapen(data: object) -> str:
    """What an interaction payload lacks that Bolt reads unguarded (a view's type, an action list), or ""."""
    if not isinstance(data, dict):
        return "the payload is not an object"
    kind = data.get("type")
    if kind in ("view_submission", "view_closed"):
        view = data.get("view")
        if not isinstance(view, dict) or not isinstance(view.get("type"), str) or not isinstance(view.get("callback_id"), str):
            return f"a {kind} without a view type and callback id"
    if kind == "block_actions":
        actions = data.get("actions")
        if not isinstance(actions, list) or not actions or not all(isinstance(a, dict) for a in actions):
            return "block_actions without a list of actions"
    if kind in ("message_action", "shortcut") and not isinstance(data.get("callback_id"), str):
        return f"a {kind} without a callback id"
    return ""


def _reply(start_response, status: str, body: bytes, content_type: str = "text/plain"):
    start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))])
    return [body]


class HttpServer:
    """waitress, a production WSGI server: a real listen backlog, idle and slow clients closed after
    `timeout_s` without holding a worker thread, bodies over the cap refused from their declared
    length, `threads` workers for Bolt. A request must arrive whole within `request_deadline_s`
    however slowly it drips (waitress's own timeout is for idleness: a client sending one header
    byte a second was never closed, and 1,050 of them filled the connection limit and stopped every
    real event for 40 s); connections are polled (no select() limit of 1,024) up to
    `connection_limit`, with the process's open-file limit raised to match."""

    def __init__(self, wsgi, host: str, port: int, *, threads: int = 8, backlog: int = 1024, timeout_s: int = 10,
                 request_deadline_s: float = 10.0, connection_limit: int = 4000) -> None:
        import time
        import types

        from waitress.channel import HTTPChannel
        from waitress.server import create_server

        connection_limit = _raise_file_limit(connection_limit)
        # waitress warns at every queued request under load ("Task queue depth is N"): one line per
        # request is noise, the load figures are in docs/BENCHMARKS.md
        logging.getLogger("waitress.queue").setLevel(logging.ERROR)
        self._server = create_server(wsgi, host=host, port=port, threads=threads, backlog=backlog,
                                     channel_timeout=timeout_s, cleanup_interval=1,
                                     max_request_body_size=MAX_BODY, max_request_header_size=32 * 1024,
                                     connection_limit=connection_limit, asyncore_use_poll=True,
                                     expose_tracebacks=False, ident="newsbot")

        class DeadlineChannel(HTTPChannel):
            request_started = 0.0

            def received(self, data):
                if data and self.request is None:  # these bytes begin a request
                    self.request_started = time.time()
                return super().received(data)

        self._server.channel_class = DeadlineChannel
        idle_maintenance = self._server.maintenance

        def maintenance(server, now):
            idle_maintenance(now)
            cutoff = now - request_deadline_s
            for channel in list(server.active_channels.values()):
                if channel.request is not None and 0 < getattr(channel, "request_started", 0) < cutoff:
                    channel.will_close = True  # still receiving a request begun too long ago

        self._server.maintenance = types.MethodType(maintenance, self._server)
        self.server_address = (host, self._server.effective_port)
        self._stopped = False

    def serve_forever(self) -> None:
        self._server.run()

    def shutdown(self) -> None:
        """Stop accepting and close the connections (inside the server's own loop, which then ends),
        then let the workers finish what they hold."""
        if self._stopped:
            return
        self._stopped = True
        done = threading.Event()

        def stop() -> None:
            for channel in list(self._server._map.values()):
                channel.close()  # the listening socket, the connections, and last the wake-up pipe
            done.set()

        try:
            self._server.trigger.pull_trigger(stop)
            done.wait(5)
        except OSError:  # the loop has already ended (its wake-up pipe is closed)
            stop()
        self._server.task_dispatcher.shutdown()

    def server_close(self) -> None:
        pass


def _raise_file_limit(wanted: int) -> int:
    """Raise this process's open-file limit towards `wanted` connections (plus room for its own
    files); the connection limit the limit allows."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = wanted + 256
    if soft != resource.RLIM_INFINITY and soft < need:
        target = need if hard == resource.RLIM_INFINITY else min(need, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass
    return wanted if soft == resource.RLIM_INFINITY else max(64, min(wanted, soft - 256))


def serve_http(app: App, health, host: str, port: int, signing_secret: str = "", ready=None, **options) -> HttpServer:
    return HttpServer(make_wsgi_app(app, health, signing_secret, ready), host, port, **options)


def run_http(settings: Settings, answerer: Answerer, host: str, port: int) -> None:
    if not settings.slack.bot_token or not settings.slack.signing_secret:
        raise NewsbotError("HTTP mode needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET; see README, 'Run it in Slack'.")
    app = create_app(settings, answerer)
    app.slack_bot.start_follow_checks(app.client)
    app.slack_bot.start_digest_clock(app.client)

    def health():
        return {"ok": True, **app.slack_bot.counts()}

    def ready():
        version = answerer.retriever.reader.snapshot()
        return {"ok": True, "index_version": version.name, "chunks": len(version)}

    server = serve_http(app, health, host, port, settings.slack.signing_secret.get(), ready)
    log.info("newsbot serving Slack events on http://%s:%d/slack/events", host, port)

    stopping = threading.Event()

    def stop(signum, frame):  # SIGTERM from Docker or systemd, or Ctrl-C
        # no exception into the server's loop (waitress caught a KeyboardInterrupt itself and the
        # drain never ran): close the listener from another thread, serve_forever then returns
        if not stopping.is_set():
            stopping.set()
            threading.Thread(target=server.shutdown, name="shutdown", daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    server.serve_forever()
    drain_s = settings.slack.drain_s
    log.info("stopping: no new requests; finishing the answers under way (up to %.0f s)", drain_s)
    server.shutdown()
    if not app.slack_bot.drain(drain_s):
        sorry = app.slack_bot.apologise_unfinished(app.client)
        log.warning("%d answer(s) still being written after %.0f s: apologised in their threads; exiting",
                    sorry, drain_s)
    else:
        log.info("every answer under way was posted; exiting")
    _exit_now()


def _exit_now() -> None:
    """Exit 0 at once: a listener still blocked on a slow Slack API would otherwise keep the
    process alive at interpreter exit (its executor's threads are joined), long past the drain."""
    import os
    import sys

    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
