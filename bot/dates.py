"""Dates in news text resolved against the article's publication date (pure).

News writes "said Wednesday", "on Feb. 3", "last month", "yesterday": the day meant is found from
the date the article was published, the way a reader does. A weekday is the latest such day on or
before publication ("Wednesday" in an article of Friday 3 February 2023 is 1 February); a month and
day without a year takes the publication year, or the year before when that would put it more
than a month after publication, or the year after when that puts it within three months after
publication and the publication year more than nine months before ("airs Jan. 10" in December).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTH_NUMBERS = {m: i for i, names in enumerate([
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
    ("nov", "november"), ("dec", "december")], 1) for m in names}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_FULL = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}\s+(\d{{4}})\b", re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# a weekday, not a feast or a named day ("a Holy Thursday Mass in April 2012", "Good Friday", "Black Friday"): those
# are days of their own calendar, not of the article's week
_WEEKDAY = re.compile(r"\b(?<!holy )(?<!good )(?<!easter )(?<!palm )(?<!ash )(?<!maundy )(?<!black )(?<!cyber )"
                      r"(?<!bloody )(?:(last|this|next)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
# any of the above, in one pass: most sentences name no date, and this one test skips the seven
# searches for them (timelines resolve a few thousand sentences per topic; 0.5 s -> ~0.1 s)
# (matched against the lowercased text: twice as fast as re.I here)
_ANY = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|day\b|tomorrow|tonight|last (?:night|week|month|year)|"
                  r"this (?:morning|year)")
# a sentence framed in a past month or year from its first words ("In March 2019, Ardern faced … during Friday
# prayers"): its weekdays belong to that time, not to the article's week
_FRAME = re.compile(rf"^\W*(?:in|by|during|until)\s+(?:(?:early|late|mid)[- ])?(?:{_MONTH}\s+)?(\d{{4}})\b", re.I)
_LAST_MONTH_NAMED = re.compile(rf"\blast\s+{_MONTH}(?![a-z])(?!\s*\d)", re.I)  # "last October": the latest October before this month
_RELATIVE = re.compile(r"\b(today|yesterday|tomorrow|last night|this morning|last week|last month|last year|this year)\b", re.I)


@dataclass(frozen=True)
class ResolvedDate:
    day: date
    precision: str  # "day" | "month" | "year"
    how: str  # "stated" (the text gives the full date) or what it was resolved from

    def iso(self) -> str:
        return self.day.isoformat() if self.precision == "day" else self.day.isoformat()[: 7 if self.precision == "month" else 4]


def readable_date(iso: str) -> str:
    """"2023-02-08" → "February 8, 2023"; "2023-02" → "February 2023"; a year stays as it is."""
    if len(iso) == 10:
        day = date.fromisoformat(iso)
        return f"{day:%B} {day.day}, {day.year}"
    if len(iso) == 7:
        return date.fromisoformat(iso + "-01").strftime("%B %Y")
    return iso


def published_date(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def resolve_date(text: str, published: date | None, ahead: bool = False) -> ResolvedDate | None:
    """The first date a phrase or sentence names, made absolute (None when it names none). A day
    without a year is taken as the nearest past one (news reports what happened), or with `ahead`
    (the sentence tells what will happen) as the next one from the article's date."""
    return _resolve(text, published, ahead) if _ANY.search(text.lower()) else None


