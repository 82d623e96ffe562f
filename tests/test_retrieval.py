"""Retrieval mechanics on a small multi-article index: diversity, source and recency hints."""

import json

import numpy as np
import pytest

from bot.hints import parse_hints, source_stem
from bot.retrieve import Retriever, diversify
from bot.settings import AnswerSettings
from bot.types import Passage
from index.articles import make_article
from index.build import sync_index
from index.settings import IndexSettings
from index.versions import IndexReader
from tests.conftest import OTHER_ARTICLES


@pytest.fixture(scope="module")
def three_article_retriever(tmp_path_factory, embedder):
    import shutil

    from tests.conftest import SEED_FILE

    seeds = tmp_path_factory.mktemp("three")
    shutil.copy(SEED_FILE, seeds / SEED_FILE.name)
    for name, content in OTHER_ARTICLES.items():
        (seeds / name).write_text(content if isinstance(content, str) else json.dumps(content))
    index_dir = tmp_path_factory.mktemp("three-index")
    sync_index(IndexSettings(seeds_dir=seeds, index_dir=index_dir), embedder)
    return Retriever(IndexReader(index_dir), embedder, AnswerSettings())


def test_each_question_finds_its_article(three_article_retriever):
    for question, title in [
        ("Who became president of Peru?", "Peru's Congress votes to remove president"),
        ("Why did wheat prices rise?", "Wheat prices climb as exports slow"),
        ("Who blamed Turkey for the clashes in Idlib?", "Russia blames Turkey for recent Syria regime clashes in Idlib"),
    ]:
        assert three_article_retriever.retrieve(question, 3).passages[0].article.title == title


def test_source_named_in_the_question_filters(three_article_retriever):
    result = three_article_retriever.retrieve("what does Farm Daily report about prices", 5)
    assert result.hints.source == "Farm Daily"
    assert {p.article.source for p in result.passages} == {"Farm Daily"}


def test_hints_parse_years_recency_and_sources():
    hints = parse_hints("What is the latest from CNN this week about 2023?", ["cnn.com", "bbc.co.uk"])
    assert (hints.year, hints.source, hints.recent, hints.within_days) == (2023, "cnn.com", True, 7)
    assert source_stem("www.theguardian.com") == "guardian"
    assert parse_hints("who won?", ["cnn.com"]).source is None
    # a source is only taken when named as one
    assert parse_hints("Who was hurt this week?", ["theweek.co.uk"]).source is None
    assert parse_hints("what did USA Today report on the storm?", ["usatoday.com"]).source == "usatoday.com"
    assert parse_hints("according to the week, who resigned?", ["theweek.co.uk"]).source == "theweek.co.uk"


def test_diversify_caps_articles_and_collapses_near_duplicates():
    a = make_article(title="A", text="alpha")
    b = make_article(title="B", text="beta")
    text = "the same wire story about the storm reaching the coast on monday night"

    def passage(article, i, body, score):
        return Passage(f"{article.id}:{i}", article, body, 0, len(body), score, row=i)

    ranked = [passage(a, 0, "one two three four five six", 0.9), passage(a, 1, "seven eight nine ten eleven", 0.8),
              passage(a, 2, "twelve thirteen fourteen fifteen sixteen", 0.7), passage(b, 3, text, 0.6),
              passage(b, 4, text + " again", 0.5)]
    chosen = diversify(ranked, k=3, max_per_article=2)
    assert [p.row for p in chosen] == [0, 1, 3]  # a's third passage capped, b's near-duplicate dropped
    assert [p.row for p in diversify(ranked[:3], k=3, max_per_article=2)] == [0, 1, 2]  # only one article: fill up


def test_passages_carry_their_neighbouring_chunks_without_repeating_text(tmp_path, embedder):
    from index.articles import load_articles_from

    topics = ["harbour cranes", "wheat futures", "glacier melt", "rail strike", "vaccine trial", "chess final",
              "copper mine", "tram line", "solar farm", "fishing quota", "opera premiere", "bridge repair"]
    body = " ".join(f"Paragraph {i} is about the {t} and nothing else. The {t} story continues here with detail."
                    for i, t in enumerate(topics))
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "long.json").write_text(json.dumps({"title": "Long report", "url": "https://example.org/long",
                                                 "published": "2023-01-10", "text": body}))
    index_dir = tmp_path / "index"
    sync_index(IndexSettings(seeds_dir=seeds, index_dir=index_dir, chunk_tokens=30, chunk_overlap_tokens=6), embedder)
    article_text = load_articles_from(seeds)[0][0].text
    reader = IndexReader(index_dir)
    assert len(reader.snapshot()) >= 8

    narrow = Retriever(reader, embedder, AnswerSettings(context_chunks=0, max_per_article=3))
    wide = Retriever(reader, embedder, AnswerSettings(context_chunks=1, max_per_article=3))
    question = "What is said about the glacier melt?"
    alone = narrow.retrieve(question, 3).passages
    passages = wide.retrieve(question, 3).passages
    assert [p.chunk_id for p in passages] == [p.chunk_id for p in alone]  # same ranking, more text
    assert "glacier melt" in passages[0].matched
    for plain, p in zip(alone, passages):
        assert p.matched == plain.text
        assert p.text == article_text[p.start : p.end]  # offsets still point into the article
        assert len(p.text) >= len(plain.text)
    assert any(len(p.text) > len(p.matched) for p in passages)
    # a chunk shown in one passage is not shown again in another: windows share at most the few
    # overlap words of two consecutive chunks, never a whole chunk
    ranges = sorted((p.start, p.end) for p in passages)
    for (_, end), (start, _) in zip(ranges, ranges[1:]):
        assert end - start < 60


