"""Who said, blamed, accused or threatened whom: reporting-verb patterns over sentences (pure).

Built from the text: a trailing attribution ("…, Russia's foreign ministry said Wednesday."), a
leading one ("Erdogan said Tuesday that …"), blame and accusation targets ("Turkey is to blame for
…", "accused Israel of …"), pronoun speakers resolved to the last named speaker, and a speaker
linked to a later, more specific one ("foreign ministry" → "foreign ministry spokesperson Maria Zakharova").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.reporting import REPORTING

_NAME = r"[A-Z][\w’'.\-]*(?:\s+(?:of\s+)?[A-Z][\w’'.\-]*){0,5}"
_TRAILING = re.compile(
    rf"[,”\"]\s*[”\"]?\s*(?P<speaker>[\w’'.\- ]{{2,80}}?)\s+(?P<verb>{REPORTING})\b[^.!?]*[.!?]?[”\"]?\s*$"
)
_LEADING = re.compile(
    rf"^(?:[\w ,]{{0,30}},\s+)?(?P<speaker>{_NAME}(?:’s|'s)?(?:\s+[a-z]+){{0,2}})\s+(?:\w+\s+)?"
    rf"(?P<verb>{REPORTING}|threatened|blamed|accused|denied|renewed (?:these |his |her |their |its )?threats?)\b"
)
_BLAME_TARGET = re.compile(rf"(?P<target>{_NAME})\s+(?:is|was|are|were)\s+(?:to blame|responsible|at fault)\b")
_VERB_TARGET = re.compile(rf"\b(?P<verb>blamed|blames|accused|accuses|threatened|threatens)\s+(?P<target>{_NAME})")
_PRONOUNS = {"he", "she", "they", "it", "we"}
_THREAT = re.compile(r"\bthreat|\bstrike back\b|\bretaliat", re.I)

FAMILIES = {
    "blamed": {"blame", "blamed", "blames", "blaming", "fault", "responsible"},
    "accused": {"accuse", "accused", "accuses", "accusing", "accusation"},
    "threatened": {"threat", "threats", "threaten", "threatened", "threatens", "threatening"},
    "said": {"say", "said", "says", "tell", "told", "claim", "claimed", "claims", "state", "stated", "warn", "warned"},
}


@dataclass(frozen=True)
class Attribution:
    speaker: str
    verb: str  # blamed / accused / threatened / said
    target: str  # who was blamed, accused or threatened; "" when none
    sentence: int  # index into the sentences given
    via: str = ""  # a more specific speaker in the same text (spokesperson, official)

    def summary(self) -> str:
        who = f"{self.speaker} ({self.via})" if self.via else self.speaker
        return f"{_capital(who)} {self.verb} {self.target}".strip()


def question_family(question: str) -> str | None:
    """The attribution kind a question asks about ("who blamed whom" → "blamed"), if any."""
    words = set(re.findall(r"[a-z]+", question.lower()))
    for family in ("blamed", "accused", "threatened"):
        if words & FAMILIES[family]:
            return family
    if words & FAMILIES["said"] and words & {"who", "what", "whom"}:
        return "said"
    return None


def find_attributions(sentences: list[str]) -> list[Attribution]:
    found: list[Attribution] = []
    last_speaker = ""
    for i, sentence in enumerate(sentences):
        speaker, verb = _speaker(sentence)
        if speaker and speaker.lower() in _PRONOUNS:
            speaker = last_speaker
        if not speaker:
            continue
        target = ""
        blame = _BLAME_TARGET.search(sentence)
        accusation = _VERB_TARGET.search(sentence)
        if blame and speaker not in blame.group("target"):
            verb, target = "blamed", blame.group("target")
        elif accusation:
            verb, target = _past(accusation.group("verb")), accusation.group("target")
        elif _THREAT.search(sentence):
            verb = "threatened"
        found.append(Attribution(speaker=speaker, verb=verb, target=target, sentence=i))
        if _looks_named(speaker):
            last_speaker = speaker
    return _link(found)


def _speaker(sentence: str) -> tuple[str, str]:
    trailing = _TRAILING.search(sentence)
    if trailing and len(trailing.group("speaker").split()) <= 8:
        return trailing.group("speaker").strip(), _past(trailing.group("verb"))
    leading = _LEADING.search(sentence)
    if leading:
        return leading.group("speaker").strip(), _past(leading.group("verb"))
    return "", ""


def _past(verb: str) -> str:
    verb = verb.lower()
    if "threat" in verb:
        return "threatened"
    if verb.startswith("blame"):
        return "blamed"
    if verb.startswith("accus"):
        return "accused"
    return "said"


def _looks_named(speaker: str) -> bool:
    return any(word[:1].isupper() for word in speaker.split()) or len(speaker.split()) >= 2


def _link(found: list[Attribution]) -> list[Attribution]:
    """Give a speaker its more specific later form: "foreign ministry" → "spokesperson Maria Zakharova"."""
    linked = []
    for a in found:
        head = " ".join(a.speaker.replace("’s", "").replace("'s", "").split()[-2:]).lower()
        via = ""
        for b in found:
            other = b.speaker.lower()
            if b.speaker != a.speaker and len(head) > 3 and head in other and other != head:
                rest = b.speaker[other.index(head) + len(head):].strip()
                if rest:
                    via = rest
                    break
        linked.append(replace(a, via=via))
    return linked


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
