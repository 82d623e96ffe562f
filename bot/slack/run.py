"""Transports: Socket Mode (default, no public URL) and the HTTP Events API (WSGI, with /healthz)."""

from __future__ import annotations

import json
import logging
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

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
    log.info("newsbot is connecting to Slack over Socket Mode")
    SocketModeHandler(app, settings.slack.app_token.get()).start()


def make_wsgi_app(app: App, health: callable):
    """/slack/events for Bolt (events, commands, interactions), /healthz for probes."""
    bolt = SlackRequestHandler(app)

    def wsgi(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == "/healthz":
            body = json.dumps(health()).encode()
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        if path != "/slack/events":
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"not found"]
        # Bolt answers 500 to a non-numeric timestamp; it is a bad request signature, so 401
        stamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", "")
        if environ.get("REQUEST_METHOD") == "POST" and not stamp.isdigit():
            start_response("401 Unauthorized", [("Content-Type", "text/plain")])
            return [b"invalid request"]
        return bolt(environ, start_response)

    return wsgi


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 — stdlib signature
        log.debug("%s - %s", self.address_string(), format % args)


def serve_http(app: App, health, host: str, port: int):
    return make_server(host, port, make_wsgi_app(app, health), server_class=_ThreadingServer,
                       handler_class=_QuietHandler)


def run_http(settings: Settings, answerer: Answerer, host: str, port: int) -> None:
    if not settings.slack.bot_token or not settings.slack.signing_secret:
        raise NewsbotError("HTTP mode needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET; see README, 'Run it in Slack'.")
    app = create_app(settings, answerer)

    def health():
        version = answerer.retriever.reader.snapshot()
        return {"ok": True, "index_version": version.name, "chunks": len(version)}

    server = serve_http(app, health, host, port)
    log.info("newsbot serving Slack events on http://%s:%d/slack/events", host, port)
    server.serve_forever()
