"""How a candidate sentence is scored: a weighted sum of features of the sentence, its passage and
the question (pure). The features are computed in `bot.answer.score_sentences`.

The weights are the first release's formula written as weights, plus the sentence-shape and
speculation penalties. A logistic regression over all the features, fitted on RealTime QA's
January 2023 questions (`python -m bench.fit_sentences`), did not beat them in 5-fold
cross-validation (the gold answer in the top 3 sentences: 0.33 fitted vs 0.35 these weights, 88
questions), so the features with weight 0 are measured and unused. Follow-up and "latest"
features have no examples in that set and have hand-set weights (settings `w_focus`, `w_recent`).
"""

from __future__ import annotations

import numpy as np

FEATURES = (
    "bias",
    "coverage",  # share of the question's content words in the sentence
    "idf_coverage",  # the same, each word weighted by its idf in the index
    "entities",  # share of the question's capitalised words and numbers in the sentence
    "passage_rank",  # 1 / (1 + the passage's rank)
    "passage_dense",  # cosine of the passage's matched chunk to the question
    "in_match",  # the sentence lies in the matched chunk (not in its neighbours)
    "quantity",  # how-many: a number next to the counted noun (+), any number (small +), none (-)
    "date",  # when: a full date (+), a partial one (small +), none (-)
    "person",  # who: a capitalised two-word name
    "attributed",  # who-said/blamed: the sentence carries an attribution
    "short",  # under five words
    "not_statement",  # question, teaser, link line, heading, byline, bare headline
    "speculation",  # modality / prediction markers (at most 2), when the question asks for no prediction
    "lead",  # among the first 400 characters of its article
    "length",  # characters / 200, at most 2
    "title",  # share of the question's content words in the article's title
)

WEIGHTS = {
    "coverage": 0.6, "entities": 0.25, "passage_rank": 0.15, "passage_dense": 0.1,
    "quantity": 1.0, "date": 1.0, "person": 0.05, "attributed": 0.15,
    # "context" (0.1, a follow-up's words carried from the turn before) was deleted on 2026-12-06: off,
    # nothing changed on the dev split, on newsroom sets a-e or in any answer test (follow-ups among
    # them: the carried words already choose the passages)
    # "short" (-0.2) was deleted: switched off it changed nothing on the dev split (rules or model
    # reading), on the newsroom set or in any test (docs/EVALUATION_LOG.md, "What each rule earns")
    # dev split (gold quoted, 88 questions): not_statement 0 / -0.25 / -0.5 → 0.330 each; speculation
    # 0 / -0.05 / -0.1 / -0.2 → 0.341 / 0.341 / 0.330 / 0.330. Neither moves the quiz figure; both are
    # for the failure kinds of issue #14 (teasers, predictions), tested on articles written for them
    "not_statement": -0.5, "speculation": -0.1,
}


def weights_vector(table: dict[str, float] = WEIGHTS) -> np.ndarray:
    return np.array([table.get(name, 0.0) for name in FEATURES], dtype=np.float64)
