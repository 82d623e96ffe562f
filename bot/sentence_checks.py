"""Sentences that must not lead an answer (pure): speculation, and shapes that are not statements.

A quoted answer is read as fact, so a sentence saying what *will* or *could* happen, what a model or
simulation *predicts*, is no answer to "who won"; and teasers ("Want to help …?"), link lines
("More: …"), headings, bylines, captions and bare headlines are not statements at all.
"""

from __future__ import annotations

import re

from bot.reporting import REPORTING
from index.lexical import terms
from index.nlp import MONTHS

_SPECULATION = re.compile(
    r"\b(?:will|would|could|might|may|should|shall|going to|expected to|expects? to|likely|unlikely|"
    r"predict(?:s|ed|ion|ions)?|forecasts?|forecasted|projected|projects? to|projections?|simulations?|"
    r"simulated|odds|favou?rites? to|poised to|set to|plans? to|planned to|hopes? to|if|whether|"
    r"possibl[ey]|potentially|rumou?red|reportedly considering|could be|estimated to)\b",
    re.I,
)
_LINK_LINE = re.compile(
    r"^\s*(?:more|read more|related|see also|watch|listen|subscribe|sign up|click|follow us|share this|"
    r"advertisement|photo|image|video|credit|getty images|ap photo|reuters photo|copyright|©)\s*[:|—–-]",
    re.I,
)
_TEASER = re.compile(r"^\s*(?:want to|looking for|interested in|click|sign up|subscribe|don['’]t miss|get the)\b", re.I)
_BYLINE = re.compile(r"^\s*(?:by|written by|reporting by|editing by|additional reporting by)\s+[A-Z]", re.I)
_URL = re.compile(r"https?://|www\.\w", re.I)
# a kicker or link line: "SVB:Silicon Valley Bank collapse explained", "Tracking tech layoffs:Why …",
# "GRAPHICS: Ripple effect …", "Another bank collapse?:As Pacific Western Bank stocks fall …",
# "LEBRON JAMES TRACKER: The race …" (prose puts a space after a colon, and no all-caps label before it;
# "WINNER: “Everything Everywhere All at Once”" names a title: a list entry, not a link)
_KICKER = re.compile(r"^\s*(?:[A-Z][\w’'&. -]{1,40}[?!]?:['‘\"“]?[A-Z]|[A-Z][A-Z0-9&’'. -]{2,40}:\s+(?![\"“‘']))")
# a video player's caption on news pages: "Video Ad Feedback … 01:00 - Source: CNN"
_VIDEO_CAPTION = re.compile(r"\bVideo Ad Feedback\b|\b\d{1,2}:\d{2}\s*-\s*Source:\s*\w")
_SAID = re.compile(rf"\b(?:{REPORTING})\s*:", re.I)
# every form of the verbs that deny ("failing to pay $136,250 in rent" tells no price paid)
_NEGATION = re.compile(r"\b(?:not|never|no|without|neither|nor|cannot|yet to|fail(?:s|ed|ing)? to|failure to|"
                       r"avoid(?:s|ed|ing)?|refus(?:e|es|ed|ing|al) to|declin(?:e|es|ed|ing) to)\b|n[’']t\b", re.I)
_WORDS = re.compile(r"[a-z][a-z’'-]*")
_LOWER_WORDS = re.compile(r"\b[a-z][a-z’'-]*")
_WORD = re.compile(r"[\w’'-]+")
# a line without a full stop in the present tense of headlines: "Michelle Yeoh makes Oscars history …"
_HEADLINE_VERB = re.compile(r"^[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)* (?:makes|wins|takes|says|gets|becomes|unveils|"
                            r"announces|sets|breaks|names|hits|faces|calls|reveals|slams|beats|leads|joins)\b")


def negated(text: str, verbs: frozenset[str]) -> bool:
    """Whether the sentence denies what the question asks about: one of the question's own words
    (stemmed; its verbs, e.g. "won") right after a negation ("never won", "did not win", "has yet to
    win"). "That's 53 years the Bengals … never won a Super Bowl" does not answer who won it."""
    return bool(verbs) and bool(_NEGATION.search(text)) and bool(verbs & denied_terms(text))


def denied_terms(text: str) -> set[str]:
    """The stemmed words of `text` that follow a negation within three words ("failing to *pay*")."""
    return _words_after(_WORDS.findall(text.lower()), _NEGATION, 3)


