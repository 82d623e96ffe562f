"""The checks on generated sentences (bot/verify.py), as pure functions on written passages."""

from bot.verify import SupportRule, verify

PASSAGE = (
    "The IRS said Monday it would start accepting 2021 federal tax returns on Monday, January 24. "
    "The tax filing deadline this year is Monday, April 18. "
    "Officials expect more than 160 million individual returns in 2022. "
    "The agency also warned of delays in processing paper returns because of staffing shortages. "
    "Refunds for most electronic filers arrive within 21 days, the agency said."
)


def test_a_restated_sentence_is_kept_with_the_window_that_supports_it():
    verdict = verify("The tax filing deadline this year is Monday, April 18 [1].", {1: PASSAGE})
    assert [c.text for c in verdict.kept] == ["The tax filing deadline this year is Monday, April 18."]
    (n, start, end), = verdict.kept[0].support
    assert n == 1 and "deadline this year is Monday, April 18" in PASSAGE[start:end]


def test_words_gathered_from_all_over_the_passage_do_not_count_as_support():
    # every content word is somewhere in the passage, but no sentence or pair of sentences says this;
    # the rule before (60% of the words anywhere in the passage) kept it
    claim = "Staffing shortages forced the IRS to delay the filing deadline [1]."
    assert verify(claim, {1: PASSAGE}, SupportRule(0.6, 0.0, numbers_near=False)).kept
    verdict = verify(claim, {1: PASSAGE})
    assert not verdict.kept and verdict.dropped == 1
    assert "no sentence of them restates it" in verdict.notes[0]


def test_a_figure_from_elsewhere_in_the_article_is_not_support():
    # "2022" is in the passage, but not where the claim is restated (the returns were 2021's)
    verdict = verify("The IRS started accepting 2022 federal tax returns on Monday, January 24 [1].", {1: PASSAGE})
    assert not verdict.kept and "the number 2022" in verdict.notes[0]
    kept = verify("The IRS started accepting 2021 federal tax returns on Monday, January 24 [1].", {1: PASSAGE})
    assert len(kept.kept) == 1


def test_an_embedding_similarity_can_admit_a_paraphrase_when_enabled():
    claim = "Refunds usually come back within three weeks for people filing online [1]."

    def similarity(text, others):  # a stand-in for the encoder: this claim is close to the refunds sentence
        return [0.9 if "Refunds" in o else 0.1 for o in others]

    assert not verify(claim, {1: PASSAGE}, similarity=similarity).kept  # off by default
    rule = SupportRule(0.0, 0.7, 0.8)
    assert verify(claim, {1: PASSAGE}, rule, similarity).kept
    assert not verify(claim, {1: PASSAGE}, rule, lambda t, o: [0.2 for _ in o]).kept
