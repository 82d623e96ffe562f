"""Conversation memory: recent turns, and follow-up questions resolved against them without an LLM.

A follow-up ("what did Erdogan say about it?", "and how many troops?") is recognised by pronouns,
a leading "and/what about", by being too short to stand alone, or by naming nothing new while asking
about what the previous turn was about ("what was the magnitude of the earthquake?" after a question
on the Turkey earthquake); its retrieval query then carries the entities of the previous question
and answer.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from bot.question import names_in, personal_pronoun
from bot.retrieve import QUESTION_WORDS, entities, query_terms
from bot.types import Answer
from index.lexical import terms

_REFERRING = re.compile(
    r"\b(it|its|that|this|those|these|they|them|their|he|she|him|her|his|there|then|the same)\b", re.I
)
_CONTINUING = re.compile(r"^\s*(and|also|but|so|what about|how about|then)\b", re.I)


@dataclass(frozen=True)
class Turn:
    question: str
    query: str
    answer: Answer


def is_follow_up(question: str) -> bool:
    if _CONTINUING.search(question) or _REFERRING.search(question):
        return True
    return len(query_terms(question)) < 2 and not named(question)


def named(text: str) -> list[str]:
    """The capitalised words and numbers of a text that say something: `entities` without stop
    words and question words ("By how much?" names nothing; "Why" and "By" are no topic to carry)."""
    return [e for e in entities(text) if (stems := terms(e)) and not all(t in QUESTION_WORDS for t in stems)]


def continues_topic(question: str, turn: Turn) -> bool:
    """A question that names nothing new ("what was the final score?", or "who was named MVP?" when
    the previous answer's articles say MVP) and at least half of whose other words the previous
    turn's question, answer or cited articles (title and passage) hold: it asks about that turn's
    topic. A new topic shares few words with it and stands alone, with names ("what did Biden say
    about the debt ceiling?" after the balloon: "debt ceiling" is new) or without ("how is
    inflation doing?")."""
    words = set(query_terms(question))
    if not words:
        return False
    said = set(terms(" ".join([turn.question, *(s.text for s in turn.answer.segments),
                               *(f"{c.title} {c.passage}" for c in turn.answer.citations)])))
    names = set(terms(" ".join(named(question))))
    if not names <= said:
        return False
    words -= names
    return bool(words) and 2 * len(words & said) >= len(words)


class Conversation:
    def __init__(self, max_turns: int = 6) -> None:
        self.turns: deque[Turn] = deque(maxlen=max_turns)

    def follows(self, question: str) -> bool:
        """The question continues this conversation (see the module's doc). A "he"/"she" after a
        person the question names is that person ("what did Nicola Sturgeon say when she
        resigned?" asks nothing of the turn before)."""
        return bool(self.turns) and (is_follow_up(without_own_pronouns(question))
                                     or continues_topic(question, self.turns[-1]))

    def resolve(self, question: str) -> str:
        """The retrieval query for a question in this conversation."""
        if not self.follows(question):
            return question
        previous = self.turns[-1]
        focus = self.focus(question)
        # a refusal's text ("None of the passages mention …") is no topic
        said = _topic_words(previous.answer) if previous.answer.found else []
        carried = ([focus] if focus else []) + named(previous.query) + said
        have = {e.lower() for e in named(question)}
        # all-caps words are usually datelines ("ERBIL"), not the topic
        extra = [e for e in dict.fromkeys(carried) if e.lower() not in have and not e.isupper()][:5]
        if not query_terms(question):  # "By how much?" asks the question before again, about another thing
            extra = [w for w in previous.query.split() if query_terms(w) and w not in extra] + extra
        return f"{question} {' '.join(extra)}".strip() if extra else question

    def focus(self, question: str) -> str | None:
        """The person a follow-up's "he"/"she"/"his"/"her" stands for: the previous answer's short
        answer when it names a person, else the first person its answer names. None when the
        question has no such pronoun, or names someone itself."""
        pronoun = personal_pronoun(question)
        if not self.turns or not pronoun or _names_a_person(question):
            return None
        wanted = "f" if pronoun.lower() in {"she", "her", "hers"} else "m"
        for turn in reversed(self.turns):
            short = turn.answer.short_answer
            answered = ([short.phrases[0].text] if short is not None and short.label == "PERSON" else []) + \
                _people(_first_sentences(turn.answer))
            # the person a question was about ("where did Pope Benedict die?", "who is Damar
            # Hamlin?") before anyone its answer quotes (a spokesman, a president); a who-question
            # asking for someone puts the one found first ("who replaced Jacinda Ardern?")
            asked = _people(turn.question)
            people = answered + asked if _ASKS_FOR_SOMEONE.match(turn.question) else asked + answered
            texts = [c.passage for c in turn.answer.citations if c.passage]
            for person in dict.fromkeys(people):
                # "he" is not the woman the articles call "she" (their own pronouns decide; unknown: kept)
                if gender_in(person, texts) in (None, wanted):
                    return person
        return None

    def remember(self, answer: Answer) -> None:
        if answer.question.strip():
            self.turns.append(Turn(answer.question, answer.query or answer.question, answer))

    def recent_articles(self) -> tuple[str, ...]:
        if not self.turns:
            return ()
        return tuple(dict.fromkeys(c.article_id for c in self.turns[-1].answer.citations))

    def reset(self) -> None:
        self.turns.clear()


_OWN_PRONOUN = re.compile(r"\b(?:he|she|his|himself|herself)\b", re.I)


def without_own_pronouns(question: str) -> str:
    """The question without the he/she/his that follow a person it names (they stand for that
    person, not for someone of the turn before). "Her" and "him" are kept: "what did Biden say
    about her?" still asks who she is."""
    if not _OWN_PRONOUN.search(question):
        return question
    people = _people(question) or names_in(question)  # (the small model misses some people in questions)
    ends = [question.find(p) + len(p) for p in people if p in question]
    if not ends:
        return question
    after = min(ends)
    return question[:after] + _OWN_PRONOUN.sub("", question[after:])


def _people(text: str) -> list[str]:
    """The people a text names, but the one reporting ("Police Chief James Fry confirmed the arrest
    of Bryan Kohberger": "he" after it is Kohberger)."""
    from bot.short_answer import is_speaker
    from index.nlp import entities_of

    return [e.text for e in entities_of([text])[0] if e.label == "PERSON" and not is_speaker(text, e)]


# "who won?", not "who is Damar Hamlin?" (that asks about the one named)
_ASKS_FOR_SOMEONE = re.compile(r"^\s*(?:[Aa]nd\s+)?[Ww]ho(?:m|se)?\b(?!\s+(?:is|was|are|were)\s+(?:[A-Z][\w.’'-]*\s*)+\??\s*$)")
_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.I)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)


