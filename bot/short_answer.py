"""The answer phrase itself, picked from the best sentences (pure, given their entities).

Each entity of the expected kind in the candidate sentences (a number for "how many", a place for
"where", …) that the question does not already name is a candidate; its weight is the sentence's
score, raised when the entity sits next to the counted noun ("5,000 troops") and when the same value
recurs across sentences and articles (agreement is evidence). The best value wins; its confidence is
its share of the candidates' weight times (0.5 + half the share of the question's words its
sentence covers), and
below `min_confidence` no short answer is given (the quotes still are).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from bot.dates import ResolvedDate, names_a_day_ahead, published_date, resolve_date
from index.nlp import DURATION, MONTHS, NAMES, NUMERIC, TEMPORAL, Entity
from bot.places import is_a
from bot.attribution import question_family
from bot.reporting import REPORTING, SPEECH_QUESTION
from bot.sentence_checks import negated, question_verbs
from bot.question import CASUALTY, PEOPLE, PERSON_HEADS, PLACE, QuestionKind, singular, asked_event, asked_role, incidents, names_in
from index.lexical import terms

_QUOTED = re.compile(r"[“\"]([^”\"]{2,80})[”\"]")
_VAGUE_DATE = re.compile(r"^(?:the )?(?:recent|past|last|coming|next|this|these|those|earlier|later|several|few|many)?\s*"
                         r"(?:days?|weeks?|months?|years?|decades?|time|now|today|tonight|recently)$", re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# "LIMA –", "ERBIL, Kurdistan Region –", and a wire story's "GENEVA (AP) —": where it was filed and by whom
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,[^–—(]{0,40})?(?:\s*\([A-Za-z .]{1,20}\))?\s*[–—-]\s")


@dataclass(frozen=True)
class Candidate:
    sentence: int  # index into the sentences given
    start: int  # offsets inside that sentence's text
    end: int
    text: str
    label: str
    weight: float
    # False for the one reporting ("Joe Biden said … five officers were charged"), for a value in a
    # sentence that does not tell what was asked (the event of "when did X die?", a record holder
    # for "who won …") and for one said to be leaving the post a "new …" question asks about: its
    # weight still counts against the others' confidence, but it is never the answer
    eligible: bool = True


@dataclass(frozen=True)
class Pick:
    text: str
    sentence: int
    start: int
    end: int
    label: str
    confidence: float
    date: ResolvedDate | None = None


def candidates(kind: QuestionKind, question: str, sentences: list[tuple[str, float, str | None]],
               entities: list[tuple[Entity, ...]], temperature: float = 0.15,
               question_names: tuple[str, ...] = (), unnamed: frozenset[int] = frozenset(),
               without: frozenset[str] | tuple[str, ...] = ()) -> list[Candidate]:
    """sentences: (text, score, published) of each candidate sentence, best first; `question_names`:
    the names the question itself mentions (an entity sharing a word with one is not the answer);
    `unnamed`: sentences too far from those names to answer (their candidates still count against
    the others); `without`: the short-answer rules switched off by name (`bot.answer_rules.SHORT`)."""
    on = lambda name: name not in without  # noqa: E731
    q_lower = question.lower()
    q_terms = set(terms(question))
    name_words = set(terms(" ".join(question_names)))
    # "sent rescue teams to Turkey": a place the question sends something to (in "struck Turkey and
    # Syria", Syria stands beside Turkey, it sent nothing)
    # … but "where did the train derail in Ohio?" is answered by "East Palestine, Ohio": a place named
    # with the one the question puts the event in, after a comma, lies inside it
    inside = q_lower.startswith("where")
    destinations = [_list_joints(name, comma=not (inside and _placed_in(question, name) and on("reference_point")))
                    for name in question_names if _destination(question, name)] if on("listed_places") else []
    # … but "who was asked to step down?" asks about the one spoken to: the speaker stays no answer
    about_speech = bool(_SPEECH_QUESTION.search(_PASSIVE_SPEECH.sub(" ", q_lower))) or not on("speaker")
    # "who did he blame?": in "the media he blames for the death of Diana" Diana is the reason
    about_charge = question_family(question) in ("blamed", "accused") and on("charge")
    # "who is the new prime minister?": the one leaving the post is not its new holder
    successor = bool(_SUCCESSOR_QUESTION.search(q_lower)) and on("outgoing")
    new_holder = bool(_NEW_HOLDER_QUESTION.search(q_lower)) and on("change_of_holder")
    # "who won best actress?" asks about one event: "X, who won best actress four times" tells a record
    one_event = not (kind.wants_number or kind.wants_date or _TALLY.search(q_lower)) and on("tally")
    leaving: set[str] = set()  # surnames of those said to be leaving the post
    # "who did the Chiefs beat?" asks for the object: in "Led by Patrick Mahomes, the Chiefs defeated
    # the Eagles" the one named before the subject is on the subject's side
    subject = (_object_question_subject(question, name_words)
               if not kind.wants_number and not kind.wants_date and on("before_subject") else set())
    event = asked_event(question, kind) if on("event_told") else frozenset()  # "when did X die?": a date from a sentence telling X died
    denied = question_verbs(question) if on("event_told") else frozenset()
    # "how many died in the shooting?": a toll from a sentence naming another kind of event is not its
    incident = incidents(question) if kind.wants_number and on("incident_kind") else frozenset()
    duration_asked = kind.head == "long" and on("duration")  # "how long …": a time or a length
    distance_asked = kind.head == "far" and on("duration")  # "how far …": a length, not "every 11 days"
    # "how much was Keldor fined?": the fine it had asked for is no fine imposed (unless asked about)
    outcome_asked = kind.wants_number and not _REQUEST_WORD.search(question) and on("requested")
    score_asked = kind.head in _SCORE_HEADS and on("score")  # "what was the score?": "2-1" is one figure
    role = asked_role(question, kind) if on("titled") else ""  # "which judge …": a name the text titles "Judge"
    past_asked = bool(_PAST_MARK.search(question))  # "how many … last year?": the earlier of two figures
    top = max((score for _, score, _ in sentences), default=0.0)
    out = []
    for i, ((text, score, _), found) in enumerate(zip(sentences, entities)):
        # a sentence's say falls off fast below the best one: agreement across sentences counts,
        # but three weak mentions must not outvote the sentence that answers
        strength = math.exp(-(top - score) / temperature)
        spans = list(found)
        if "QUOTED" in kind.labels:
            # a quoted title or name, not a quoted phrase ("users may not “link out”")
            spans += [Entity(m.start(1), m.end(1), "QUOTED", m.group(1)) for m in _QUOTED.finditer(text)
                      if m.group(1)[:1].isupper() or m.group(1)[:1].isdigit()]
        # a capitalised run the NER model left untagged ("The Chiefs won the Super Bowl …"): a name all the same
        guessed = _untagged_names(text, spans) if kind.labels & NAMES and on("untagged_names") else []
        spans += guessed
        if kind.wants_date and on("untagged_dates"):
            spans += _untagged_dates(text, spans)
        if score_asked:
            spans = _with_scores(text, spans)
        if kind.wants_number and on("proportion"):
            spans = _with_proportions(text, spans)
        near = _question_term_positions(text, q_terms) if on("proximity") else []
        figures = [f for f in spans if f.label in NUMERIC and not _YEAR.match(f.text.strip())] if kind.wants_number else []
        # read once a sentence, not once a candidate: which figures the asked verb is told of, which are older
        owners = event_owners(text, figures, event) if figures and on("figure_event") else None
        earlier = {id(f): _earlier(text, f) for f in figures} if len(figures) > 1 and on("figure_time") else {}
        # the sentence tells what was asked: the event of a when / how-many question, and no record
        # (who did it most) when the question is about one time
        # … and does not deny it ("Intel has avoided layoffs" names no firm that announced them)
        tells = (not event or bool(event & set(terms(text)))) and i not in unnamed and not negated(text, denied)
        tallied = _tallied(text, spans) if one_event else (lambda e: False)
        subject_at = _first_mention(text, subject) if subject else None
        if incident and (named := incidents(text)) and not named & incident:
            tells = False
        if kind.deaths and on("casualty_word") and not CASUALTY.search(text):
            tells = False  # "46 cases of measles" tells no deaths: a toll needs a word of dying
        if new_holder and not _CHANGE_OF_HOLDER.search(text):
            tells = False
        for e in spans:
            untagged = e in guessed
            e = _trimmed(e)
            if e is None or on("dateline") and _dateline(text, e) or on("modifier") and _modifier(text, e, kind) \
                    or _in_question(e.text, e.label, question, q_lower, q_terms, name_words, kind.head):
                continue
            if on("address") and _addresses(text, e, question_names) or _beside(text, e, destinations):
                continue
            titled = bool(role) and _titled(text, e, role)
            if e.label != "PERSON" and (titled or e.label in NAMES and on("role_title") and _after_role(text, e)):
                e = replace(e, label="PERSON")  # "Judge Helena Obi", tagged ORG: the asked role's holder
            fit = label_fit(kind, e)
            # "which country …" is not answered with a city (nor is the city its rival: it lies in one)
            if fit <= 0 or kind.place and not is_a(kind.place, e.text):
                continue
            if inside and e.label in PLACE and on("reference_point") and _REFERENCE_POINT.search(text[max(0, e.start - 60): e.start]):
                continue  # "21 miles south of Youngstown, Ohio": a point the place is measured from
            weight = strength * fit * _proximity(e, near) * (UNTAGGED if untagged else 1.0) * (TITLED if titled else 1.0)
            if name_words and on("clause_elsewhere") and _other_clause_names(text, e, name_words):
                weight *= CLAUSE_ELSEWHERE
            if subject_at is not None and _before_subject(text, e, subject_at):
                weight *= BEFORE_SUBJECT
            if kind.wants_number:
                fit = number_fit(text, e, kind.counted, kind.deaths)
                if fit == ELIDED_FIT and on("figure_event") and elided_count(text, e, kind.counted):
                    fit = 3.0  # "another 340 were delayed": the flights named before it
                weight *= fit
                if owners is not None:
                    weight *= EVENT_OWNER if any(_overlap(o, e) for o in owners) else 1 / EVENT_OWNER
                if earlier:
                    weight *= time_fit(text, e, figures, earlier, past_asked)
                if duration_asked:
                    weight *= duration_fit(e)
                if distance_asked:
                    weight *= distance_fit(e)
                if outcome_asked and _REQUESTED.search(text[max(0, e.start - 50): e.start]):
                    weight /= EVENT_OWNER
                if score_asked and not _SCORE.fullmatch(e.text):
                    weight *= 0.3  # a figure that is no result ("their first title in 19 years")
            if kind.wants_date:
                if event and on("event_date") and (_dates_the_report(text, e, event) or _dates_another_verb(text, e, event)):
                    continue
                weight *= _date_fit(e.text)
            record = tallied(e)
            if record:
                weight /= 4  # a record told of it: a quarter still counts against the others, as a leaving holder's
            if weight > 0:
                out.append(Candidate(i, e.start, e.end, e.text, e.label, weight,
                                     eligible=tells and not record and (about_speech or titled or not is_speaker(text, e))
                                     and not (about_charge and _CHARGED_FOR.search(text[: e.start]))))
                if successor and _outgoing(text, e):
                    leaving.add(e.text.split()[-1].lower())
    if leaving:  # said to be leaving in one sentence: not the new holder in any other either. A
        # quarter of their weight still counts against the others: with none, "the new prime minister
        # of Ostmark" was answered with another country's, named in a weaker sentence; with all,
        # the one replacing them lost to the one replaced ("X was sworn in, replacing Y")
        out = [replace(c, weight=c.weight / 4, eligible=False) if c.text.split()[-1].lower() in leaving else c
               for c in out]
    return out


TITLED = 2.0  # a name the text gives the asked role as its title ("Judge Helena Obi", "manager Jo
# Lindqvist", "Its chair, Tomas Reyes") weighs double: set before measuring, not fitted


def _titled(text: str, e: Entity, role: str) -> bool:
    """The phrase is a name right after the asked role used as its title or in apposition."""
    before = text[max(0, e.start - 40): e.start]
    return e.text[:1].isupper() and re.search(rf"\b{re.escape(role)}s?(?:['’]s)?,?\s+$", before, re.I) is not None


_ROLE_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(PERSON_HEADS - {"host"}, key=len, reverse=True)) + r")s?,?\s+$", re.I)


def _after_role(text: str, e: Entity) -> bool:
    """A name right after a person's role, as its title or in apposition ("Its chief scientist, Helena
    Brandt", "chief executive Morten Aas"): a person, whatever the NER model tagged (the small model
    tags unfamiliar names at random: Helena Brandt ORG, the drugmaker Velora PERSON). Not "host": a
    host is often a country or a city ("World Cup host Qatar")."""
    return e.text[:1].isupper() and _ROLE_BEFORE.search(text[max(0, e.start - 40): e.start]) is not None


BEFORE_SUBJECT = 0.2  # see _before_subject; as a name of another kind weighs (label_fit). Not fitted:
# RealTime QA (all 390) and the newsroom sets a-e are unchanged by it; at 0.5 "Who did the Kansas City
# Chiefs beat in the Super Bowl?" (written here) still led with Patrick Mahomes in bold, now with none
_OBJECT_QUESTION = re.compile(r"^(?:Who|Whom|Which [a-z]+|What [a-z]+)\s+(?:did|does|do|will|would|could|can|has|have|had)\s+"
                              r"((?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*)\s+[a-z]+\b")


def _object_question_subject(question: str, name_words: set[str]) -> set[str]:
    """The name words of an object question's subject ("who did the Kansas City Chiefs beat in the
    Super Bowl?" → kansas, city, chiefs), empty for other questions."""
    match = _OBJECT_QUESTION.match(question.strip()[:1].upper() + question.strip()[1:])
    return set(terms(match.group(1))) & name_words if match else set()


