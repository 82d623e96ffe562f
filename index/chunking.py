"""Sentence-aware chunking with exact character offsets (pure).

We pack whole sentences into chunks of about `max_tokens`, repeating the last sentences of a chunk
(up to `overlap_tokens`) at the start of the next. llama-index's SentenceSplitter does the same
packing but returns strings without offsets; citations need offsets, so we keep our own.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from index.articles import Article
from index.sentences import count_tokens, split_sentences


@dataclass(frozen=True)
class Chunk:
    article_id: str
    position: int  # 0-based order within the article
    start: int  # character offsets into Article.text
    end: int
    text: str

    @property
    def id(self) -> str:
        return f"{self.article_id}:{self.position}"


def embed_text(title: str, chunk_text: str) -> str:
    """What the model sees: the title travels with every chunk so a chunk stands on its own."""
    return f"{title}\n{chunk_text}" if title else chunk_text


def embed_key(model: str, text: str) -> str:
    return hashlib.sha1(f"{model}\x00{text}".encode("utf-8")).hexdigest()


def chunk_article(article: Article, max_tokens: int = 220, overlap_tokens: int = 40) -> list[Chunk]:
    text = article.text
    pieces: list[tuple[int, int, int]] = []  # start, end, tokens
    for start, end in split_sentences(text):
        pieces.extend(_split_long(text, start, end, max_tokens))
    chunks: list[Chunk] = []
    i = 0
    while i < len(pieces):
        j, tokens = i, 0
        while j < len(pieces) and (j == i or tokens + pieces[j][2] <= max_tokens):
            tokens += pieces[j][2]
            j += 1
        rest = sum(p[2] for p in pieces[j:])
        if 0 < rest and tokens + rest <= max_tokens + max_tokens // 3:
            j = len(pieces)  # fold a short tail into this chunk rather than leave a tiny last chunk
        start, end = pieces[i][0], pieces[j - 1][1]
        chunks.append(Chunk(article.id, len(chunks), start, end, text[start:end]))
        if j >= len(pieces):
            break
        # step back over whole sentences for the overlap, but always move forward
        back, overlap = j, 0
        while back - 1 > i and overlap + pieces[back - 1][2] <= overlap_tokens:
            back -= 1
            overlap += pieces[back][2]
        i = back
    return chunks


_WORD = re.compile(r"\S+")


def _split_long(text: str, start: int, end: int, max_tokens: int) -> list[tuple[int, int, int]]:
    """A sentence longer than a chunk is cut at word boundaries."""
    tokens = count_tokens(text[start:end])
    if tokens <= max_tokens:
        return [(start, end, tokens)]
    out: list[tuple[int, int, int]] = []
    piece_start, piece_tokens, last_end = None, 0, start
    for word in _WORD.finditer(text, start, end):
        n = count_tokens(word.group())
        if piece_start is not None and piece_tokens + n > max_tokens:
            out.append((piece_start, last_end, piece_tokens))
            piece_start, piece_tokens = None, 0
        if piece_start is None:
            piece_start = word.start()
        piece_tokens += n
        last_end = word.end()
    if piece_start is not None:
        out.append((piece_start, last_end, piece_tokens))
    return out