def gender_in(person: str, texts: list[str]) -> str | None:
    """"m" or "f" when the texts refer to the person (by surname) with he/him or she/her in the
    sentence naming them or the next one, clearly more often one way; None when they do not say."""
    surname = person.split()[-1]
    he = she = 0
    for text in texts:
        for match in re.finditer(rf"\b{re.escape(surname)}\b", text):
            window = text[match.end(): match.end() + 300]
            stop = re.search(r"[.!?][\"”’]?\s+\S+[^.!?]*[.!?]", window)  # this sentence and the next
            window = window[: stop.end()] if stop else window
            he += len(_HE.findall(window))
            she += len(_SHE.findall(window))
    if he > 2 * she and he >= 1:
        return "m"
    if she > 2 * he and she >= 1:
        return "f"
    return None


def _names_a_person(question: str) -> bool:
    return bool(_people(question))


def _topic_words(answer: Answer, n: int = 2) -> list[str]:
    """The names an answer's first sentences carry to a follow-up: not the capitalised word that
    only opens a sentence ("Exactly five years since …", "Instead …"), nor its figures (the "17" of
    another shooting it recalled)."""
    words: list[str] = []
    for segment in answer.segments[:n]:
        opener = segment.text.split()[0].strip("“\"'‘(") if segment.text.split() else ""
        rest = segment.text[len(opener):]
        words += [w for w in named(segment.text) if not re.fullmatch(r"[\d.,%$€£]+", w)
                  and not (w == opener and not re.search(rf"\b{re.escape(w)}\b", rest))]
    return list(dict.fromkeys(words))


def _first_sentences(answer: Answer, n: int = 2) -> str:
    """The answer's first sentences (its segments' words; no citation markers to strip)."""
    return " ".join(s.text for s in answer.segments[:n])