def _resolve(text: str, published: date | None, ahead: bool = False) -> ResolvedDate | None:
    for pattern, order in ((_FULL, "mdy"), (_DAY_MONTH_YEAR, "dmy")):
        match = pattern.search(text)
        if match:
            groups = match.groups()
            month_name, day, year = (groups[0], groups[1], groups[2]) if order == "mdy" else (groups[1], groups[0], groups[2])
            made = _make(int(year), _MONTH_NUMBERS[month_name.lower().rstrip(".")], int(day))
            if made:
                return ResolvedDate(made, "day", "stated")
    match = _ISO.search(text)
    if match:
        made = _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if made:
            return ResolvedDate(made, "day", "stated")
    if published is None:
        return None
    match = _MONTH_DAY.search(text)
    if match:
        month, day = _MONTH_NUMBERS[match.group(1).lower().rstrip(".")], int(match.group(2))
        made = _make(published.year, month, day)
        if ahead:  # "plans to end the emergency on May 11": this year's, unless that has passed
            if made and made < published:
                made = _make(published.year + 1, month, day)
        elif made and made - published > timedelta(days=31):
            made = _make(published.year - 1, month, day)
        elif made and published - made > timedelta(days=273):  # "airs Jan. 10" in a December article
            later = _make(published.year + 1, month, day)
            if later and later - published <= timedelta(days=92):
                made = later
        if made:
            return ResolvedDate(made, "day", f"“{match.group(0)}” in an article of {published.isoformat()}")
    match = _WEEKDAY.search(text)
    if match:
        which, name = (match.group(1) or "").lower(), match.group(2).lower()
        back = (published.weekday() - _WEEKDAYS.index(name)) % 7
        if which == "last" and back == 0:
            back = 7
        forward = (_WEEKDAYS.index(name) - published.weekday()) % 7
        if which == "next":
            made = published + timedelta(days=forward or 7)
        elif ahead and which != "last":  # "will lie in state from Monday": the coming Monday
            made = published + timedelta(days=forward)
        else:
            made = published - timedelta(days=back)
        return ResolvedDate(made, "day", f"“{match.group(0)}” in an article of {published.isoformat()}")
    match = _LAST_MONTH_NAMED.search(text)
    if match:
        month = _MONTH_NUMBERS[match.group(1).lower().rstrip(".")]
        year = published.year if month < published.month else published.year - 1
        return ResolvedDate(date(year, month, 1), "month", f"“{match.group(0)}” in an article of {published.isoformat()}")
    match = _RELATIVE.search(text)
    if match:
        word = match.group(1).lower()
        how = f"“{match.group(0)}” in an article of {published.isoformat()}"
        if word in {"today", "this morning"}:
            return ResolvedDate(published, "day", how)
        if word in {"yesterday", "last night"}:
            return ResolvedDate(published - timedelta(days=1), "day", how)
        if word == "tomorrow":
            return ResolvedDate(published + timedelta(days=1), "day", how)
        if word == "last month":
            first = published.replace(day=1) - timedelta(days=1)
            return ResolvedDate(first.replace(day=1), "month", how)
        if word == "last year":
            return ResolvedDate(date(published.year - 1, 1, 1), "year", how)
        if word == "this year":
            return ResolvedDate(date(published.year, 1, 1), "year", how)
    match = re.search(r"\b(19\d\d|20\d\d)\b", text)
    if match:
        return ResolvedDate(date(int(match.group(1)), 1, 1), "year", "stated")
    return None


_FUTURE = re.compile(r"\b(?:will|won['’]t|(?:is|are) (?:set|scheduled|expected|due|slated) to|plans? to|planned to|"
                     r"expected to|intends? to)\b", re.I)
