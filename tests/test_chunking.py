from index.articles import make_article, read_file
from index.chunking import chunk_article
from index.sentences import count_tokens, split_sentences
from tests.conftest import SEED_FILE


def test_chunks_have_exact_offsets_and_bounded_size():
    article = read_file(SEED_FILE).articles[0]
    chunks = chunk_article(article, max_tokens=120, overlap_tokens=30)
    assert len(chunks) > 3
    for i, chunk in enumerate(chunks):
        assert chunk.position == i and chunk.id == f"{article.id}:{i}"
        assert article.text[chunk.start:chunk.end] == chunk.text
        assert count_tokens(chunk.text) <= 120 + 40 or len(split_sentences(chunk.text)) == 1
    # short sentences are repeated as overlap; every sentence lands whole in some chunk
    assert any(b.start < a.end for a, b in zip(chunks, chunks[1:]))
    for s, e in split_sentences(article.text):
        assert any(c.start <= s and e <= c.end for c in chunks)
    assert chunks[0].start == 0 and chunks[-1].end == len(article.text)


def test_chunks_end_on_sentence_boundaries():
    article = read_file(SEED_FILE).articles[0]
    ends = {e for _, e in split_sentences(article.text)}
    assert all(c.end in ends for c in chunk_article(article, 100, 20))


def test_sentence_splitter_handles_abbreviations_and_quotes():
    text = "Mr. Smith met U.S. officials on Jan. 5. “We agree. Fully,” he said. Then he left."
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences == ["Mr. Smith met U.S. officials on Jan. 5.", "“We agree. Fully,” he said.", "Then he left."]


def test_very_long_sentence_is_cut_at_words():
    article = make_article(title="t", text=" ".join(["word"] * 1000) + ".")
    chunks = chunk_article(article, max_tokens=100, overlap_tokens=10)
    assert len(chunks) >= 10
    assert all(count_tokens(c.text) <= 100 + 100 // 3 for c in chunks)  # a short tail may be folded in
    assert all(article.text[c.start:c.end] == c.text for c in chunks)
