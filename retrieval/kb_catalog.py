"""What the knowledge base holds: live documents with provenance, and its test questions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine

from core.audit import record_event
from core.db import session_scope
from core.errors import NotFoundError
from knowledge.admin_questions import (
    KbTestQuestion,
    add_test_question,
    list_test_questions,
    remove_test_question,
)
from retrieval.gate import GOLDEN_SET, GateQuestion, golden_questions
from retrieval.knowledge_base import KnowledgeBase
from retrieval.staging import Actor


@dataclass(frozen=True)
class DocumentInfo:
    """A live document: passages, and who added it when (shipped ones have no adder)."""

    doc: str
    title: str
    passages: int
    origin: str  # shipped, upload
    added_by: str = ""
    added_at: str = ""
    version: str = ""  # the index version that first held this file


def live_documents(kb: KnowledgeBase) -> list[DocumentInfo]:
    """The live documents with passage counts and who added them."""
    sources = kb.sources()
    infos = []
    for entry in kb.live().documents():
        doc, title, passages = entry["doc"], entry["title"], entry["passages"]
        upload = sources.upload(doc)
        if upload is None:
            infos.append(DocumentInfo(doc, title, passages, "shipped"))
        else:
            infos.append(
                DocumentInfo(
                    doc,
                    title,
                    passages,
                    "upload",
                    upload.added_by,
                    upload.added_at,
                    upload.version,
                )
            )
    return infos


class TestQuestionBook:
    """The gate's questions: the shipped golden set plus what admins add (audited)."""

    __test__ = False  # not a pytest test class

    def __init__(self, engine: Engine, golden_set: Path = GOLDEN_SET) -> None:
        self.engine = engine
        self._golden_set = golden_set
        self._golden: list[GateQuestion] | None = None

    def all(self) -> list[GateQuestion]:
        """The golden questions that ship with RuamKit plus those admins added."""
        if self._golden is None:
            self._golden = golden_questions(self._golden_set)
        return [*self._golden, *(gate_question(row) for row in self.added())]

    def added(self) -> list[KbTestQuestion]:
        """The test questions admins added, oldest first."""
        with session_scope(self.engine) as session:
            return list_test_questions(session=session)

    def add(self, question: str, expected: str, *, lang: str, actor: Actor) -> KbTestQuestion:
        """Add a test question; `expected` is text one of the top passages must contain.

        Raises:
            ValidationError: The question or the expected text is empty or too long.

        """
        with session_scope(self.engine) as session:
            row = add_test_question(
                session=session,
                question=question,
                expected=[expected],
                lang=lang,
                added_by=actor.label,
            )
            record_event(
                session=session,
                actor=actor.label,
                action="kb.test.added",
                target=str(row.id),
                detail={"question": row.question, "expected": row.expected},
            )
        return row

    def remove(self, question_id: int, *, actor: Actor) -> KbTestQuestion:
        """Delete an admin test question.

        Raises:
            NotFoundError: No test question has that id.

        """
        with session_scope(self.engine) as session:
            row = remove_test_question(session=session, question_id=question_id)
            if row is None:
                raise NotFoundError(f"no test question {question_id}")
            record_event(
                session=session,
                actor=actor.label,
                action="kb.test.removed",
                target=str(question_id),
                detail={"question": row.question},
            )
        return row


def gate_question(row: KbTestQuestion) -> GateQuestion:
    """An admin test question as the gate asks it (id ``admin-<n>``)."""
    return GateQuestion(f"admin-{row.id}", row.question, tuple(row.expected), row.lang, "admin")
