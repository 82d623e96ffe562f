"""The model reader's part of the answer path: the best sentences by the rules' features are read by
the trained reader, which orders them and may give the short answer (pure given a reader)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bot.read import Reading, SentenceReader, answer_score
from bot.question import told_in
from bot.sentence_checks import denied_terms, negated, not_a_statement, question_verbs
from index.lexical import terms
from index.sentences import split_sentences


@dataclass
class Read:
    """What the reader made of the sentences of one answer."""

    readings: dict[int, Reading] = field(default_factory=dict)  # id(sentence) -> its reading
    best: float = 0.0  # the best relevance among the sentences read
    threshold: float = 0.5

    def of(self, sentence) -> Reading | None:
        return self.readings.get(id(sentence))

    @property
    def answers(self) -> bool:
        return self.best >= self.threshold


def read_sentences(question: str, sentences: list, passages: list, reader: SentenceReader, depth: int,
                   mix: float = 0.0) -> tuple[list, Read]:
    """The first `depth` sentences (the rules' order) read by the reader, each with its article's
    title, and re-ordered by its relevance (with its span's surety where the span was read:
    `bot.read.answer_score`; + `mix` × the rules' score); the rest follow, below every sentence read."""
    top = sentences[:depth]
    if not top:
        return sentences, Read()
    readings = reader.read(question, [(s.text, passages[s.passage].article.title) for s in top])
    read = Read({id(s): r for s, r in zip(top, readings)}, max(r.relevance for r in readings),
                reader.threshold)
    for s, r in zip(top, readings):
        s.score = answer_score(r) + mix * s.score  # the sentences whose span was read: with its surety
    top.sort(key=lambda s: (-s.score, s.passage, s.start))
    floor = min(s.score for s in top)
    rest = sentences[depth:]
    for s in rest:
        s.score = min(s.score, floor) - 1.0  # never above a sentence the reader read
    return top + rest, read


def judge(question: str, sentences: list, passages: list, reader: SentenceReader, depth: int, step: int = 2,
          first: list | None = None) -> Read:
    """Whether any of the first `depth` sentences answers: the reader's relevance of each (with its
    article's title, no span), `step` at a time in their order, stopping at the first that reaches
    the threshold (each is read alone, so what was read is as it would be in one call). The rules'
    best sentence usually answers an answerable question: one call of two instead of six. `first`:
    sentences read before the others whatever they find (`following`: the rules' best and those after
    it in its passage), in one call with the answer spans of the most relevant (`SentenceReader.read`'s
    default): their relevance alone barely tells "A judge sentenced Martin Hale …" (0.453) from "He had
    admitted taking 3.2 million pounds …" (0.435) for "how much did Martin Hale take?"; the span's
    surety does (`promote_following`)."""
    readings: dict[int, Reading] = {}
    first = list(first or [])
    if first:
        got = reader.read(question, [(s.text, passages[s.passage].article.title) for s in first])
        readings.update((id(s), r) for s, r in zip(first, got))
    best = max([r.relevance for r in readings.values()], default=0.0)
    ahead = {id(s) for s in first}
    rest = [s for s in sentences[:depth] if id(s) not in ahead]
    for at in range(0, len(rest), step):
        if best >= reader.threshold:
            break
        group = rest[at:at + step]
        got = reader.read(question, [(s.text, passages[s.passage].article.title) for s in group], spans=0)
        readings.update((id(s), r) for s, r in zip(group, got))
        best = max([best] + [r.relevance for r in got])
    return Read(readings, best, reader.threshold)


def read_in_context(question: str, group: list, passages: list, reader: SentenceReader, read: Read,
                    refers_back, words: int = 12) -> Read:
    """The sentences of `group` that open by referring back (`refers_back(sentence)`, e.g. with a
    pronoun: "Its cost has risen to 21 billion euros …") read again behind the first `words` words of
    the sentence before them ("The high-speed rail line between Corwen and Baymouth will open in 2031 … Its cost
    …"), where "it" is named; the second reading counts when it is the more relevant and its answer
    span lies in the sentence itself (else the sentence before answers, not this one)."""
    todo = []
    top = max((r.relevance for s in group if (r := read.of(s)) is not None), default=0.0)
    for s in group[1:]:  # (the rules' best leads already; one the reader already likes best needs no help)
        got = read.of(s)
        if got is None or got.relevance >= top or not refers_back(s):
            continue
        before = passages[s.passage].text[max(0, s.start - 600): s.start]
        spans = split_sentences(before)
        if not spans:
            continue
        a, b = spans[-1]
        prefix = " ".join(before[a:b].split()[:words]) + " … "
        todo.append((s, prefix))
    if not todo:
        return read
    got = reader.read(question, [(prefix + s.text, "") for s, prefix in todo], spans=len(todo))
    readings = dict(read.readings)
    for (s, prefix), r in zip(todo, got):
        alone = readings[id(s)]
        if r.relevance > alone.relevance and r.span is not None and r.span[0] >= len(prefix):
            readings[id(s)] = replace(r, span=(r.span[0] - len(prefix), r.span[1] - len(prefix)))
    return replace(read, readings=readings, best=max([read.best] + [r.relevance for r in readings.values()]))


def following(sentences: list, passages: list, n: int) -> list:
    """The best sentence and the `n` sentences just after it in its passage (of those given), those
    that are statements: a link line, a question or a video caption after it states nothing (the
    reader, never shown such lines in training, found "Plants v. animals: How various 'meats' stack
    up" more relevant than the sentence before it on a held-out question)."""
    if not sentences or n <= 0:
        return sentences[:1]
    head = sentences[0]
    after = sorted((s for s in sentences if s.passage == head.passage and s.start > head.start), key=lambda s: s.start)
    return [head] + [s for s in after[:n] if not not_a_statement(s.text, passages[s.passage].article.title)]


def runner_ups(sentences: list, group: list, passages: list, n: int) -> list:
    """The rules' next best sentences after their best (of the first `n` + 1 given), of the best's
    passage, that `group` does not hold and that are statements: the rules pick the article well and
    the sentence less so (the one repeating the question's names wins), the reader the sentence within a
    paragraph well (SQuAD top-1 0.917) — "The bridge was built in 1968", the rules' second, five
    sentences after "The Orwin river bridge was closed … on Tuesday", for "when was the Orwin bridge
    built?"."""
    if not sentences or n <= 0:
        return []
    head, held = sentences[0], {id(s) for s in group}
    return [s for s in sentences[1:n + 1] if s.passage == head.passage and id(s) not in held
            and not not_a_statement(s.text, passages[s.passage].article.title)]


def promote_following(sentences: list, group: list, read: Read, margin: float) -> list:
    """The rules' best sentence gives way to one of those after it in its passage (`group`, as
    `following` gives it, with its `runner_ups`) that the reader is surer answers (`answer_score`:
    relevance and its span's surety) by `margin`: a report names its subject once and states the fact
    in a later sentence ("A
    retired teacher … has discovered a comet." "Lena Morrow found it on Feb. 24 …"), where the names
    the question repeats favour the first. Pure: the readings must be there."""
    head = group[0] if group else None
    if head is None or read.of(head) is None:
        return sentences
    after = [s for s in group[1:] if read.of(s) is not None]
    if not after:
        return sentences
    best = max(after, key=lambda s: answer_score(read.of(s)))
    if answer_score(read.of(best)) <= answer_score(read.of(head)) + margin:
        return sentences
    return _first(best, head, sentences)


def _first(best, head, sentences: list) -> list:
    """`best` put before the rules' best (`head`), in this order and every later one (typed_rescore
    re-sorts by score)."""
    best.score = head.score + 1e-6
    return [best] + [s for s in sentences if s is not best]


def promote_answering(sentences: list, read: Read, margin: float, among: list | None = None) -> list:
    """The rules' best sentence, judged not to answer (below the threshold), gives way to the most
    relevant sentence the judge read that does (of `among`, when given), when it is more relevant by
    `margin`: the rules favour the sentence repeating the question's names ("… were students at the
    University of Idaho" for "who was arrested for the Idaho student murders?"). Pure."""
    head = sentences[0] if sentences else None
    got = read.of(head) if head is not None else None
    if got is None or got.relevance >= read.threshold:
        return sentences
    allowed = {id(s) for s in among} if among is not None else None
    answering = [s for s in sentences if s is not head and read.of(s) is not None
                 and read.of(s).relevance >= read.threshold and (allowed is None or id(s) in allowed)]
    if not answering:
        return sentences
    best = max(answering, key=lambda s: read.of(s).relevance)
    if read.of(best).relevance < got.relevance + margin:
        return sentences
    return _first(best, head, sentences)


def promote_telling(question: str, sentences: list, group: list, judged: Read) -> list:
    """The rules' best sentence denies what the question asks happened ("… after eight league games
    *without a win*", for "how many games did Kovac win?"): the sentence of those the judge read with it
    that tells it (a word of the question's, in some form, not denied) and that the reader finds
    likeliest to answer (`answer_score`) leads instead. The rules' negation penalty was too light to
    move it, and the reader reads "without a win" as about winning. Pure: the readings must be there."""
    verbs = question_verbs(question)
    if not sentences or not verbs or not negated(sentences[0].text, verbs):
        return sentences
    head, denied = sentences[0], verbs & denied_terms(sentences[0].text)
    telling = [s for s in group if s is not head and judged.of(s) is not None and not negated(s.text, verbs)
               and any(told_in(v, set(terms(s.text))) for v in denied)]
    if not telling:
        return sentences
    return _first(max(telling, key=lambda s: answer_score(judged.of(s))), head, sentences)


def read_first(question: str, sentence, passages: list, reader: SentenceReader) -> Read:
    """The reader on one sentence the rules chose (with its article's title): its relevance and span."""
    reading = reader.read(question, [(sentence.text, passages[sentence.passage].article.title)])[0]
    return Read({id(sentence): reading}, reading.relevance, reader.threshold)


def with_outlet_spans(question: str, sentences: list, passages: list, reader: SentenceReader, read: Read,
                      story_of: dict[str, str]) -> Read:
    """`read` with the answer span of each outlet's most relevant sentence per story (what
    disagreements compare), read for those above the threshold that have none yet (the reader
    reads spans only for its first sentence). Nothing is read when fewer than two outlets answer."""
    best: dict[tuple[str, str], tuple[object, Reading]] = {}
    for s in sentences:
        r = read.of(s)
        if r is None or r.relevance < read.threshold:
            continue
        article = passages[s.passage].article
        key = (story_of.get(article.id, ""), article.source)
        if key not in best or r.relevance > best[key][1].relevance:
            best[key] = (s, r)
    need = [s for s, r in best.values() if r.span is None]
    if len({source for _, source in best}) < 2 or not need:
        return read
    readings = reader.read(question, [(s.text, passages[s.passage].article.title) for s in need], spans=len(need))
    return replace(read, readings={**read.readings, **{id(s): r for s, r in zip(need, readings)}})