# what is still to come: "a temporary chief *would be named*", "until a replacement *is found*"
_PENDING = re.compile(r"\b(?:will|would|shall|going to|expected to|expects? to|plans? to|planned to|intends? to|"
                      r"set to|due to|aims? to|hop(?:e|es|ed|ing) to|until|must|ordered|required)\b|['’]ll\b", re.I)
_CLAUSES = re.compile(r"[^,;:.!?]+")
# a verb asking someone else to act, and the act: "ask regulators … to *approve*", "urge the board to *sell*"
_ASKED_TO = re.compile(r"\b(?:ask|allow|urge|tell|persuade|order|force|require|invite|help|get|want)s?\b.*?\bto ([a-z]+)")
_AUXILIARY = frozenset("be is are was were been being to".split())


def pending_terms(text: str) -> set[str]:
    """The stemmed verbs of `text` that follow a word of what is still to come or owed within five
    words ("would be *named*", "until a permanent replacement is *found*", "ordered the firm to *pay*";
    not "a *second* runway")."""
    words = _words_after(_WORDS.findall(text.lower()), _PENDING, 5, verbs=True)
    # and what the intention asks of others further on in its clause: "plans to ask regulators in Europe
    # and the United States to *approve* it"
    for clause in _CLAUSES.findall(text.lower()):
        marker = _PENDING.search(clause)
        if marker:
            words |= {t for w in _ASKED_TO.findall(clause[marker.end():]) for t in terms(w)}
    return words


def denied_verbs(text: str) -> set[str]:
    """`denied_terms`, verbs only: "have not been *found*", "never *paid*"; not "will not pay the *new*
    rates"."""
    return _words_after(_WORDS.findall(text.lower()), _NEGATION, 3, verbs=True)


# what a sentence says there was none of: "the largest increase allowed without a *referendum*", "no
# *injuries*", "with no *passwords* taken"
_NONE_OF = re.compile(r"\b(?:no|without)\s+(?:a\s+|an\s+|any\s+)?([a-z][a-z’'-]*)")


def denied_things(text: str) -> set[str]:
    """The stemmed nouns a sentence says there was none of (`_NONE_OF`)."""
    return {t for w in _NONE_OF.findall(text.lower()) for t in terms(w)}


_BEFORE_A_VERB = frozenset("will would shall must can could may might should not never cannot".split())


def _words_after(words: list[str], marker: re.Pattern, reach: int, verbs: bool = False) -> set[str]:
    """The stemmed words within `reach` words after a `marker`; with `verbs`, only those that read
    as verbs: after a modal or "not" ("will *name*", "never *paid*"), after "be" or "to", or ending
    in "-ed" (not "ordered *Keldor* to pay", "no *injuries*")."""
    def verb(i: int) -> bool:
        before = words[i - 1]
        return before in _AUXILIARY or before in _BEFORE_A_VERB or before.endswith(("n't", "n’t", "'ll", "’ll")) \
            or words[i].endswith("ed")

    return {t for i, word in enumerate(words) if i and (not verbs or verb(i))
            and marker.search(" ".join(words[max(0, i - reach):i])) for t in terms(word)}


def question_verbs(question: str) -> frozenset[str]:
    """The question's own words that are not names (lowercase in it), stemmed: what a sentence may deny;
    not those its question sentence denies itself ("which company is sued for failing to pay rent?" is
    answered by the sentence saying so; a sentence of context before it denies nothing asked: "She will
    not run for reelection. What year was she first elected?")."""
    from bot.retrieve import QUESTION_WORDS
    from index.lexical import terms
    from index.sentences import split_sentences

    spans = split_sentences(question)
    asked = question[spans[-1][0]: spans[-1][1]] if spans else question
    return frozenset(t for w in _LOWER_WORDS.findall(question) for t in terms(w)) - QUESTION_WORDS - denied_terms(asked)


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def background_year(text: str, published: str | None, question: str) -> bool:
    """Whether the sentence is about an earlier event: it names a year two or more years before its
    article's ("since a 1939 earthquake killed some 30,000 people", in a 2023 report), and the question
    names no year itself. Its figures and names answer a question about that event, not this one."""
    if not published or _YEAR.search(question):
        return False
    try:
        year = int(published[:4])
    except ValueError:
        return False
    return any(int(m.group(1)) <= year - 2 and not _SINCE.search(text, max(0, m.start() - 40), m.start())
               for m in _YEAR.finditer(text))


# a year the sentence measures its own news against, not an event it tells: "the highest since 1981",
# "his first trip to Ukraine since six visits …, the last in 2017"
_SINCE = re.compile(r"\b(?:since|the last(?: one| time)?(?: was)? in)\s+(?:(?:early|late|mid|at least|the end of|the "
                    r"start of|the spring of|the summer of|the fall of|the autumn of|the winter of)\s+)?"
                    r"(?:[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?)?$")


