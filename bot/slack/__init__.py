"""The Slack layer: translates Slack events to `Answerer` calls and answers to Block Kit."""

from bot.slack.app import create_app

__all__ = ["create_app"]