def _first_mention(text: str, subject: set[str]) -> int | None:
    """Where the sentence first names a word of the subject (None when it does not)."""
    return next((m.start() for m in re.finditer(r"\w+", text) if (terms(m.group()) or [""])[0] in subject), None)


def _before_subject(text: str, e: Entity, first: int) -> bool:
    """The phrase comes before the subject's first mention (`first`, `_first_mention`) in its sentence
    ("Led by Patrick Mahomes, the Chiefs defeated …"), unless a passive names the subject as the doer
    after it ("the Eagles were beaten by the Chiefs")."""
    return e.end <= first and not _BY_SUBJECT.search(text[e.end:first])


_BY_SUBJECT = re.compile(r"\bby\s+(?:the\s+)?$", re.I)  # "the Eagles were beaten by the Chiefs"


CLAUSE_ELSEWHERE = 0.5  # see _other_clause_names. Not fitted: RealTime QA (all 390 questions, `python -m
# bench.tune_answers --split all`) and the newsroom sets a-e are unchanged by it; it mends "How many died
# in the Turkey earthquake?" (Syria's 5,800 → Turkey's 35,418), a question written here, not from a set.


def _other_clause_names(text: str, e: Entity, name_words: set[str]) -> bool:
    """The question's names sit in another clause of the sentence (split at ";") and not in the
    phrase's own: "the death toll in Turkey … increased to 35,418; Syrian officials have said at
    least 5,800 have died there" answers "how many died in the Turkey earthquake?" with the first
    figure, though "died" sits beside the second."""
    if ";" not in text:
        return False
    start = text.rfind(";", 0, e.start) + 1
    end = text.find(";", e.end)
    end = len(text) if end < 0 else end
    own = set(terms(text[start:end]))
    return not own & name_words and bool(set(terms(text[:start] + " " + text[end:])) & name_words)