_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# a month by name; "May" only as a date ("May 11", "in May"): it is also a name and a verb
_MONTH = re.compile(rf"\b(?!May\b)({MONTHS})(?![a-z])|\b(?:in|of) (May)\b|\b(May)(?= \d)")


def months_in(text: str) -> set[int]:
    """The months a text names (1–12)."""
    found = set()
    for match in _MONTH.finditer(text):
        name = next(g for g in match.groups() if g)
        found.add(_MONTH_NAMES.index(name[:3].lower()) + 1)
    return found


def other_month(text: str, question: str | set[int]) -> bool:
    """The question asks about one month ("how many jobs did the US add in January?") and the
    sentence names months, none of them that one ("263,000 jobs in September"). `question` may be
    given as its months (read once for all the sentences)."""
    asked = months_in(question) if isinstance(question, str) else question
    if len(asked) != 1:
        return False
    said = months_in(text)
    return bool(said) and not said & asked


def speculation(text: str) -> int:
    """How many modality or prediction markers a sentence has (0: it states what happened)."""
    return len(_SPECULATION.findall(text))


def not_a_statement(text: str, title: str = "") -> str | None:
    """Why a sentence is no statement to quote (None when it is one)."""
    stripped = text.strip()
    if stripped.startswith("#"):
        return "heading"
    if stripped.endswith("?") or _TEASER.search(stripped):
        return "question or teaser"
    if _LINK_LINE.search(stripped) or _URL.search(stripped) or (_KICKER.search(stripped) and not _SAID.search(stripped)):
        return "link line"
    if _VIDEO_CAPTION.search(stripped):
        return "video caption"
    if _BYLINE.search(stripped) and len(stripped.split()) < 12:
        return "byline"
    words = _WORD.findall(stripped)
    if title and " ".join(stripped.lower().split()).rstrip(".") == " ".join(title.lower().split()).rstrip("."):
        return "headline"
    if words and len(words) <= 16 and not re.search(r"[.!\"”]$", stripped):
        capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
        if capitalised >= 0.6 * len(words) or _HEADLINE_VERB.search(stripped):
            return "headline"
    return None


# a cause or purpose said in so many words ("was caused by an electrical fault", "because two headline
# acts pulled out", "blaming higher fuel costs", "so the mother would not be disturbed"); "after" and
# "since" are left out: as often a time ("after 58 hours underground") as a cause, as is "due to" a verb
# ("due to take place on July 19": a schedule)
_CAUSE = re.compile(r"\b(?:because|caused by|the cause of|due to(?!\s+(?:be|take|start|begin|open|close|end|finish|"
                    r"arrive|meet|return|launch|appear|face|go|run|hold|expire|retire|leave)\b)|as a result of|owing to|blam(?:e|es|ed|ing)\b|"
                    r"the reason|reasons? (?:for|why)|(?:the|a) (?:(?:most|more|main|likely|probable|possible|root|official|"
                    r"underlying) ){1,2}cause\b|led to|prompted by|triggered by|so that|in order to|"
                    r"so (?:the|it|they|he|she|its|their|that)\b)", re.I)
# the words a question asking for a cause frames it with: no sign a sentence tells its event
CAUSE_WORDS = frozenset(terms("why cause caused causes reason reasons led lead prompted triggered sparked"))


def states_cause(text: str) -> bool:
    """Whether a sentence says a cause or purpose in so many words (see _CAUSE)."""
    return bool(_CAUSE.search(text))


_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|mine|myself|we|We|we['’](?:re|ve|d|ll)|We['’](?:re|ve|d|ll)|our|Our|us|ourselves)\b")
_NUMERAL_I = re.compile(r"(?<=\S)\s+(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*\s+I\b")  # "World War I", "Queen Elizabeth I"
_SAYING = re.compile(rf"\b(?:{REPORTING})\b", re.I)


def narrated(text: str) -> bool:
    """The writer's own voice outside any quotation ("After nearly a year of rave reviews, I waited
    until Saturday to watch …"): a column's narration, not a reported event. A sentence that quotes
    or reports someone (an unpaired quote mark of a quotation that runs on, a "said") is left alone."""
    outside = _NUMERAL_I.sub(" ", _QUOTED.sub(" ", text))
    if any(mark in outside for mark in "\"“”") or _SAYING.search(outside):
        return False
    return bool(_FIRST_PERSON.search(outside))

