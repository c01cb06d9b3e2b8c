"""What the knowledge sources contain, for checks that refer to them (quiz and checklist)."""

from __future__ import annotations

from pathlib import Path

from knowledge.loaders import load_directory


def known_locators(source_dir: Path) -> set[tuple[str, int]]:
    """Every (document, slide/page/section number) pair the sources hold."""
    documents, _errors = load_directory(source_dir)
    return {(d.doc, s.locator.number) for d in documents for s in d.sections}


def section_text(source_dir: Path, doc: str, number: int) -> str | None:
    """The text of one slide/page/section, or None when it does not exist."""
    documents, _errors = load_directory(source_dir)
    for document in documents:
        if document.doc == doc:
            for section in document.sections:
                if section.locator.number == number:
                    return section.text
    return None
