"""What a fact question says happened, and whether the articles an answer quotes tell it.

"How much did hackers demand from Lenford Bank?" over a report of the hack that says nothing of a
demand: the names are there, the event is not, and the closest sentences are no answer. The check
is lexical (no synonym resource ships here, and word vectors rank "fall"–"rise" above "fall"–"down"):
the words of what happened are the asking sentence's words less its names, frame, the kind of answer
asked for, the counted noun, light verbs and function words; a word is told when any chunk of an
article quoted holds it in any form. Measured in docs/EVALUATION_LOG.md ("An event no quoted article
tells"): it keeps most absent events from being answered as if told on newsroom questions, and on
quiz-worded questions falls on answerable ones as often as on absent ones.
"""

from __future__ import annotations

import re

from bot import answer_rules as rules
from bot.numerals import YEAR, figures
from bot.question import (CASUALTY, QuestionKind, asked_type, asking_sentence, asks_why, asks_yes_no, frame_word,
                          question_name_terms, told_in)
from bot.sentence_checks import denied_terms, denied_things, denied_verbs, pending_terms
from bot.sentence_scoring import article_words
from bot.text import quoted_list
from bot.settings import AnswerSettings
from bot.types import Passage
from index.lexical import terms
from index.sentences import split_sentences
from index.store import IndexVersion

# words of a question saying what kind of answer it wants or how, not what happened: a passage
# telling the event need not use them ("how long", "what share", "prize money", "did they get")
_ASKED_FOR = frozenset(terms("long often big old far tall high large small deep wide heavy fast amount number figure total money share "
                             "percentage rate cost price size age value now still ever get got go going went come "
                             "came become became say said make made type kind sort might may must can shall"))
# function words the lexical stop list (33 words) lets through: no event in them
_FUNCTION = frozenset(terms(
    "from about after before between through during until while because since though although whether "
    "over across against among amid despite toward towards within without via per upon onto near behind "
    "beyond under above below throughout along around also just only even more most less least very too so "
    "some any each every all both other another same own than here off out up down away back again ago "
    "i me my we our you your he him his she her its them those who whom whose what which where when why how "
    "being been am were has have had do does did would could should "
    "anyone anybody anything someone somebody something nobody nothing"))
# light verbs: what happened is in their object ("sent rescue teams", "held the record", "took office")
_LIGHT_VERBS = frozenset(terms("give gave given send sent put take took taken hold held keep kept bring brought "
                               "let set show shown use used do does did done have has had cause caused causes causing"))
_QUESTION_WORDS = re.compile(r"(?<![\w’'])[a-z][\w’'-]*")


# a figure's scale is part of the figure (checked as one: `stated`), not of what happened
_SCALE_WORDS = frozenset(terms("hundred thousand million billion trillion percent"))
_NO_EVENT = _ASKED_FOR | _LIGHT_VERBS | _FUNCTION | _SCALE_WORDS
_COST_VERB = re.compile(r"\bhow much (?:did|does|do|will|would|could|has|have|had)\b.*\bcosts?\b", re.I)
_LAST_YEAR = re.compile(r"\blast year(?:['’]s)?\b", re.I)
_TOLL = frozenset(terms("died dead death deaths killed kills killing toll fatality fatalities perished casualty casualties"))


def event_words(question: str, kind: QuestionKind, yes_no: bool = False) -> list[tuple[str, str]]:
    """The words of a fact question's asking sentence naming what happened, (word, stem) in order:
    not its names, its frame ("when", "did", "this year"), the kind of answer asked for ("how long",
    "what share", "which Hollywood star"), the counted noun, light verbs or function words. With
    `yes_no`, a question asking whether it happened ("Did Fennick Bank pay a ransom?") is read too:
    articles that never say "ransom" cannot answer yes or no."""
    if not kind.factoid and not asks_why(question) and not yes_no:  # a why-question presupposes its event too
        return []
    asking = asking_sentence(question)
    # (a word of dying counted with its noun, "how many people died", is still what happened)
    counted = {t for t in kind.counted if not (kind.deaths and CASUALTY.fullmatch(t))}
    skip = set(question_name_terms(question)) | counted | asked_type(asking)
    # "how much did the study cost?": there "cost" is the verb, what happened, not the kind of answer
    # asked for ("what is the cost of …")
    costs = bool(_COST_VERB.search(asking))
    out = []
    for word in _QUESTION_WORDS.findall(asking):
        found = terms(word)
        if found and (costs and found[0] == "cost" or not (found[0] in skip or frame_word(found[0]) or found[0] in _NO_EVENT)):
            out.append((word, found[0]))
    return list(dict.fromkeys(out))


def untold_words(question: str, kind: QuestionKind, passages: list[Passage],
                 version: IndexVersion | None = None, denied: bool = True,
                 pending: bool = True) -> tuple[list[str], int]:
    """The words naming what a fact question says happened (`event_words`) that the articles of
    these passages never use in any form ("demand" in "how much did hackers demand from Lenford
    Bank?" over a report of the hack that says nothing of a demand): the people and places are there,
    the event is not. A word of dying is told by any word of a death toll. With `denied`, a word the
    passages use only after a negation is not told either ("Where were the coins found?" over "the
    coins have not been found"). With `pending`, for a question about what was done ("Who was named
    …?"), neither is a word the passages use only of what is still to come ("a chief would be
    named within a week"). Returns them and how many words were checked."""
    untold, checked, _, _ = _untold(question, kind, passages, version, denied, pending)
    return untold, checked


