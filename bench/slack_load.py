"""Load on the Slack bot's HTTP mode, on loopback only: signed app_mention events sent at a given
concurrency to the real Bolt app on waitress, answered against a local stand-in of Slack's Web API.

    python -m bench.slack_load [--events 400] [--concurrency 32,64] [--index data/index]

Reports, per concurrency: connection errors (resets), HTTP statuses, ack latency (request to
response) p50/p95, answer latency (request to the answer's chat.update) p50/p95, and whether every
event was answered exactly once. Bounded: a fixed number of events, a timeout on each request and
on the whole run. Run from the repository root (it uses the stand-in in tests/).
"""

from __future__ import annotations

import argparse
import json
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.common import percentiles

SECRET = "load-test-secret"
QUESTIONS = ["How many troops has Turkey deployed to Idlib?", "Who blamed whom for the Idlib clashes?",
             "When was the Sochi memorandum signed?", "What did Erdogan threaten?"]


def run(index: Path, events: int, concurrency: int) -> dict:
    from bot.service import make_answerer
    from bot.settings import load_settings
    from bot.slack.app import create_app
    from bot.slack.run import serve_http
    from tests.slack_fake import FakeSlack, event_body, sign

    fake = FakeSlack()
    settings = load_settings({}, None, {"index": {"index_dir": index}, "slack": {
        "bot_token": "xoxb-load", "signing_secret": SECRET, "api_url": fake.api_url, "rate_limit_per_minute": 0,
        "feedback_log": Path("/tmp/newsbot-load-feedback.jsonl")}})
    app = create_app(settings, make_answerer(settings))
    server = serve_http(app, lambda: {"ok": True}, "127.0.0.1", 0, SECRET)
    import threading

    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/slack/events"
    sent: dict[str, float] = {}

    def send(i: int):
        ts = f"1800000000.{i:06d}"
        event = {"type": "app_mention", "user": f"U{i % 50}", "channel": "C1", "ts": ts,
                 "text": f"<@UBOT> {QUESTIONS[i % len(QUESTIONS)]}"}
        body = json.dumps(event_body(event, f"EvLoad{i}"))
        request = urllib.request.Request(url, data=body.encode(), method="POST",
                                         headers={"Content-Type": "application/json", **sign(body, SECRET)})
        started = time.monotonic()
        sent[ts] = started
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, (time.monotonic() - started) * 1000
        except urllib.error.HTTPError as error:
            return error.code, (time.monotonic() - started) * 1000
        except OSError as error:  # reset, refused, timed out
            return type(error).__name__, None

    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(send, range(events)))
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(fake.of("chat.update")) < events:
        time.sleep(0.2)
    placeholders = {c.ts: c.params.get("thread_ts") for c in fake.of("chat.postMessage")}
    per_event: dict[str, int] = {}
    answer_ms = []
    for update in fake.of("chat.update"):
        thread = placeholders.get(update.params.get("ts"))
        per_event[thread] = per_event.get(thread, 0) + 1
        if thread in sent:
            answer_ms.append((update.at - sent[thread]) * 1000)
    statuses: dict[str, int] = {}
    for status, _ in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    server.shutdown()
    fake.close()
    return {
        "events": events, "concurrency": concurrency, "statuses": statuses,
        "connection_errors": sum(1 for s, _ in results if not isinstance(s, int)),
        "ack_ms": percentiles([ms for _, ms in results if ms is not None]),
        "answer_ms": percentiles(answer_ms),
        "answered_exactly_once": sum(1 for n in per_event.values() if n == 1),
        "answered_twice_or_more": sum(1 for n in per_event.values() if n > 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=Path("data/index"))
    parser.add_argument("--events", type=int, default=400)
    parser.add_argument("--concurrency", default="32,64")
    args = parser.parse_args()
    for level in (int(c) for c in args.concurrency.split(",")):
        print(json.dumps(run(args.index, args.events, level)), flush=True)


if __name__ == "__main__":
    main()
