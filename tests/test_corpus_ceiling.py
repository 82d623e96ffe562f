"""The corpus-ceiling measure (bench/corpus_ceiling.py) on texts written for it: a string match in
another story is not on topic; a miss is coverable only when some article is."""

from bench.corpus_ceiling import classify, document_frequencies, on_topic, rare_words, summarise

ARTICLES = [
    "A radioactive capsule lost on a highway in Western Australia was found by searchers on Wednesday.",
    "Novak Djokovic fought past Tommy Paul into the Australian Open final in Melbourne, Australia.",
    "Wheat prices rose in Australia as exports slowed.",
] + [f"Filler story number {n} about local weather." for n in range(40)]
QUESTION = "A tiny radioactive capsule was found in which country this week after a frantic search?"


def frequencies():
    return document_frequencies(ARTICLES)


def test_rare_words_leave_out_stop_words_the_answer_and_common_words():
    rare = rare_words(QUESTION, "Australia", frequencies(), len(ARTICLES))
    assert {"radioactive", "capsule", "tiny", "frantic"} <= set(rare)
    assert not {"which", "this", "week", "australia"} & set(rare)


def test_a_string_match_in_another_story_is_no_on_topic_hit():
    df, n = frequencies(), len(ARTICLES)
    rare = rare_words(QUESTION, "Australia", df, n)
    assert on_topic(ARTICLES[0], "Australia", rare)
    assert not on_topic(ARTICLES[1], "Australia", rare)  # the answer string, but the tennis story
    chance = classify(QUESTION, "Australia", [ARTICLES[1], ARTICLES[2]], ARTICLES, df, n)
    assert chance == {"hit": True, "hit_on_topic": False, "miss_coverable": False}
    missed = classify(QUESTION, "Australia", [ARTICLES[3]], ARTICLES, df, n)
    assert missed == {"hit": False, "hit_on_topic": False, "miss_coverable": True}
    absent = classify(QUESTION, "Australia", [ARTICLES[3]], ARTICLES[1:], df, n)
    assert absent["miss_coverable"] is False  # the corpus has no article on the capsule


def test_summary_counts_the_ceiling_from_hits_and_coverable_misses():
    rows = [{"hit": True, "hit_on_topic": True, "miss_coverable": False, "answer_has_gold": True},
            {"hit": True, "hit_on_topic": False, "miss_coverable": False, "answer_has_gold": False},
            {"hit": False, "hit_on_topic": False, "miss_coverable": True, "answer_has_gold": False},
            {"hit": False, "hit_on_topic": False, "miss_coverable": False, "answer_has_gold": False}]
    summary = summarise(rows)
    assert (summary["hit10"], summary["on_topic_hit10"], summary["ceiling_hit10"]) == (0.5, 0.25, 0.75)
    assert summary["gold_from_on_topic_hits"] == 1 and summary["answer_has_gold_share"] == 0.25