def _untold(question: str, kind: QuestionKind, passages: list[Passage], version: IndexVersion | None,
            denied: bool, pending: bool, yes_no: bool = False,
            stated: bool = False) -> tuple[list[str], int, list[str], list[str]]:
    """`untold_words`, which of them the passages do use, only of what did not or has yet to happen,
    and (with `stated`, also among the untold) the figures the question states that no passage states."""
    words = event_words(question, kind, yes_no)
    asking = asking_sentence(question)
    years = YEAR.findall(asking) if words else []
    if not words or not passages:
        return [], len(words), [], []
    held = frozenset().union(*(article_words(p, version) for p in passages))
    # (a question that itself asks about what did not or is yet to happen is left alone: "Which
    # coins have not been found?", "Who was ordered to pay?")
    plain = not denied_terms(question)
    # (a yes/no question is answered by a denial: "Were any passwords stolen?" by "no passwords … were taken")
    denied = denied and plain and not yes_no
    pending = pending and plain and asks_about_the_past(question, kind) and not pending_terms(question)
    unsaid, said = _unhappened(passages, denied, pending) if denied or pending else (frozenset(), frozenset())
    # (in any form: "without a win" is no answer, "He won 11 of his 32 games" is one)
    only_denied = {term for _, term in words if told_in(term, unsaid) and not told_in(term, said)}
    unhappened = [word for word, term in words if term in only_denied]
    untold = [word for word, term in words if term in only_denied or not (
        told_in(term, held) or CASUALTY.fullmatch(word.lower()) and _TOLL & held)]
    # the year the question asks about ("who won the 2023 Nobel Peace Prize?"): told when an article
    # quoted names it or was published in it (an obituary of a 1958 laureate tells another year)
    published = {(p.article.published or "")[:4] for p in passages}
    untold += [y for y in dict.fromkeys(years) if y not in held and y not in published]
    checked = len(words) + len(set(years))
    # a figure the question states ("its largest gift of 50,000 pounds"): told when a passage quoted
    # states that value in some form ("50,000", "50 thousand", "$2tn" for "$2 trillion"); "5,000
    # pounds" tells another gift. Small numbers ("two men") are words more often than figures.
    unstated = []
    if stated:
        asked = [(w, v) for w, v in figures(asking) if v > 10]
        values = {v for p in passages for _, v in figures(p.text)}
        unstated = [w for w, v in asked if not any(abs(v - x) <= 0.005 * v for x in values)]
        untold += unstated
        checked += len(asked)
    # … and "last year" ("who won the cup final last year?"): told when a passage says it or names the
    # year before its article's (a report of this year's final tells nothing of last year's)
    if _LAST_YEAR.search(asking):
        checked += 1
        before = {str(int(y) - 1) for y in published if y.isdigit()}
        if not any(_LAST_YEAR.search(p.text) for p in passages) and not before & held:
            untold.append("last year")
    return untold, checked, unhappened, unstated


# verbs of measure say what something is, to come or not: "the study will cost 2 million euros"
# answers "how much did the study cost?"
_MEASURE = frozenset(terms("cost costs last lasts weigh weighs measure measures"))
_DONE = re.compile(r"\b(?:was|were|did|has|have|had)\b", re.I)


def asks_about_the_past(question: str, kind: QuestionKind) -> bool:
    """"Who was named …?", "When did … close?": the question asks about something done, not about
    what is to come ("Who will be named …?")."""
    return not kind.future and bool(_DONE.search(asking_sentence(question)))


def _unhappened(passages: list[Passage], denied: bool, pending: bool) -> tuple[frozenset[str], frozenset[str]]:
    """The stemmed verbs the passages use only right after a negation (with `denied`; `denied_verbs`:
    "have not been *found*", "never *paid*"; and the nouns they say there was none of, `denied_things`:
    "without a *referendum*") or of what is still to come (with `pending`;
    `pending_terms`: "would be *named*", "ordered to *pay*"), and the words they use otherwise: a
    question's word is unhappened when it is among the first in some form and among the second in none."""
    unsaid: set[str] = set()
    said: set[str] = set()
    for p in passages:
        for start, end in split_sentences(p.text):
            sentence = p.text[start:end]
            no = (denied_verbs(sentence) | denied_things(sentence) if denied else set()) | (
                pending_terms(sentence) - _MEASURE if pending else set())
            unsaid |= no
            said |= set(terms(sentence)) - no
    return frozenset(unsaid), frozenset(said)


def untold_event(question: str, kind: QuestionKind, passages: list[Passage], version: IndexVersion | None,
                 settings: AnswerSettings) -> tuple[list[str], str]:
    """The words of what a fact question says happened that the articles of these passages never
    use, when they are at least `untold_share` of the words checked (`untold_words`), or a figure it
    states that none states (`stated_figure`: the premise itself is not told), and the notice saying
    so; else none and ""."""
    untold, checked, unhappened, unstated = _untold(
        question, kind, passages, version, rules.on(settings, "denied_event"), rules.on(settings, "pending_event"),
        rules.on(settings, "yes_no_judged") and asks_yes_no(question, kind), rules.on(settings, "stated_figure"))
    if not untold or len(untold) < settings.untold_share * checked and not unstated:
        return [], ""
    return untold, untold_notice([w for w in untold if w not in unhappened], unhappened)


def untold_notice(unsaid: list[str], unhappened: list[str]) -> str:
    """'The articles quoted do not say “demand”', or, for words they use only of what did not or
    has yet to happen, 'say “named” only of what has not happened'."""
    parts = [f"do not say {quoted_list(unsaid)}"] if unsaid else []
    if unhappened:
        parts.append(f"say {quoted_list(unhappened)} only of what has not happened")
    return f"The articles quoted {', and '.join(parts)}; the closest sentences:"