def test_coverages_of_many_texts_agree_with_coverage_of_each():
    from bot.retrieve import coverages

    def coverage(needles, haystack):
        return sum(1 for t in needles if t in haystack) / len(needles) if needles else 0.0

    rng = np.random.default_rng(7)
    texts = [rng.integers(0, 40, size=n) for n in (0, 5, 30, 0, 1, 12, 0)]
    for needles in ([3, 7, 11, -1], [5], []):
        expected = [coverage(needles, set(t.tolist())) for t in texts]
        assert np.allclose(coverages(texts, needles), expected)
    # a needle's other forms count as it ("fight" found as "fought"), once: two forms are one word
    forms = [[30, 31], [], [32]]
    texts = [np.array([30, 31, 5]), np.array([1, 2]), np.array([32, 7])]
    assert np.allclose(coverages(texts, [1, 7, 9], forms=forms), [1 / 3, 1 / 3, 2 / 3])
    assert np.allclose(coverages(texts, [1, 7, 9], np.array([1.0, 1.0, 2.0]), forms=forms), [0.25, 0.25, 0.75])


def test_latest_is_anchored_at_the_newest_article_when_the_index_is_older_than_today():
    from datetime import date, timedelta
    from types import SimpleNamespace

    from bot.retrieve import _anchor

    archive = SimpleNamespace(newest_published="2023-03-14")
    assert _anchor(archive) == date(2023, 3, 14)  # "the latest" an archive holds, not today's empty week
    live = SimpleNamespace(newest_published=(date.today() + timedelta(days=2)).isoformat())
    assert _anchor(live) == date.today()  # a future-dated article does not move "today"
    assert _anchor(SimpleNamespace(newest_published="")) == date.today()


OLD_SHOOTINGS = ["Uvalde", "Oxford", "Parkland", "Santa Fe", "Newtown", "Benton"]
FILLER_TOPICS = ["wheat prices", "rail fares", "port traffic", "solar farms", "bond yields", "bird flu", "ski resorts",
                 "coffee exports", "river levels", "chip factories", "housing starts", "fishing quotas"]


def week_of_a_shooting(tmp_path, embedder, week_candidates: int):
    """Six older reports of school shootings, each naming the question's words, and this week's
    roundup, where the new one is a paragraph among other news."""
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    for n, city in enumerate(OLD_SHOOTINGS):
        (seeds / f"old-{n}.json").write_text(json.dumps({
            "title": f"School shooting leaves {city} community reeling", "source": "Example Wire",
            "published": f"2022-{n % 9 + 1:02d}-1{n % 10}",
            "text": (f"The American city of {city} is reeling after a school shooting this week. The community "
                     f"held vigils for the victims of the shooting at the school, and {city} officials asked how "
                     "an American city can heal after another school shooting.")}))
    for n, topic in enumerate(FILLER_TOPICS):  # other news, so the shooting's words are rare enough to rank
        (seeds / f"other-{n}.json").write_text(json.dumps({
            "title": f"{topic.capitalize()} in the news", "source": "Example Wire", "published": "2022-11-0{n % 9 + 1}",
            "text": f"Officials discussed {topic} on Monday. Reports on {topic} said little had changed since spring."}))
    (seeds / "roundup.json").write_text(json.dumps({
        "title": "Tuesday's news: markets, weather and more", "source": "Example Wire", "published": "2023-03-28",
        "text": ("Stocks rose on Monday as bank shares recovered from their March losses. A storm is expected to "
                 "bring snow to the Rockies by Thursday, forecasters said. In Tennessee, a gunman killed six people "
                 "at a private Christian school in Nashville on Monday; police said officers shot the attacker "
                 "within minutes. The space agency delayed a rocket launch because of high winds.")}))
    index_dir = tmp_path / "index"
    if not index_dir.exists():
        sync_index(IndexSettings(seeds_dir=seeds, index_dir=index_dir), embedder)
    settings = AnswerSettings(k=5, candidates=4, rescore_depth=4, week_candidates=week_candidates)
    return Retriever(IndexReader(index_dir), embedder, settings)


def test_a_this_week_question_searches_that_week_too(tmp_path, embedder, monkeypatch):
    from datetime import date

    import bot.retrieve

    question = "Which American city was reeling from a school shooting this week?"
    asked = date(2023, 3, 30)
    titles = [p.article.title for p in week_of_a_shooting(tmp_path, embedder, 20).retrieve(question, as_of=asked).passages]
    assert "Tuesday's news: markets, weather and more" in titles, titles
    monkeypatch.setattr(bot.retrieve, "_WEEK_SCAN_LIMIT", 0)  # a busy week: the store's filtered search
    assert [p.article.title for p in week_of_a_shooting(tmp_path, embedder, 20).retrieve(question, as_of=asked).passages] == titles
    monkeypatch.undo()
    # without the week's own candidates the roundup never reaches re-scoring, where recency lifts it
    older = week_of_a_shooting(tmp_path, embedder, 0).retrieve(question, as_of=asked).passages
    assert "Tuesday's news: markets, weather and more" not in [p.article.title for p in older]
    assert len(older) >= 3  # (not an empty list)
    # a question that does not say "this week" is ranked as before
    plain = "Which American city was reeling from a school shooting?"
    assert ([p.chunk_id for p in week_of_a_shooting(tmp_path, embedder, 20).retrieve(plain, as_of=asked).passages]
            == [p.chunk_id for p in week_of_a_shooting(tmp_path, embedder, 0).retrieve(plain, as_of=asked).passages])
