"""The committed lecture file is a faithful, reproducible conversion of the scraped seed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from knowledge.loaders import load_directory, load_document
from knowledge.models import Locator
from knowledge.slidepage import parse_slide_page, to_markdown

SOURCES = Path(__file__).resolve().parents[2] / "knowledge" / "sources"
LECTURE = SOURCES / "participatory-governance.md"


def test_committed_lecture_has_the_seed_slides_exactly(seed_text):
    committed = load_document(LECTURE, SOURCES)
    extracted = parse_slide_page(seed_text, "seed.txt")
    assert committed.doc == "participatory-governance.md"
    assert [s.locator for s in committed.sections] == [Locator("slide", n) for n in range(1, 24)]
    assert [s.text for s in committed.sections] == [s.text for s in extracted.sections]


def test_committed_lecture_metadata():
    metadata = load_document(LECTURE, SOURCES).metadata
    assert metadata["title"] == "การบริหารราชการแบบมีส่วนร่วม"
    assert metadata["title_en"] == "Participatory Governance"
    assert "พัชรี สิโรรส" in metadata["lecturer"]
    assert "Patcharee Siroros" in metadata["lecturer"]
    assert "มหาวิทยาลัยธรรมศาสตร์" in metadata["institution"]
    assert metadata["language"] == "th"
    assert metadata["source"] and metadata["source_en"]


def test_committed_lecture_is_what_the_writer_produces(seed_text):
    committed = load_document(LECTURE, SOURCES)
    metadata = {key: value for key, value in committed.metadata.items() if key != "title"}
    regenerated = to_markdown(replace(parse_slide_page(seed_text, "x"), metadata=metadata))
    assert LECTURE.read_text(encoding="utf-8") == regenerated


def test_sources_folder_loads_without_errors():
    documents, errors = load_directory(SOURCES)
    assert errors == []
    assert "participatory-governance.md" in [document.doc for document in documents]