def _tallied(text: str, spans: list[Entity]):
    """Which names a record or tally of the sentence is about ("X, who won best actress four times";
    "… though it was Beyoncé who made history, … the most-winning Grammy artist of all time"): the
    name nearest before it; every name when none comes before it ("the most
    decorated gymnast, Simone Biles, …"). A name the tally is not about still answers the one event
    ("Harry Styles won album of the year, …")."""
    marks = [m.start() for m in _TALLY.finditer(text)]
    if not marks:
        return lambda e: False
    about: set[tuple[int, int]] = set()
    for at in marks:
        before = [x for x in spans if x.end <= at and x.label in NAMES]
        if not before:
            return lambda e: True
        nearest = max(before, key=lambda x: x.end)
        about.add((nearest.start, nearest.end))

    def tallied(e: Entity) -> bool:
        return (e.start, e.end) in about or any(a <= e.start and e.end <= b for a, b in about)
    return tallied


UNTAGGED = 0.5  # a name the NER model did not tag weighs half (`_untagged_names`). RealTime QA dev (88):
# 0.25 / 0.5 / 1.0 → short answers given / right 19 / 14 (as without), 18 / 14, 18 / 14 (one wrong withdrawn);
# newsroom sets a-e unchanged at each; held out, reported once at 0.5: given / right 33 / 23 → 32 / 24
_CALENDAR = re.compile(rf"^(?:{MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _untagged_names(text: str, spans: list[Entity]) -> list[Entity]:
    """Runs of capitalised words (`bot.question.names_in`, the regex the questions are read with)
    that overlap no entity the model found and are no month or weekday, as names of an organisation,
    the kind the small model misses most ("The Chiefs", "the 49ers" read as a date, "Walgreens"):
    a who/which question may be answered by one."""
    out, at = [], 0
    for name in names_in(text):
        start = text.find(name, at)
        if start < 0:
            continue
        end, at = start + len(name), start + len(name)
        if _CALENDAR.match(name) or any(s.start < end and start < s.end for s in spans):
            continue
        out.append(Entity(start, end, "ORG", name))
    return out


# a period the small NER model leaves untagged: "in the first quarter of next year", "by the end of
# 2026", "early next year", "next spring" (a past one, "last winter", tells no date to come and,
# as a rival, kept "until April" from being a confident short answer on set a)
_PERIOD = re.compile(r"\b(?:(?:the\s+)?(?:first|second|third|fourth|last|final)\s+(?:quarter|half)|"
                     r"(?:the\s+)?(?:end|start|beginning|middle)|early|late|mid)[\s-](?:of\s+)?"
                     r"(?:(?:next|this|last)\s+(?:year|month|week|season)|(?:19|20)\d\d)\b|"
                     r"\bnext\s+(?:year|month|week|spring|summer|autumn|fall|winter|season)\b", re.I)


def _untagged_dates(text: str, spans: list[Entity]) -> list[Entity]:
    """Periods overlapping no entity the model found, as dates: a when-question may be answered by one."""
    periods = [Entity(m.start(), m.end(), "DATE", m.group()) for m in _PERIOD.finditer(text)]
    return [p for p in periods if not any(_overlap(p, s) for s in spans)]


def _question_term_positions(text: str, q_terms: set[str]) -> list[int]:
    return [m.start() for m in re.finditer(r"\w+", text) if terms(m.group()) and terms(m.group())[0] in q_terms]


def _proximity(e: Entity, near: list[int]) -> float:
    """An answer sits close to the question's words in its sentence ("Harbour City won the final")."""
    if not near:
        return 0.5
    distance = min(abs(p - e.start) if p < e.start else abs(p - e.end) if p > e.end else 0 for p in near)
    return 1.0 / (1.0 + distance / 60.0)


def _trimmed(e: Entity) -> Entity | None:
    """An entity without surrounding punctuation and a trailing score ("Lakeside Rovers 2-1")."""
    text = e.text
    stripped = text.strip(" ,.;:")
    stripped = _unpaired_quotes_stripped(stripped)  # '"The Salt Road': the entity caught the opening mark only
    if e.label in NAMES:
        stripped = re.sub(r"\s+\d[\d\-–:]*$", "", stripped)
        stripped = re.sub(r"(?:’s|'s|’|')$", "", stripped)  # "Brendan Fraser's performance"
    if e.label in {"ORG", "FAC", "GPE"}:  # "University of Idaho President" (Scott Green): the body, not its officer
        stripped = _OFFICER.sub("", stripped)
    if not stripped:
        return None
    start = e.start + text.index(stripped)
    label = e.label
    if label == "NORP" and not _DEMONYM.search(stripped):  # the small model calls "Yukon" a NORP
        label = "GPE"
    return Entity(start, start + len(stripped), label, stripped)


def _unpaired_quotes_stripped(text: str) -> str:
    """A quote mark at an edge whose pair is not inside ('"The Salt Road' → 'The Salt Road'); a title
    quoted whole keeps its marks, an apostrophe inside a name stays."""
    for opening, closing in (('"', '"'), ("“", "”"), ("‘", "’")):
        opened, closed = text.count(opening), text.count(closing)
        if opening == closing:
            if opened == 1:
                text = text.strip(opening)
            continue
        if text.startswith(opening) and opened > closed:
            text = text[1:]
        if text.endswith(closing) and closed > opened:
            text = text[:-1]
    return text.strip()


_OFFICER = re.compile(r"(?:\s+(?:Vice|Deputy|Interim|Acting|Executive|Chief|Head|Senior))*\s+(?:President|Chancellor|"
                      r"Provost|Dean|Chair(?:man|woman|person)?|CEO|CFO|COO|Director|Spokes(?:man|woman|person)|"
                      r"Commissioner|Secretary|Coach|Manager|Officer|Minister|Chief|Superintendent|Governor|Mayor)$")
_DEMONYM = re.compile(r"(?:an|ans|ese|ish|i|is|ch|ic|ist|ists|ite|ites)$")
_NOT_A_NOUN = frozenset("said says say has have had is was are were will would and or but who which that to in on at of for as".split())


def _modifier(sentence: str, e: Entity, kind: QuestionKind | None = None) -> bool:
    """"US" in "US pilots shot down …" qualifies a noun; it is not the place asked about. Nor does
    "who" take an adjective: "the Canadian prime minister" is a person, "Canadian" is not."""
    adjective = e.label == "NORP" and kind is not None and kind.labels == PEOPLE
    if not (adjective or e.label in {"GPE", "NORP"} and len(e.text) <= 4 and e.text.isupper()):
        return False
    following = re.match(r"\.?\s+([a-z]+)", sentence[e.end:])  # ("U.S. airlines": the trimmed "U.S" keeps no dot)
    return following is not None and following.group(1) not in _NOT_A_NOUN


# the question asks who said, wrote or named something: a speaker may be its answer
_SPEECH_QUESTION = re.compile(SPEECH_QUESTION)
_PASSIVE_SPEECH = re.compile(r"\b(?:was|were|is|are|be|been|being|get|gets|got)\s+(?:\w+ly\s+)?" + SPEECH_QUESTION)
_SAID_AFTER = re.compile(rf"^(?:,[^,;]{{1,80}},)?\s+(?:{REPORTING})\b")
# "“… a great friend to me.” - Australian Prime Minister Anthony Albanese": a quote's signature
_QUOTE_DASH_BEFORE = re.compile(r"[”\"]\s*[-–—]\s*(?:[A-Z][\w.'-]*\s+){0,4}$")
_CLAUSE_END = re.compile(r"^\s*(?:[,.;:)”\"]|$)")
_SAID_BEFORE = re.compile(rf"(?:\b(?:{REPORTING})|\baccording to)\s+(?:[A-Z][\w.'-]*\s+){{0,4}}$")
# "… the lottery said on Twitter": where it was said, not who did what was asked
_SAID_ON = re.compile(rf"\b(?:{REPORTING}|posted|shared)\s+(?:\w+\s+)?(?:on|via)\s+(?:its\s+|his\s+|her\s+|their\s+)?$")


def is_speaker(sentence: str, e: Entity) -> bool:
    """"President Joe Biden said … after five officers were charged": the one reporting is not who
    was charged. A person or body directly before "said" (or after "said" / "according to", or
    signing a quote after a dash), or where it was said ("said on Twitter")."""
    if e.label not in {"PERSON", "ORG", "NORP", "GPE"}:
        return False
    after = sentence[e.end:]
    # "…,” said Joe Biden." names the speaker; "police said Tom Smith was charged" does not
    before = sentence[: e.start]
    return bool(_SAID_AFTER.match(after) or _SAID_ON.search(before) or
                ((_SAID_BEFORE.search(before) or _QUOTE_DASH_BEFORE.search(before)) and _CLAUSE_END.match(after)))


_TALLY = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|many) times\b|"
                    r"\bthe most\b|\ball[- ]time\b|\brecord[- ]holders?\b|\bmost[- ](?:decorated|awarded|nominated)\b", re.I)
