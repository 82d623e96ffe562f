"""Our vectorised BM25 matrix must score exactly as bm25s's own indexing would."""

import numpy as np
from bm25s import BM25
from bm25s.tokenization import Tokenized

from index.lexical import Bm25Index, bm25_scores, terms
from tests.conftest import OTHER_ARTICLES, SEED_FILE


def test_vectorised_matrix_scores_like_bm25s(tmp_path):
    texts = [SEED_FILE.read_text()] + [a["text"] if isinstance(a, dict) else a for a in OTHER_ARTICLES.values()]
    texts += ["Turkey Turkey Turkey troops", "a short one", "wheat " * 40]
    ours = Bm25Index.build(texts)
    reference = BM25()
    reference.index(Tokenized(ids=[ours.term_ids(i).tolist() for i in range(len(texts))], vocab=dict(ours.vocab)),
                    show_progress=False)
    for query in ["Turkey troops Idlib", "wheat prices", "Peru president Congress", "short"]:
        known = [t for t in terms(query) if t in reference.vocab_dict]
        assert np.allclose(bm25_scores(ours, query), reference.get_scores(known), atol=1e-5)
    assert bm25_scores(ours, "Turkey troops").argmax() == len(texts) - 3  # repetition counts, saturating
    ours.save(tmp_path)
    again = Bm25Index.load(tmp_path, len(texts))
    assert np.array_equal(bm25_scores(again, "wheat prices"), bm25_scores(ours, "wheat prices"))


def test_a_name_typed_without_its_accents_finds_the_articles_spelling():
    texts = ["Pelé scored 757 goals for Santos and Brazil.", "Rain fell on Lisbon all week.", "Pele is a Hawaiian goddess"]
    index = Bm25Index.build(texts)
    plain = bm25_scores(index, "Pele")
    assert plain[0] > 0 and plain[2] > 0 and plain[1] == 0  # "pele" matches "pelé" and itself
    accented = bm25_scores(index, "Pelé")
    assert accented[0] > 0 and accented[2] == 0  # typed with the accent, it means that spelling