# a schedule told in the present tense with its weekday ("Voters in Kelso choose a new mayor on Sunday",
# "the museum reopens on Monday"): the coming day, as with "will" (a verb, not a noun after "the")
_SCHEDULED = re.compile(
    r"(?<!\bthe )(?<!\ba )(?<!\bits )(?<!\btheir )\b(?:opens?|begins?|starts?|closes?|takes? place|meets?|faces?|plays?|"
    r"hosts?|kicks? off|goes to the polls|go to the polls|chooses?|votes?|elects?|launch(?:es)?|arrives?|returns?|"
    r"resumes?|reopens?|sits?|decides?)\b[^.;:]{0,50}?\b(?:on|this|from|until)\s+"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
# a saying dated by its own day ("said Thursday he will veto"): the saying is the event
_REPORTED = re.compile(r"\b(?:said|announced|told reporters|confirmed|wrote|tweeted|added|noted)\s+(?:on\s+|late\s+|early\s+)?"
                       r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|last night)\b", re.I)


# clauses that recall an earlier event inside a sentence reporting a new one: a date there is background
_BACKGROUND = re.compile(r"\b(?:(?:that|which|who)\s+(?:was|were|had|has|have)\b|since\b)[^,;]*", re.I)


def names_a_day_ahead(text: str, phrase: str) -> bool:
    """A date phrase of a sentence lies ahead of its article: the sentence tells what is to come
    ("plan to hold the festival on May 11, they said on Monday"), and the phrase is not the day of
    the saying ("Monday" there)."""
    if not _tells_of_future(text):
        return False
    saying = _REPORTED.search(text)
    return saying is None or phrase.lower() not in saying.group(0).lower()


def tells_future(text: str) -> bool:
    """A sentence about what is to come ("will lie in state from Monday", "the funeral will be held
    Thursday, the spokesman said", "voters choose a new mayor on Sunday"), not a dated report of it ("said Tuesday he will veto" reports
    the saying, which happened on Tuesday)."""
    return _tells_of_future(text) and not _REPORTED.search(text)


def _tells_of_future(text: str) -> bool:
    """"will", "is set to", … or a present-tense schedule with its weekday."""
    return bool(_FUTURE.search(text) or _SCHEDULED.search(text))


def event_date(text: str, published: date | None) -> ResolvedDate | None:
    """The day a news sentence's event happened. A full date more than a month before publication
    is usually background ("the Jan. 6, 2021, attack"): a weekday or relative day in the same
    sentence ("held its last hearing on Monday") then wins. A sentence about what is to come takes
    the next such day ("will lie in state from Monday"), which a caller can tell from the past."""
    if not _ANY.search(text.lower()):
        return None
    framed = _framed_in_the_past(text, published)
    if framed is not None:
        return framed
    if tells_future(text):
        return _resolve(text, published, ahead=True)
    foreground = _BACKGROUND.sub(" ", text)
    if foreground != text:  # "the game that was suspended Jan. 2 will not resume, the NFL announced Thursday"
        own = _resolve(foreground, published)
        if own is not None and own.precision == "day":
            return own
    first = _resolve(text, published)
    if first is None or first.how != "stated" or published is None or (published - first.day).days <= 31:
        return first
    rest = _ISO.sub(" ", _DAY_MONTH_YEAR.sub(" ", _FULL.sub(" ", text)))
    other = _resolve(rest, published)
    return other if other is not None and other.precision == "day" and other.how != "stated" else first


def _framed_in_the_past(text: str, published: date | None) -> ResolvedDate | None:
    """The month or year a sentence opens with ("In March 2019, …"), when it lies more than a month
    before the article."""
    frame = _FRAME.match(text)
    if frame is None or published is None:
        return None
    month = _MONTH_NUMBERS[frame.group(1).lower().rstrip(".")] if frame.group(1) else None
    when = _make(int(frame.group(2)), month or 1, 1)
    if when is None:
        return None
    if month is not None:
        return ResolvedDate(when, "month", "stated") if (published - when).days > 31 else None
    return ResolvedDate(when, "year", "stated") if when.year < published.year else None


def tells_the_past(text: str, published: date | None, days: int = 31) -> bool:
    """A sentence whose own event lies well before its article ("In October 2021, Southwest canceled
    more than 2,000 flights", "last year's toll"): a day more than `days` before publication, or an
    earlier year or month named without a day."""
    if published is None:
        return False
    when = event_date(text, published)
    if when is None:
        return False
    if when.precision == "day":
        return (published - when.day).days > days
    if when.precision == "month":
        return (when.day.year, when.day.month) < (published.year, published.month) and (published - when.day).days > days
    return when.day.year < published.year


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