_NEW_HOLDER = (r"\bwho(?:'s| is| was| will be| became| has become)? (?:the )?(?:new|next|incoming)\b|"
               r"\bwho (?:will )?(?:replace[sd]?|succeed(?:s|ed)?|took over|takes over|take over)\b")
# "who is the new CEO?" is answered by a sentence telling of the change, not one naming the holder
# of a year ago ("CEO Bob Chapek refused to …"); "New Zealand" tells no change
_NEW_HOLDER_QUESTION = re.compile(_NEW_HOLDER)
_CHANGE_OF_HOLDER = re.compile(r"\b(?:(?-i:[Nn]ew(?!\s+[A-Z]))|next|incoming|names?|named|appoint\w*|elect\w*|chos\w*|picked|tapped|taps|"
                               r"sworn|takes? over|took over|taking over|succeed\w*|replac\w*|return\w*|install\w*|"
                               r"nominat\w*|bec[oa]mes?|becoming|hired|promot\w*|to lead|will lead|steps? in)\b", re.I)
_SUCCESSOR_QUESTION = re.compile(_NEW_HOLDER + "|"
                                 # "who is (now) the president of Peru?": the holder now, not the one impeached
                                 r"\bwho(?:'s| is) (?:now |currently )?(?:the )?(?:current )?(?:president|prime minister|"
                                 r"premier|chancellor|leader|speaker|governor|mayor|ceo|chief executive|head|chair\w*|"
                                 r"first minister|king|queen|pope|coach|manager)\b|"
                                 # "who coaches the Eagles?": the one who does now
                                 r"\bwho (?:now |currently )?(?:coaches|leads|runs|heads|chairs|manages)\b")
_LEAVING = re.compile(r"^[,\s]*(?:\([^)]{0,40}\)\s*)?(?:[\w,-]+\s+){0,3}?(?:is|was|has|had|will)?\s*(?:be\s+)?(?:quit\w*|resign\w*|"
                      r"step(?:s|ping|ped)? down|leav\w*|left|ousted|retir\w*|depart\w*|announced (?:her|his) resignation)\b", re.I)
_LEAVING_BEFORE = re.compile(r"(?:\b(?:outgoing|former|departing|ousted|resigning|retiring|predecessor|replac(?:e|es|ed|ing)|"
                             r"succeed(?:s|ed|ing)?)\s+|\bex-)(?:[\w.'-]+,?\s+){0,4}$", re.I)  # "Ex-Eagles, Chiefs coach …"


