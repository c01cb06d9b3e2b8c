"""Optional answer generation through any OpenAI-compatible endpoint (LangChain)."""

from __future__ import annotations

import logging
import re
from typing import Any

from langchain_core.messages import HumanMessage, SystemMessage

from retrieval import prompts
from retrieval.answer import Answer, Citation
from retrieval.search import SearchResult

log = logging.getLogger(__name__)
CITATION_MARK = re.compile(r"\[(\d{1,2})\]")
MAX_CONTEXT_PASSAGES = 4


def make_chat_model(*, base_url: str, model: str, api_key: str | None, timeout_s: float) -> Any:
    """A LangChain chat model for an OpenAI-compatible endpoint (no retries: we fall back)."""
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        base_url=base_url,
        model=model,
        api_key=api_key or "not-needed",  # type: ignore[arg-type]
        timeout=timeout_s,
        max_retries=0,
        temperature=0,
    )


def cited_numbers(text: str, available: int) -> list[int]:
    """Passage numbers the text cites, in first-use order, ignoring out-of-range ones."""
    seen: dict[int, None] = {}
    for match in CITATION_MARK.finditer(text):
        number = int(match.group(1))
        if 1 <= number <= available:
            seen[number] = None
    return list(seen)


class LLMGenerator:
    """Restricts the model to retrieved passages; anything uncited or failing returns None."""

    def __init__(self, chat_model: Any) -> None:
        self.chat_model = chat_model

    def generate(self, question: str, result: SearchResult, lang: str) -> Answer | None:
        """A generated answer whose citations map to real passages, or None."""
        hits = result.hits[:MAX_CONTEXT_PASSAGES]
        if not hits:
            return None
        messages = [
            SystemMessage(prompts.SYSTEM_PROMPT.format(language=prompts.LANGUAGE_NAMES[lang])),
            HumanMessage(
                prompts.user_prompt(question, [h.unit_text or h.passage.text for h in hits])
            ),
        ]
        try:
            reply = self.chat_model.invoke(messages)
        except Exception as exc:  # any endpoint failure falls back to the extractive answer
            log.warning("LLM endpoint failed (%s); using the extractive answer", exc)
            return None
        text = str(getattr(reply, "content", "")).strip()
        numbers = cited_numbers(text, len(hits))
        if not numbers or "NOT_COVERED" in text:
            log.info("LLM answer cited nothing; using the extractive answer")
            return None
        labelled = CITATION_MARK.sub(lambda m: _label(m, hits, lang), text)
        citations = [Citation.from_passage(hits[n - 1].passage, lang) for n in numbers]
        return Answer(True, labelled, citations, lang, [], 1.0, "generated")


def _label(match: re.Match[str], hits: list[Any], lang: str) -> str:
    """Replace a passage number with its slide/page label."""
    number = int(match.group(1))
    if 1 <= number <= len(hits):
        return f"[{hits[number - 1].passage.label(lang)}]"
    return ""
