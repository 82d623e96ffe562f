"""Scheduled digests: `/newsbot digest daily 08:00 [Europe/Berlin] [topic]` posts a channel's digest
every day at that time in the workspace's zone (setting `slack.timezone`) or the one named.

Schedules live in the Slack state (memory, SQLite or Redis: kind "digest"), so they survive a
restart and every replica sees them. Each replica's clock loop calls `DigestScheduler.tick()`; an
occurrence is claimed with the state's `first_time` (Redis `SET NX`, SQLite `INSERT OR IGNORE`), so
exactly one replica posts it. A digest missed while no replica ran is posted once on return when it
is less than `late_s` (an hour) late, else skipped with one log line. Time comes from an injectable
clock: tests move it, they never sleep.
"""

from __future__ import annotations

import logging
import re
import secrets
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

log = logging.getLogger(__name__)
KIND = "digest"
MAX_PER_CHANNEL = 10
LATE_S = 3600.0  # a digest more than an hour late is skipped: a stale "this morning" post helps no one
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class Schedule:
    id: str
    channel: str
    at: str  # "08:00", local to `tz`
    tz: str  # an IANA zone name
    topic: str  # "" for everything new
    user: str  # who set it up
    handled: str  # the last occurrence posted or skipped (ISO, UTC)

    def describe(self) -> str:
        what = f"“{self.topic}”" if self.topic else "all stories"
        return f"`{self.id}` daily at {self.at} ({self.tz}): {what}"


class ScheduleError(ValueError):
    """A schedule request that cannot be understood; the message says what to type."""


def parse_request(text: str, default_tz: str) -> tuple[str, str, str]:
    """"08:00 [zone] [topic]" → (at, tz, topic)."""
    words = text.split()
    when = _TIME.match(words[0]) if words else None
    if when is None:
        raise ScheduleError("Say when, as HH:MM: `/newsbot digest daily 08:00 [Europe/Berlin] [topic]`.")
    hour, minute = when.groups()
    at, rest = f"{int(hour):02d}:{minute}", words[1:]
    tz = default_tz
    if rest and ("/" in rest[0] or rest[0].upper() == "UTC"):
        tz, rest = rest[0], rest[1:]
    zone(tz)
    return at, tz, " ".join(rest)[:200]


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo("UTC" if name.upper() == "UTC" else name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"“{name}” is not a time zone I know; use a name like Europe/Berlin or UTC.") from None


def last_occurrence(at: str, tz: str, now: datetime) -> datetime:
    """The latest `at` in zone `tz` that is not after `now` (aware), in UTC. A local time that a
    daylight-saving change skips is taken as the wall clock reads it (zoneinfo's fold rules)."""
    local = now.astimezone(zone(tz))
    hour, minute = (int(x) for x in at.split(":"))
    due = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if due > local:
        due = (local - timedelta(days=1)).replace(hour=hour, minute=minute, second=0, microsecond=0)
    return due.astimezone(timezone.utc)


class DigestScheduler:
    """Schedules kept in a `SlackState`."""

    def __init__(self, state, *, default_tz: str = "UTC", clock: Callable[[], float] = time.time,
                 late_s: float = LATE_S) -> None:
        self.state = state
        self.default_tz = default_tz
        self.clock = clock
        self.late_s = late_s

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), timezone.utc)

    def schedules(self, channel: str | None = None) -> list[Schedule]:
        found = []
        for key, value in self.state.records(KIND).items():
            try:
                found.append(Schedule(**{**value, "id": key}))
            except TypeError:
                log.warning("ignored a digest schedule record that does not parse: %s", key)
        return sorted((s for s in found if channel is None or s.channel == channel), key=lambda s: (s.at, s.id))

    def add(self, channel: str, user: str, text: str) -> Schedule:
        at, tz, topic = parse_request(text, self.default_tz)
        mine = self.schedules(channel)
        if len(mine) >= MAX_PER_CHANNEL:
            raise ScheduleError(f"This channel has {len(mine)} digests scheduled; stop one first (`/newsbot digest stop ID`).")
        for s in mine:
            if (s.at, s.tz, s.topic.lower()) == (at, tz, topic.lower()):
                raise ScheduleError(f"That digest is already scheduled here: {s.describe()}.")
        # the occurrence already past when it is set up is not owed
        handled = last_occurrence(at, tz, self.now()).isoformat()
        schedule = Schedule(secrets.token_hex(3), channel, at, tz, topic, user, handled)
        self.state.put_record(KIND, schedule.id, _record(schedule))
        return schedule

    def stop(self, channel: str, which: str) -> list[Schedule]:
        """Stop one schedule of the channel by id, or all of them ("all")."""
        gone = [s for s in self.schedules(channel) if which == "all" or s.id == which]
        for s in gone:
            self.state.drop_record(KIND, s.id)
        return gone

    def tick(self, post: Callable[[Schedule], None]) -> list[tuple[str, str]]:
        """Post every digest that is due with `post(schedule)` (raises on failure); returns
        (schedule id, "posted" | "skipped" | "failed")."""
        now = self.now()
        done = []
        for schedule in self.schedules():
            due = last_occurrence(schedule.at, schedule.tz, now)
            if schedule.handled and datetime.fromisoformat(schedule.handled) >= due:
                continue
            if not self.state.first_time(f"digest:{schedule.id}:{due.isoformat()}"):
                continue  # another replica has it
            late = (now - due).total_seconds()
            outcome = "skipped"
            if late > self.late_s:
                log.warning("the %s digest for %s (%s) was due at %s and is %.0f min late: skipped",
                            schedule.at, schedule.channel, schedule.id, due.isoformat(), late / 60)
            else:
                try:
                    post(schedule)
                    outcome = "posted"
                except Exception:
                    log.exception("posting the %s digest to %s failed; it is not retried", schedule.at, schedule.channel)
                    outcome = "failed"
            current = self.state.records(KIND).get(schedule.id)
            if current is not None:  # not stopped meanwhile
                self.state.put_record(KIND, schedule.id, {**current, "handled": due.isoformat()})
            done.append((schedule.id, outcome))
        return done


def _record(schedule: Schedule) -> dict:
    record = asdict(schedule)
    record.pop("id")
    return record