def _outgoing(sentence: str, e: Entity) -> bool:
    """"Jacinda Ardern is quitting her job as prime minister", "outgoing leader Nicola Sturgeon":
    the holder leaving the post, who does not answer who its new holder is."""
    if e.label != "PERSON":
        return False
    return bool(_LEAVING.match(sentence[e.end:]) or _LEAVING_BEFORE.search(sentence[max(0, e.start - 60): e.start]))


def _addresses(sentence: str, e: Entity, names: tuple[str, ...]) -> bool:
    """"Monterey Park, California": the state after a place the question names is its address, not
    where in it something happened. A person is no address: "the chief executive of Ashby General
    Hospital, Peter Marsh," names the person in apposition, and a figure none: "The planet Brova-9, 40
    light years from Earth"."""
    if e.label == "PERSON" or e.label in NUMERIC or e.label in TEMPORAL:
        return False
    before = sentence[: e.start].rstrip()
    return before.endswith(",") and any(before[:-1].rstrip().endswith(name) for name in names if name)


def _beside(sentence: str, e: Entity, destinations: list[re.Pattern]) -> bool:
    """The candidate is listed with a place the question names as a destination ("Turkey and Syria",
    "Syria, Turkey"): it is another place the same thing happened to. A person is none ("the chief
    of Ashby General Hospital, Peter Marsh,")."""
    if e.label == "PERSON":
        return False
    for pattern in destinations:
        for m in pattern.finditer(sentence):
            if m.start(1) == e.end or m.end(2) == e.start:  # "<candidate> and <place>" / "<place> and <candidate>"
                return True
    return False


_TOWARDS = frozenset("to into in at on against".split())


def _destination(question: str, name: str) -> bool:
    """The question names `name` as where something went or happened ("sent teams to Turkey"), not
    beside the answer ("in addition to the US, which country …")."""
    at = question.find(name)
    before = [w.lower() for w in question[:at].split()[-3:]] if at > 0 else []
    if before and before[-1] == "the":
        before.pop()
    return bool(before) and before[-1] in _TOWARDS and before[-2:-1] != ["addition"]


# a place a distance or bearing is measured from ("50 miles northwest of Pittsburgh, Pennsylvania"),
# the second place of "City, State" included ("near X" and "outside X" are where it happened)
_REFERENCE_POINT = re.compile(r"\b(?:miles?|kilometers?|kilometres?|km|mi|(?:north|south)(?:east|west)?|east|west)"
                              r"\s+(?:of|from)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s*)*(?:,\s*)?$")


def _placed_in(question: str, name: str) -> bool:
    """The question puts its event in `name` ("… derail in Ohio?")."""
    at = question.find(name)
    return at > 0 and question[:at].split()[-1:] == ["in"]


@lru_cache(maxsize=256)
def _list_joints(name: str, comma: bool = True) -> re.Pattern:
    """A list joint next to `name`: group 1 is the joint before it ("Syria[ and ]Turkey"), group 2
    the joint after it ("Turkey[ and ]Syria"); without `comma`, only "and", "or" and "&" join."""
    joint = r"\s*(?:,|and|or|&)\s*(?:the\s+)?" if comma else r"\s*(?:and|or|&)\s*(?:the\s+)?"
    escaped = re.escape(name)
    return re.compile(rf"(?:({joint}){escaped}\b|\b{escaped}({joint}))")


def _dateline(sentence: str, e: Entity) -> bool:
    """"ERBIL, Kurdistan Region –", "LIMA –" and "GENEVA (AP) —" open a story: where it was filed and
    the agency that filed it, not an answer."""
    match = _DATELINE.match(sentence)
    return match is not None and e.start < match.end()


def label_fit(kind: QuestionKind, e: Entity) -> float:
    if kind.labels:
        if e.label in kind.labels:
            return 1.0
        if e.label in kind.secondary:  # "who" may be a body or a country, "where" a named building
            return 0.5
        return 0.2 if e.label in NAMES and kind.labels & NAMES else 0.0
    return 0.6 if e.label in NAMES or e.label == "QUOTED" else 0.0


def pick(kind: QuestionKind, found: list[Candidate], coverage: list[float], min_confidence: float,
         sentences: list[tuple[str, float, str | None]], limit: int = 1, min_weight: float = 0.0,
         coordinated: bool = True) -> list[Pick]:
    """The best value (or, for plural questions, up to `limit` distinct values), confident enough.
    `min_weight`: below this summed weight a value's confidence shrinks in proportion (one weak
    mention with no rival is not a confident answer). `coordinated`: a name joined to the best by
    "and" in its sentence is given with it."""
    if not found:
        return []
    if limit > 1:
        return _several(kind, found, coverage, min_confidence, sentences, limit)
    totals: dict[str, float] = {}
    best_of: dict[str, Candidate] = {}
    for c in found:
        key = _key(c.text)
        if not key:
            continue
        totals[key] = totals.get(key, 0.0) + c.weight
        if key not in best_of or (c.eligible, c.weight) > (best_of[key].eligible, best_of[key].weight):
            best_of[key] = c
    if kind.latest:  # the newest dated figure wins: weigh each value by its article's recency
        order = sorted({p for _, _, p in sentences if p}, reverse=True)
        for key, c in best_of.items():
            published = sentences[c.sentence][2]
            rank = order.index(published) if published in order else len(order)
            totals[key] *= 2.0 if rank == 0 else 1.0
    _merge_contained(totals, best_of)
    everything = sum(totals.values())
    ranked = sorted((k for k in totals if best_of[k].eligible), key=lambda k: (-totals[k], best_of[k].sentence, best_of[k].start))
    picks = []
    for key in ranked[:limit]:
        c = best_of[key]
        # agreement among the candidates, times how well the sentence matches the question (an answer
        # often sits in the sentence after the one naming the topic: half the weight is unconditional)
        confidence = totals[key] / everything * (0.5 + 0.5 * coverage[c.sentence]) * _kind_factor(kind, c.label)
        if min_weight:  # agreement among weak mentions alone is no confidence: the winner's own weight counts
            confidence *= min(1.0, totals[key] / min_weight)
        if picks and totals[key] < 0.5 * totals[ranked[0]]:
            break
        if confidence < min_confidence and not picks:
            return []
        resolved = None
        if c.label in TEMPORAL or kind.wants_date:
            resolved = resolve_date(c.text, published_date(sentences[c.sentence][2]),
                                    ahead=names_a_day_ahead(sentences[c.sentence][0], c.text))
        picks.append(Pick(c.text, c.sentence, c.start, c.start + len(c.text), c.label, round(confidence, 4), resolved))
    if len(picks) == 1 and limit == 1 and coordinated and picks[0].label in NAMES:
        # "Who founded Lumo?" over "founded in 2019 by Ines Carvalho and Tariq Nadeem": both, not the
        # one the weights happened to favour (a singular question may have a pair for its answer)
        c = best_of[ranked[0]]
        # (of any kind of name: the small NER model files "Ines Carvalho" under a place)
        mine = [c if (x.start, x.end) == (c.start, c.end) else replace(x, label=c.label)
                for x in found if x.sentence == c.sentence and x.eligible and x.label in NAMES]
        pair = _listed_with(c, mine, sentences[c.sentence][0], _AND)
        if len(pair) > 1:
            picks = [Pick(v.text, v.sentence, v.start, v.end, v.label, picks[0].confidence) for v in pair]
    return picks


