from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge import thai

REPO = Path(__file__).resolve().parents[2]
BULLET_SLIDE = (
    "-การสร้างกลไกการทำงานเพื่อประสานงาน แลกเปลี่ยนข้อมูล ต้องมีการปรับเปลี่ยนเชิงสถาบัน "
    "(institutional change) กล่าวคือ -สร้างกฎ กติกาการทำงานร่วมกันระหว่างภาคส่วนต่างๆ รัฐ "
    "เอกชน ประชาชน -ข้อตกลงในการแบ่งงาน -การลงโทษ (sanctions) ถ้าไม่ทำตามกฎ กติกา"
)


def test_normalize_collapses_whitespace_and_drops_zero_width_characters():
    assert thai.normalize("  การ\u200bบริหาร \t\n\n ราชการ\u00a0 ") == "การบริหาร ราชการ"


def test_normalize_composes_unicode_and_repairs_split_sara_am():
    assert thai.normalize("cafe\u0301") == "café"
    # PDF text layers write น้ำ as น + nikhahit + tone + sara aa
    assert thai.normalize("น\u0e4d\u0e49\u0e32 ท\u0e4d\u0e32") == "น้ำ ทำ"


def test_normalize_can_keep_lines_but_not_runs_of_blank_lines():
    text = " หัวข้อ  \r\n- ข้อแรก\r\n\r\n\r\n\r\nย่อหน้า  ใหม่ "
    assert thai.normalize(text, keep_lines=True) == "หัวข้อ\n- ข้อแรก\n\nย่อหน้า ใหม่"


def test_word_tokenize_segments_thai_without_whitespace_tokens():
    text = "การบริหารราชการแบบมีส่วนร่วม คือ การร่วมคิดร่วมทำ"
    words = thai.word_tokenize(text)
    assert len(words) > 4
    assert all(word.strip() == word and word for word in words)
    assert "".join(words) == text.replace(" ", "")


def test_word_spans_point_at_the_words():
    text = "ภาครัฐ และ ภาคประชาชน"
    assert [text[a:b] for a, b in thai.word_spans(text)] == thai.word_tokenize(text)


def test_sentence_split_starts_a_sentence_at_each_slide_bullet():
    sentences = thai.sentence_split(BULLET_SLIDE)
    for bullet in ("-สร้างกฎ", "-ข้อตกลงในการแบ่งงาน", "-การลงโทษ"):
        assert any(sentence.startswith(bullet) for sentence in sentences), bullet
    assert all(sentence in BULLET_SLIDE for sentence in sentences)


def test_sentence_split_keeps_hyphenated_words_and_abbreviations_together():
    text = "ช่วง 1970s-1980s จากการเป็น public office -พรบ.รักษาทรัพยากรและฟื้นฟู ปี 1986"
    sentences = thai.sentence_split(text)
    assert any("1970s-1980s" in sentence for sentence in sentences)
    assert any("พรบ.รักษาทรัพยากร" in sentence for sentence in sentences)


def test_sentence_split_handles_english_and_paragraphs():
    text = 'The EPA changed. It created "new offices." Dr. Smith agreed!\n\nสรุป ประเด็น\n- one'
    assert thai.sentence_split(text) == [
        "The EPA changed.",
        'It created "new offices."',
        "Dr. Smith agreed!",
        "สรุป ประเด็น",
        "- one",
    ]


def test_sentence_spans_are_trimmed_slices_of_the_input():
    text = "  ภาครัฐต้องเปิดให้ประชาชนเข้ามามีส่วนร่วม  ในทุกขั้นตอน\nตั้งแต่ริเริ่ม  "
    for start, end in thai.sentence_spans(text):
        assert text[start:end] == text[start:end].strip() != ""


def test_search_tokens_lowercase_drop_punctuation_and_keep_latin_words_whole():
    tokens = thai.search_tokens("การบริหารราชการแบบมีส่วนร่วม (Participatory Governance) ช่วง 1970s ๆ?")
    assert {"participatory", "governance", "1970s", "มีส่วนร่วม"} <= set(tokens)
    assert not {"(", ")", "?", "ๆ", " "} & set(tokens)
    assert all(token == token.lower() for token in tokens)


def test_stopwords_cover_thai_and_english_function_words_but_not_lecture_terms():
    words = thai.stopwords()
    assert {"การ", "ของ", "คือ", "อะไร", "what", "the"} <= words
    content = thai.search_tokens("การบริหารราชการแบบมีส่วนร่วม participatory governance")
    assert {"มีส่วนร่วม", "participatory", "governance"} <= set(content) - words
    words.add("changed")
    assert "changed" not in thai.stopwords()  # each call gets its own copy


def test_thai_ratio_counts_letters_only():
    assert thai.thai_ratio("ภาครัฐ 123 !!") == 1.0
    assert thai.thai_ratio("state 123") == 0.0
    assert thai.thai_ratio("") == 0.0
    assert 0.0 < thai.thai_ratio("ภาครัฐ state") < 1.0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("การบริหารราชการแบบมีส่วนร่วมคืออะไร", "th"),
        ("What is participatory governance?", "en"),
        ("participatory governance คืออะไร", "th"),
        ("What does ร่วมคิดร่วมทำ mean?", "en"),
        ("12345", "th"),
    ],
)
def test_detect_language(text, language):
    assert thai.detect_language(text) == language


def _run_fresh(code: str, cwd: Path, env: dict[str, str]) -> dict[str, object]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("PYTHAINLP")}
    result = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning", "-c", code],
        cwd=cwd,
        env={**base, "PYTHONPATH": str(REPO), **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


PROBE = """
import json, os, sys
from knowledge import thai
lazy = "pythainlp" not in sys.modules
words = thai.word_tokenize("ภาคประชาชน")
print(json.dumps({"lazy": lazy, "data": os.environ.get("PYTHAINLP_DATA"),
                  "legacy": os.environ.get("PYTHAINLP_DATA_DIR"), "words": words}))
"""


def test_pythainlp_is_imported_lazily_with_a_writable_data_dir(tmp_path):
    report = _run_fresh(PROBE, cwd=tmp_path, env={})
    assert report["lazy"] is True
    assert report["words"]
    assert Path(str(report["data"])) == tmp_path / "var" / "pythainlp"
    assert (tmp_path / "var" / "pythainlp").is_dir()


def test_legacy_data_dir_variable_is_honoured_without_deprecation_warning(tmp_path):
    legacy = tmp_path / "legacy"
    report = _run_fresh(PROBE, cwd=tmp_path, env={"PYTHAINLP_DATA_DIR": str(legacy)})
    assert report["data"] == str(legacy)
    assert report["legacy"] is None
