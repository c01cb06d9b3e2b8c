"""A naive LangChain RAG pipeline, kept only as a benchmark peer (docs/benchmarks.md).

RecursiveCharacterTextSplitter(1000/200) + Chroma, dense only, with the same embedding model
as RuamKit: the setup most LangChain tutorials start from.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path

from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter

from knowledge.models import SourceDocument
from retrieval.embeddings import Embedder
from retrieval.vector_store import make_client


class EmbedderAdapter(Embeddings):
    """Expose a RuamKit embedder (with its E5 prompts) through LangChain's interface."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Passage vectors."""
        return [row.tolist() for row in self.embedder.embed_passages(texts)]

    def embed_query(self, text: str) -> list[float]:
        """Query vector."""
        return [float(x) for x in self.embedder.embed_queries([text])[0]]


class NaiveLangChainPipeline:
    """Split every document's full text into 1000-character chunks and search densely."""

    def __init__(self, embedder: Embedder, workdir: Path) -> None:
        self.splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
        self.store = Chroma(
            collection_name=f"naive-{uuid.uuid4().hex[:8]}",
            embedding_function=EmbedderAdapter(embedder),
            client=make_client(path=workdir),
        )

    def index(self, documents: Sequence[SourceDocument]) -> int:
        """Chunk and embed the documents; returns the number of chunks."""
        texts = ["\n\n".join(s.text for s in d.sections) for d in documents]
        metadatas = [{"doc": d.doc, "title": d.title} for d in documents]
        chunks = self.splitter.create_documents(texts, metadatas=metadatas)
        self.store.add_documents(chunks)
        return len(chunks)

    def chunk_texts(self, documents: Sequence[SourceDocument]) -> list[str]:
        """The chunks this pipeline would index (for throughput comparisons)."""
        texts = ["\n\n".join(s.text for s in d.sections) for d in documents]
        return [c.page_content for c in self.splitter.create_documents(texts)]

    def search(self, question: str, k: int) -> list[Document]:
        """The k nearest chunks."""
        return self.store.similarity_search(question, k=k)