def _kind_factor(kind: QuestionKind, label: str) -> float:
    """"Who …" wants a person (or, unless it asks for a person's role, a body): a name of another
    kind (a dance hall for "who was the gunman?") may be the best there is, but it is no confident
    answer, so its confidence is cut to 0.4×. Other questions keep theirs: the small NER model
    often files a team under its town or a drug under an organisation, so a "which team/city/drug"
    label mismatch says little (measured: three right short answers lost on RealTime QA). Numbers
    are told apart reliably: "75" (basis points) is no confident answer to "what is the interest
    rate?", which wants a percentage."""
    if kind.labels == PEOPLE and label not in PEOPLE and label not in kind.secondary:
        return 0.4
    if kind.wants_number and len(kind.labels) == 1 and label not in kind.labels:
        return 0.4
    return 1.0


def _several(kind: QuestionKind, found: list[Candidate], coverage: list[float], min_confidence: float,
             sentences: list[tuple[str, float, str | None]], limit: int) -> list[Pick]:
    """Plural questions ("where were the objects shot down?"): the best value of each strong
    sentence, distinct values only, in sentence order; a sentence counts while its score is close
    to the best one's (its vote is at least a quarter of the best sentence's)."""
    best_score = max(s for _, s, _ in sentences)
    picks: list[Pick] = []
    seen: set[str] = set()
    for index in sorted({c.sentence for c in found}):
        if math.exp(-(best_score - sentences[index][1]) / 0.15) < 0.25:
            continue
        mine = [c for c in found if c.sentence == index and c.eligible and _key(c.text) not in seen]
        if not mine:
            continue
        c = max(mine, key=lambda c: (c.weight, -c.start))
        if c.weight < 0.5 * max(x.weight for x in found if x.sentence == index):
            continue
        if picks and c.label != picks[0].label:  # one list holds one kind of thing, not a product and a town
            continue
        confidence = (0.5 + 0.5 * coverage[index]) * min(1.0, c.weight) * _kind_factor(kind, c.label)
        if not picks and confidence < min_confidence:
            return []
        if picks and _names_head(picks[0].text, kind.head) and not _names_head(c.text, kind.head):
            continue  # "latex emulsion chemicals" for "what chemicals …": a list of chemicals, not a party after it
        # values listed together in the sentence ("Silicon Valley Bank and Signature Bank") all count
        for value in _listed_with(c, mine, sentences[index][0]):
            if len(picks) < limit and _key(value.text) not in seen:
                seen.add(_key(value.text))
                picks.append(Pick(value.text, index, value.start, value.end, value.label, round(confidence, 4)))
        if len(picks) == limit:
            break
    return picks


def _names_head(text: str, head: str) -> bool:
    """A value says what kind of thing it is in the question's head noun ("latex emulsion chemicals"),
    read in the singular as the head was (`bot.question.singular`)."""
    return bool(head) and head in {singular(w) for w in re.findall(r"[a-z]+", text.lower())}


_LISTED = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")
_AND = re.compile(r",?\s+and\s+")  # a pair, not "Paris, France" (an address) nor "A or B" (a choice)


def _listed_with(best: Candidate, others: list[Candidate], sentence: str, joint: re.Pattern = _LISTED) -> list[Candidate]:
    """The best value and those of its kind coordinated with it ("A, B and C"), in sentence order."""
    same = sorted((c for c in others if c.label == best.label), key=lambda c: c.start)
    at = next(i for i, c in enumerate(same) if c is best)
    group = [best]
    for step in (-1, 1):
        i = at
        while 0 <= i + step < len(same):
            a, b = (same[i + step], same[i]) if step < 0 else (same[i], same[i + step])
            if not joint.fullmatch(sentence[a.end:b.start]):
                break
            group.append(same[i + step])
            i += step
    return sorted(group, key=lambda c: c.start)


def _merge_contained(totals: dict[str, float], best_of: dict[str, Candidate]) -> None:
    """"Biden" and "Joe Biden" are one value: the shorter's weight goes to the longer form."""
    keys = sorted(totals, key=len)
    for short in keys:
        for long in keys:
            if long != short and len(short) >= 3 and re.search(rf"\b{re.escape(short)}\b", long) and short in totals:
                totals[long] += totals.pop(short)
                best_of.pop(short, None)
                break


def _key(text: str) -> str:
    text = re.sub(r"^(?:the|a|an)\s+", "", text.lower().strip(" .,;:“”\"'’"))
    return re.sub(r"(?:’s|'s)$", "", text)


def _in_question(text: str, label: str, question: str, q_lower: str, q_terms: set[str], name_words: set[str],
                 head: str = "") -> bool:
    """The question's own names are not its answer ("Recep Tayyip Erdogan" when it asks about
    Erdogan); a name that merely shares a common word with it can be ("Pope Benedict XVI" for
    "which former pope …"), and so can a name made of the question's words that names the kind
    asked for ("University of Idaho" for "which university were the Idaho victims at?")."""
    own = set(terms(text))
    if text.lower() in q_lower:
        return True
    if head and text[:1].isupper() and head in re.findall(r"[a-z]+", text.lower()):
        return False
    if own and own <= q_terms:
        return True
    acronym = text.replace(".", "")
    if acronym.isupper() and len(acronym) <= 5 and re.search(rf"\b{re.escape(acronym)}\b", question.replace(".", "")):
        return True  # "U.S" when the question says "US fighter jets"
    return label in NAMES and bool(own & name_words)


_ANYONE = frozenset(terms("people person persons residents victims civilians died die dead killed death deaths"))


