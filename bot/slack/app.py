"""Builds the Bolt App: the same app serves Socket Mode and the HTTP Events API."""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from bot.answer import Answerer
from bot.settings import Settings
from bot.slack import desk, listeners

log = logging.getLogger(__name__)


def make_client(settings: Settings) -> WebClient:
    base = settings.slack.api_url if settings.slack.api_url.endswith("/") else settings.slack.api_url + "/"
    return WebClient(
        token=settings.slack.bot_token.get() or None,
        base_url=base,  # trailing slash matters: the SDK joins method names onto it
        retry_handlers=[ConnectionErrorRetryHandler(max_retry_count=1), RateLimitErrorRetryHandler(max_retry_count=2)],
    )


def create_app(settings: Settings, answerer: Answerer, client: WebClient | None = None,
               *, token_verification_enabled: bool = True, state=None) -> App:
    """The Bolt app; `state` (a `bot.slack.state.SlackState`) defaults to this process's memory."""
    secret = settings.slack.signing_secret.get()
    app = App(
        client=client or make_client(settings),
        signing_secret=secret or None,
        request_verification_enabled=bool(secret),
        token_verification_enabled=token_verification_enabled,
        logger=logging.getLogger("newsbot.slack"),
    )
    app.slack_bot = listeners.SlackBot(settings, answerer, state)  # state shared by the listeners
    listeners.register(app, app.slack_bot)
    app.desk = desk.register(app, app.slack_bot)  # App Home, unfurls, shortcuts

    @app.error
    def on_error(error, body, logger):  # noqa: ANN001 — Bolt injects by name
        logger.exception("unhandled error in a Slack listener: %s", error)

    return app
