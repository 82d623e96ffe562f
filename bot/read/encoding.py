"""How the reader sees a candidate: `[CLS] question [SEP] context [SEP] sentence [SEP]`, where the
context is the article's title: what a sentence saying "he" or "the company" is about.

One function shared by training (`train.reader`) and answering (`bot.read.model`), so both feed the
model the same tokens. Pure: tokenizer in, int64 arrays out. The context is cut first, the
candidate sentence last. (A first recipe used the previous sentence as the context: a sentence
after the answer then held the answer in its input, and after 880 steps the answer sentence came
first in 52% of SQuAD paragraphs; the title is the same for every sentence of an article, so it
tells what the article is about and never where the answer is.)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_TOKENS = 80
MAX_QUESTION = 32
MAX_CONTEXT = 16


@dataclass(frozen=True, slots=True)
class Encoded:
    """A batch of candidates, padded to its longest; `first`/`last` bound each sentence's tokens
    (the answer span lies in first ≤ i < last), `offsets[b][i - first[b]]` is the (start, end)
    character range of token i inside sentence b."""

    input_ids: np.ndarray
    attention_mask: np.ndarray
    token_type_ids: np.ndarray
    first: np.ndarray
    last: np.ndarray
    offsets: list[list[tuple[int, int]]]


def encode(tokenizer, question: str, pairs: list[tuple[str, str]], max_tokens: int = MAX_TOKENS) -> Encoded:
    """The candidates (sentence, context) of one question, for one batched call. Each question may
    differ: pass `question` as a list of the same length as `pairs` to mix them."""
    questions = question if isinstance(question, list) else [question] * len(pairs)
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    q_enc = _encode_many(tokenizer, questions)
    s_enc = tokenizer.encode_batch([s for s, _ in pairs], add_special_tokens=False)
    p_enc = _encode_many(tokenizer, [p for _, p in pairs])
    rows, types, firsts, lasts, offsets = [], [], [], [], []
    for q, s, p in zip(q_enc, s_enc, p_enc):
        q_ids = q[:MAX_QUESTION]
        room = max_tokens - len(q_ids) - 4
        s_ids, s_off = s.ids[:room], s.offsets[:room]
        p_ids = p[:min(MAX_CONTEXT, max(0, room - len(s_ids)))]
        head = [cls, *q_ids, sep] + ([*p_ids, sep] if p_ids else [])
        first = len(head)
        ids = head + s_ids + [sep]
        rows.append(ids)
        types.append([0] * (len(q_ids) + 2) + [1] * (len(ids) - len(q_ids) - 2))
        firsts.append(first)
        lasts.append(first + len(s_ids))
        offsets.append(list(s_off))
    width = max(len(r) for r in rows)
    input_ids = np.zeros((len(rows), width), dtype=np.int64)
    mask = np.zeros_like(input_ids)
    token_types = np.zeros_like(input_ids)
    for b, (ids, kinds) in enumerate(zip(rows, types)):
        input_ids[b, : len(ids)] = ids
        mask[b, : len(ids)] = 1
        token_types[b, : len(ids)] = kinds
    return Encoded(input_ids, mask, token_types, np.array(firsts), np.array(lasts), offsets)


def _encode_many(tokenizer, texts: list[str]) -> list[list[int]]:
    """Token ids of each text (the same text is tokenized once: a question repeats per candidate)."""
    unique = list(dict.fromkeys(texts))
    done = dict(zip(unique, (e.ids for e in tokenizer.encode_batch(unique, add_special_tokens=False))))
    return [done[t] for t in texts]


def best_span(start: np.ndarray, end: np.ndarray, first: int, last: int, max_len: int = 24) -> tuple[int, int, float]:
    """The token span (i, j inclusive) inside [first, last) maximising start[i] + end[j], j - i < max_len."""
    if last <= first:
        return first, first, float("-inf")
    s, e = start[first:last], end[first:last]
    n = len(s)
    scores = s[:, None] + e[None, :]
    band = np.triu(np.ones((n, n), dtype=bool)) & ~np.triu(np.ones((n, n), dtype=bool), k=max_len)
    scores = np.where(band, scores, -np.inf)
    flat = int(np.argmax(scores))
    i, j = divmod(flat, n)
    return first + i, first + j, float(scores[i, j])


def char_span(encoded: Encoded, b: int, i: int, j: int) -> tuple[int, int]:
    """Character offsets inside sentence b of the tokens i..j (inclusive)."""
    offsets = encoded.offsets[b]
    first = int(encoded.first[b])
    return offsets[i - first][0], offsets[j - first][1]


def token_span(encoded: Encoded, b: int, span: tuple[int, int]) -> tuple[int, int]:
    """The token positions of the first and last word-piece of a character span inside sentence
    b (the inverse of `char_span`); (-100, -100) when the cap cut the answer off (ignored by a loss)."""
    a, z = span
    offsets, first = encoded.offsets[b], int(encoded.first[b])
    s_tok = next((i for i, (_, y) in enumerate(offsets) if y > a), None)
    e_tok = next((i for i in range(len(offsets) - 1, -1, -1) if offsets[i][0] < z), None)
    if s_tok is None or e_tok is None or e_tok < s_tok:
        return -100, -100
    return first + s_tok, first + e_tok


def model_inputs(encoded: Encoded) -> dict:
    """The arrays the exported sentence reader takes, by input name."""
    return {"input_ids": encoded.input_ids, "attention_mask": encoded.attention_mask,
            "token_type_ids": encoded.token_type_ids}