def number_fit(sentence: str, e: Entity, counted: tuple[str, ...], deaths: bool = False) -> float:
    """A number next to the counted noun ("5,000 troops", "23 seasons") beats a stray one; a bare
    year is rarely a count. For a question about deaths, a toll counts too ("the death toll … has
    risen to 35,418", "5,800 have died"). (Which of several figures counts what the question says
    happened, "will close 14 of its 60 stores", is `event_owners`' to say.)"""
    if _YEAR.match(e.text.strip()):
        return 0.2
    if e.label not in NUMERIC:
        return 0.5
    if counted and (e.label == "QUANTITY" or _TIME_COUNT.search(e.text)) and not set(counted) & set(terms(e.text)):
        return 0.2  # a measure ("130 km/h", "5 kilometres") or a time ("48 seconds") counts no people or things
    if deaths and set(counted) <= _ANYONE and (CASUALTY.search(sentence[e.end: e.end + 40]) or
                                               re.search(r"\btoll\b", sentence[max(0, e.start - 100): e.start], re.I)):
        return 3.0  # (a toll counts people: "how many soldiers died" still wants the soldiers' number)
    if _IN_A_NAME.search(sentence[max(0, e.start - 30): e.start]) and not _MONTH_BEFORE.search(
            sentence[max(0, e.start - 12): e.start]) and not _SCORE.fullmatch(e.text):
        return 0.3  # "Leopard 2 tanks", "Super Bowl 57": a name's number counts nothing (a team's "2-1" is a result)
    if not counted:
        return 1.0
    if _PART_OF.match(sentence[e.end: e.end + 12]):
        return 0.5  # "two of the students killed" are some of them, not how many
    if e.text.strip().lower() == "one":
        return 0.5  # "One Twitter employee who was laid off told CNN …": someone, not how many
    # a hyphenated modifier names no counted thing: "1,000 anti-tank weapons" are weapons
    around = terms(e.text) + terms(_COMPOUND.sub(" ", sentence[e.end: e.end + 40]))[:3]
    if not any(c in around for c in counted):
        return 0.5
    if len(counted) > 1 and _qualified_otherwise(sentence[e.end: e.end + 40], counted):
        return 0.5  # "four Ukrainian soldiers" does not count the Russian soldiers asked about
    return 3.0


ELIDED_FIT = 0.5  # number_fit's weight for a figure with no counted noun beside it
_ELIDED = re.compile(r"^\s+(?:more\s+|others?\s+)?(?:were|was|are|is|have|has|had|will|would|remain(?:ed|s)?)\b", re.I)
_HEDGE = r"(?:about |around |nearly |almost |some |roughly |just |more than |over |fewer than |less than )?"
# "up from 48,000", "compared with 1.2 million": the figure before the change, the older one
_OLD_VALUE = re.compile(r"\b(?:up|down|rose|fell|risen|fallen|rising|falling|increased|decreased|grew|grown|dropped|"
                        rf"climbed|jumped|slipped)\s+from\s+{_HEDGE}$|\bcompared (?:with|to)\s+{_HEDGE}$", re.I)
_PAST_MARK = re.compile(r"\b(?:last|previous|prior|preceding) (?:year|month|week|season|quarter|term)\b|"
                        r"\ba (?:year|month|week|season|decade) (?:earlier|ago|before)\b|"
                        r"\bthe (?:year|month|week|season) before\b", re.I)
_CLAUSE_BREAK = re.compile(r"[,;.:]|\s(?:and|but|while|whereas)\s")
_WORD = re.compile(r"[\w’'-]+")
EVENT_OWNER = 3.0  # the figure nearest a word of the asked event weighs 3x, the sentence's other figures 1/3:
# set before measuring, as number_fit's 3.0 for a counted noun beside the figure, so that telling the
# event outweighs a counted noun ("cancel 212 flights …, and another 340 were delayed")


def elided_count(sentence: str, e: Entity, counted: tuple[str, ...]) -> bool:
    """A figure whose noun is left out counts the noun the sentence named before it: "cancelled 212
    flights, and another 340 were delayed", "62,000 visitors, up from 48,000 last year"."""
    if not counted or e.label not in NUMERIC or not set(counted) & set(terms(sentence[: e.start])):
        return False
    return bool(_ELIDED.match(sentence[e.end:]) or _OLD_VALUE.search(sentence[max(0, e.start - 40): e.start]))


def _gap(f: Entity, start: int, end: int) -> int:
    return max(f.start - end, start - f.end, 0)


def event_owners(sentence: str, figures: list[Entity], event: frozenset[str]) -> list[Entity] | None:
    """Of two or more figures in a sentence, the ones nearest a word of the asked event, which count
    it (EVENT_OWNER times the others' weight): in "forced the airport to cancel 212 flights, and
    another 340 were delayed" 340 answers "how many were delayed?" and 212 "how many were
    cancelled?". None when the sentence has one figure or does not tell the event."""
    if not event or len(figures) < 2:
        return None
    marks = [m for m in _WORD.finditer(sentence)
             if (found := terms(m.group())) and found[0] in event and _as_verb(sentence, m)]
    if not marks:
        return None
    # the nearest in the verb's own clause first: "About 4,000 residents were evacuated and 12 people are
    # still missing" (12 is nearer "evacuated", across the "and")
    return [min(figures, key=lambda f: (not _same_clause(sentence, f, m), _gap(f, m.start(), m.end()))) for m in marks]


def _same_clause(sentence: str, f: Entity, m: re.Match) -> bool:
    between = sentence[f.end: m.start()] if f.end <= m.start() else sentence[m.end(): f.start]
    return not _CLAUSE_BREAK.search(between)


_VERB_ENDING = re.compile(r"(?:ed|en|ing)$", re.I)
_BEFORE_A_VERB = re.compile(r"\b(?:to|will|would|can|could|may|might|must|shall|should|did|does|do|not)\s+$", re.I)


def _as_verb(sentence: str, m: re.Match) -> bool:
    """The word is used as a verb ("were delayed", "to cancel"), not as a noun that names what the
    question is about ("the festival"): a past or present participle's ending, or a word after "to"
    or a modal."""
    return bool(_VERB_ENDING.search(m.group()) or _BEFORE_A_VERB.search(sentence[max(0, m.start() - 8): m.start()]))


def _earlier(sentence: str, e: Entity) -> bool:
    """The figure is the older one of a comparison: "up from 48,000", "48,000 last year"."""
    tail = _CLAUSE_BREAK.split(sentence[e.end: e.end + 60], maxsplit=1)[0]
    return bool(_OLD_VALUE.search(sentence[max(0, e.start - 40): e.start]) or _PAST_MARK.search(tail))


def time_fit(sentence: str, e: Entity, figures: list[Entity], earlier_of: dict[int, bool], past_asked: bool) -> float:
    """"62,000 visitors this year, up from 48,000 last year": a question about last year wants the
    older figure, any other the newer (the year before's figure is no answer for this year's). Only
    where the sentence gives both: 1.0 otherwise. `earlier_of`: `_earlier` of each figure, by id."""
    others = [f for f in figures if not _overlap(f, e)]
    if not others:
        return 1.0
    earlier = _earlier(sentence, e)
    if past_asked:
        return EVENT_OWNER if earlier else 1 / EVENT_OWNER if any(earlier_of[id(f)] for f in others) else 1.0
    return 1 / EVENT_OWNER if earlier and any(not earlier_of[id(f)] for f in others) else 1.0


_TIME_COUNT = re.compile(rf"\s{DURATION}$", re.I)
_PART_OF = re.compile(r"\s+of\s+(?:the|those|them|these)\b(?!\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b)",
                      re.I)  # ("14 of its tanks" is a count)
