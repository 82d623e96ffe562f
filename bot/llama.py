"""newsbot's retriever behind llama-index's interface, so its query and chat engines can use it.

The hot path stays in numpy/FAISS; this only converts `Passage` to `NodeWithScore`.
"""

from __future__ import annotations

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from bot.retrieve import Retriever


class NewsbotRetriever(BaseRetriever):
    def __init__(self, retriever: Retriever, k: int = 5) -> None:
        super().__init__()
        self._retriever = retriever
        self._k = k

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        result = self._retriever.retrieve(query_bundle.query_str, self._k)
        return [
            NodeWithScore(
                node=TextNode(
                    id_=p.chunk_id, text=p.text,
                    metadata={"article_id": p.article.id, "title": p.article.title, "source": p.article.source,
                              "published": p.article.published or "", "url": p.article.url, "path": p.article.path},
                ),
                score=p.score,
            )
            for p in result.passages
        ]