_IN_A_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\s$")  # a capitalised word, not opening a sentence
_MONTH_BEFORE = re.compile(rf"\b{MONTHS}\s$")
_COMPOUND = re.compile(r"\b\w+(?:-\w+)+\b")
_AGED = re.compile(r"\b(?:aged?|at)\s*$", re.I)
_YEARS_OLD = re.compile(r"^(?:\s*|-)years?[- ]old\b", re.I)
_NAMED_BEFORE = re.compile(r"[A-Z][\w'’.-]+,\s*$")


def age_fit(sentence: str, e: Entity) -> float:
    """"How old …" wants an age: "54-year-old", "54 years old", "aged 54", "Presley, 54," beat
    a number of something else ("Elvis' two private jets")."""
    after, before = sentence[e.end: e.end + 12], sentence[max(0, e.start - 40): e.start]
    if re.search(r"years?[- ]old", e.text, re.I) or _YEARS_OLD.search(after) or _AGED.search(before):
        return 3.0
    if _NAMED_BEFORE.search(before) and after.startswith(","):
        return 3.0
    return 0.3


_SCORE_HEADS = frozenset({"score", "scoreline", "result"})
_SCORE = re.compile(r"(?<![\w/.-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\w/%-])")


def _with_scores(text: str, spans: list[Entity]) -> list[Entity]:
    """The spans with each result written "2-1" or "38–35" as one figure, in place of the numbers
    read inside it."""
    return _in_place_of(spans, [Entity(m.start(), m.end(), "CARDINAL", m.group()) for m in _SCORE.finditer(text)])


def _in_place_of(spans: list[Entity], figures: list[Entity]) -> list[Entity]:
    """`spans` with `figures` in place of those they overlap."""
    if not figures:
        return spans
    return [e for e in spans if not any(_overlap(e, x) for x in figures)] + figures


def _overlap(a: Entity, b: Entity) -> bool:
    return a.start < b.end and b.start < a.end


_NUMBER_WORD = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|a hundred)"
# (not "won 3 in 2021": a year is no denominator)
_PROPORTION = re.compile(rf"\b{_NUMBER_WORD}\s+(?:in|out of)\s+(?:every\s+)?(?!(?:19|20)\d\d\b){_NUMBER_WORD}\b", re.I)


def _with_proportions(text: str, spans: list[Entity]) -> list[Entity]:
    """The spans with each proportion ("one in five", "3 out of 10") as one figure, in place of the
    numbers read inside it: "five" alone misstates "one in five patients waited"."""
    return _in_place_of(spans, [Entity(m.start(), m.end(), "CARDINAL", m.group()) for m in _PROPORTION.finditer(text)])


def duration_fit(e: Entity) -> float:
    """"How long …" wants a stretch of time or a length ("58 hours", "eight months", "2.3 miles"),
    not a count of something else ("all nine miners trapped … after 58 hours underground")."""
    if e.label in TEMPORAL or e.label == "QUANTITY" or _TIME_COUNT.search(e.text):
        return 1.0
    return 0.3


_REQUEST = (r"(?:ask(?:s|ed|ing)? for|sought|seek(?:s|ing)?|propos(?:e|es|ed|ing)|request(?:s|ed|ing)?|"
            r"demand(?:s|ed|ing)?|call(?:s|ed|ing)? for|offer(?:s|ed|ing)?|bid(?:s|ding)?)")
_REQUEST_WORD = re.compile(rf"\b{_REQUEST}|\b(?:asked|offer|bid|proposal|request|demand)\b", re.I)
# a figure someone asked for, proposed or offered, in its clause: "had asked for a fine of 500,000"
_REQUESTED = re.compile(rf"\b{_REQUEST}\b[^,;.]{{0,30}}$", re.I)
_DISTANCE = re.compile(r"\b(?:km|kilomet(?:re|er)s?|met(?:re|er)s?|miles?|feet|foot|ft|yards?|light[\s-]years?|"
                       r"parsecs?|astronomical units?)\b", re.I)


def distance_fit(e: Entity) -> float:
    """"How far …" wants a length ("120 light years", "30 miles"), not a time or a bare count
    ("orbits its star every 11 days")."""
    return 1.0 if _DISTANCE.search(e.text) else 0.3


def _qualified_otherwise(after: str, counted: tuple[str, ...]) -> bool:
    """The words between a number and its noun name another group than the question's qualifier
    ("how many Russian soldiers" → counted (russian, soldier); "four Ukrainian soldiers")."""
    for word in re.findall(r"[\w’'-]+", after)[:3]:
        found = terms(word)
        if found and found[0] in counted:
            return False  # reached the counted words first
        if word[:1].isupper():
            return True
    return False


# "… blames for the death of" / "accused him of": what follows is the reason, not who is blamed
_CHARGED_FOR = re.compile(r"\b(?:blam|accus)\w*\b[^.;]*?\b(?:for|of)\b[^.;]*$", re.I)
# "officials revealed (on Saturday) that …": what follows "that" is what was reported
_REPORT_THAT = re.compile(rf"\b(?:{REPORTING}|revealed|reveals|disclosed|discloses|confirmed|confirms|reported|"
                          rf"reports|acknowledged|admitted|learned)\b[^.;:]{{0,40}}?\bthat\b")


def _dates_the_report(sentence: str, e: Entity, event: frozenset[str]) -> bool:
    """"On Saturday, officials revealed that balloons had entered US airspace three times": the
    date is when it was revealed, not when they entered. True when the date lies in the clause
    that reports and the asked event is told only in the reported one."""
    match = _REPORT_THAT.search(sentence)
    if match is None or e.start >= match.end():
        return False
    return _told_only_after(sentence, match.start(), match.end(), event)


_VERB_AFTER = re.compile(r"^\s*,?\s*([a-z]+ed)\b")


def _dates_another_verb(sentence: str, e: Entity, event: frozenset[str]) -> bool:
    """"The White House on Friday defended its response to the derailment": the date is the
    defending's, for "when did the derailment happen?". True when a verb of another event follows
    the date and the asked event is told only after it."""
    match = _VERB_AFTER.match(sentence[e.end:])
    if match is None or set(terms(match.group(1))) & event:
        return False
    return _told_only_after(sentence, e.start, e.end + match.end(), event)


def _told_only_after(sentence: str, start: int, end: int, event: frozenset[str]) -> bool:
    """The asked event is told after `end` and not before `start`."""
    return not event & set(terms(sentence[:start])) and bool(event & set(terms(sentence[end:])))


def _date_fit(text: str) -> float:
    """A date that names a day or a year beats "recent weeks"."""
    stripped = text.strip().lower()
    if _VAGUE_DATE.match(stripped):
        return 0.1
    return 1.0 if re.search(r"\d", stripped) else 0.6
