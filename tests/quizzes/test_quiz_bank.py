"""The shipped question bank, and how bank problems are reported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.errors import ValidationError
from quizzes.bank import (
    BankFileError,
    default_bank_dir,
    format_problems,
    load_bank,
    require_valid_bank,
    validate_bank,
)
from quizzes.questions import (
    DEFAULT_DOC,
    EXPLANATION_MAX_CHARS,
    KINDS,
    LANGS,
    LEVEL_OPTIONS,
    OPTION_MAX_CHARS,
    QUESTION_MAX_CHARS,
    telegram_length,
)
from quizzes.review import review_bank

REPO_ROOT = Path(__file__).resolve().parents[2]
LECTURE_SLIDES = frozenset((DEFAULT_DOC, n) for n in range(1, 24))
# Slide 1 is the title, slides 2-3 the agenda: no concept of their own to test.
CONCEPT_FREE_SLIDES = {1, 2, 3}
THAI = re.compile(r"[\u0E00-\u0E7F]")


@pytest.fixture(scope="module")
def bank():
    return load_bank()


def test_shipped_bank_has_no_problems(bank):
    problems = validate_bank(bank, LECTURE_SLIDES)

    assert problems == [], format_problems(problems)
    assert len(bank) >= 80


def test_cited_slides_exist_in_the_committed_lecture_source(bank):
    # Read the knowledge base's file directly: quizzes must not import knowledge.
    source = REPO_ROOT / "knowledge" / "sources" / DEFAULT_DOC
    headings = re.findall(r"^## สไลด์ (\d+)(?::.*)?$", source.read_text(encoding="utf-8"), re.M)
    slides_in_source = {(DEFAULT_DOC, int(number)) for number in headings}

    assert slides_in_source == LECTURE_SLIDES
    assert validate_bank(bank, slides_in_source) == []


def test_shipped_bank_respects_telegram_limits_in_both_languages(bank):
    for question in bank:
        for lang in LANGS:
            assert 1 <= telegram_length(question.text.get(lang)) <= QUESTION_MAX_CHARS
            assert telegram_length(question.explanation.get(lang)) <= EXPLANATION_MAX_CHARS
            assert question.explanation.get(lang).count("\n") <= 2
            for option in question.option_texts(lang):
                assert 1 <= telegram_length(option) <= OPTION_MAX_CHARS
        assert 2 <= len(question.options) <= 10


def test_every_question_is_written_in_thai_and_translated_to_english(bank):
    for question in bank:
        thai = [question.text.th, question.explanation.th, question.explanation_long.th]
        english = [question.text.en, question.explanation.en, question.explanation_long.en]
        english += question.option_texts("en")
        assert all(THAI.search(text) for text in thai), question.id
        assert not any(THAI.search(text) for text in english), question.id


def test_ids_are_unique_and_each_answer_is_single(bank):
    ids = [q.id for q in bank]
    assert len(ids) == len(set(ids))
    for question in bank:
        if question.is_ordering:
            assert sorted(question.answer_key) == list(range(len(question.options)))
        else:
            assert len(question.answer_key) == 1


def test_every_slide_with_a_concept_is_covered(bank):
    cited = {ref.slide for q in bank for ref in q.sources if ref.doc == DEFAULT_DOC}
    concept_slides = set(range(1, 24)) - CONCEPT_FREE_SLIDES

    assert concept_slides - cited == set()
    assert cited <= set(range(1, 24))


def test_bank_has_every_kind_and_several_topics(bank):
    kinds = {q.kind for q in bank}
    assert kinds == set(KINDS)
    assert len(bank.topic_ids()) >= 8
    assert all(bank.by_topic(topic) for topic in bank.topic_ids())


def test_level_scenarios_cover_all_five_levels(bank):
    scenarios = bank.by_kind("level_scenario")
    answers = {LEVEL_OPTIONS[q.correct][0] for q in scenarios if q.correct is not None}

    assert len(scenarios) >= 10
    assert answers == {key for key, _ in LEVEL_OPTIONS}


def test_bank_asks_to_order_the_five_levels_from_inform_to_empower(bank):
    in_right_order = [[q.options[i].en for i in q.answer_key] for q in bank.by_kind("ordering")]
    assert ["Inform", "Consult", "Involve", "Collaborate", "Empower"] in in_right_order


def test_default_bank_dir_is_inside_the_package():
    assert default_bank_dir() == REPO_ROOT / "quizzes" / "bank"
    assert len(load_bank(default_bank_dir())) == len(load_bank())


def test_malformed_yaml_names_the_file_and_line(tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("topic: t\nquestions:\n  - id: a\n    kind: [mcq\n", encoding="utf-8")

    with pytest.raises(BankFileError) as caught:
        load_bank(bad)

    assert isinstance(caught.value, ValidationError)
    assert "broken.yaml" in str(caught.value)
    assert caught.value.line is not None and caught.value.line >= 4
    assert f"line {caught.value.line}" in str(caught.value)


def test_file_without_a_question_list_is_refused(tmp_path):
    bad = tmp_path / "empty.yaml"
    bad.write_text("topic: t\ntitle: {th: ก, en: T}\n", encoding="utf-8")

    with pytest.raises(BankFileError, match=r"empty\.yaml.*'questions'"):
        load_bank(bad)


def test_missing_folder_or_empty_folder_is_refused(tmp_path):
    with pytest.raises(BankFileError, match="no such file"):
        load_bank(tmp_path / "nope")
    with pytest.raises(BankFileError, match=r"no \*\.yaml"):
        load_bank(tmp_path)


def test_broken_question_is_reported_with_file_line_and_id(write_bank, bank_entry):
    two_right = bank_entry("q-two")
    two_right["options"][1]["correct"] = True
    folder = write_bank([bank_entry("q-ok"), two_right, bank_entry("q-kind", kind="essay")])

    bank = load_bank(folder)
    problems = validate_bank(bank, LECTURE_SLIDES)

    assert [q.id for q in bank] == ["q-ok"]
    by_id = {p.question_id: p for p in problems}
    assert "exactly one option must be marked correct (found 2)" in by_id["q-two"].message
    assert "'kind' must be one of" in by_id["q-kind"].message
    assert all(p.file == "a.yaml" and p.line for p in problems)
    assert str(by_id["q-two"]).startswith(f"a.yaml:{by_id['q-two'].line} [q-two]")


def test_limits_are_checked_in_each_language(write_bank, bank_entry):
    long_question = bank_entry(
        "q-long",
        question={"th": "ก" * (QUESTION_MAX_CHARS + 1), "en": "ok"},
        explanation={"th": "ok", "en": "a\nb\nc\nd"},
    )
    long_question["options"][2]["en"] = "x" * (OPTION_MAX_CHARS + 1)

    messages = [p.message for p in validate_bank(load_bank(write_bank([long_question])))]

    assert f"question (th) is {QUESTION_MAX_CHARS + 1} characters, limit 300" in messages
    assert "option 3 (en) is 101 characters, limit 100" in messages
    assert "explanation (en) has more than 2 line feeds" in messages


def test_empty_translation_and_repeated_options_are_reported(write_bank, bank_entry):
    broken = bank_entry("q-empty", explanation_long={"th": "ยาว", "en": ""})
    broken["options"][2]["th"] = broken["options"][1]["th"]

    messages = [p.message for p in validate_bank(load_bank(write_bank([broken])))]

    assert "explanation_long (en) is empty" in messages
    assert "options (th) repeat the same text" in messages


def test_duplicate_ids_are_reported(write_bank, bank_entry):
    folder = write_bank([bank_entry("q-1"), bank_entry("q-1")])

    problems = validate_bank(load_bank(folder))

    assert len(problems) == 1
    assert problems[0].question_id == "q-1" and "duplicate id" in problems[0].message


def test_slide_references_must_exist_in_the_knowledge_base(write_bank, bank_entry):
    folder = write_bank([bank_entry("q-1", slides=[4, 99]), bank_entry("q-2", doc="other.md")])
    bank = load_bank(folder)

    as_set = validate_bank(bank, LECTURE_SLIDES)
    as_predicate = validate_bank(bank, lambda doc, slide: (doc, slide) in LECTURE_SLIDES)

    expected = {
        ("q-1", f"slide 99 of {DEFAULT_DOC} is not in the knowledge base"),
        ("q-2", "slide 4 of other.md is not in the knowledge base"),
    }
    assert {(p.question_id, p.message) for p in as_set} == expected
    assert {(p.question_id, p.message) for p in as_predicate} == expected
    assert validate_bank(bank) == []


def test_standard_kinds_take_an_answer_key(write_bank, bank_entry):
    good = bank_entry("tf-1", kind="true_false", answer=False)
    del good["options"]
    bad = bank_entry("lv-1", kind="level_scenario", answer="partner")
    del bad["options"]

    bank = load_bank(write_bank([good, bad]))

    assert bank.by_id("tf-1").option_texts("en")[bank.by_id("tf-1").correct or 0] == "False"
    assert bank.by_id("tf-1").shuffle is False
    assert [p.question_id for p in bank.problems] == ["lv-1"]
    assert "'answer' must be one of inform" in bank.problems[0].message


def test_ordering_needs_a_full_order(write_bank, bank_entry):
    ordering = bank_entry("o-1", kind="ordering", order=[0, 0, 1])

    bank = load_bank(write_bank([ordering]))

    assert len(bank) == 0
    assert "'order' must list each option index 0..2 exactly once" in bank.problems[0].message


def test_unknown_fields_are_reported(write_bank, bank_entry):
    bank = load_bank(write_bank([bank_entry("q-1", explaination={"th": "x", "en": "x"})]))

    assert bank.problems[0].message == "unknown field(s): explaination"


def test_require_valid_bank_raises_with_every_problem(write_bank, bank_entry):
    bank = load_bank(write_bank([bank_entry("q-1"), bank_entry("q-1")]))

    with pytest.raises(ValidationError, match=r"1 problem\(s\):\na\.yaml:\d+ \[q-1\]: duplicate"):
        require_valid_bank(bank, LECTURE_SLIDES)
    assert require_valid_bank(load_bank(), LECTURE_SLIDES) is not None


def sanctions_question(bank_entry, *, wrong: list[tuple[str, str]], right=None):
    """An mcq about sanctions (slide 16) with the given wrong options (th, en)."""
    right = right or ("ลดความช่วยเหลือแก่ผู้ที่ไม่ทำตามกติกา", "Reducing assistance to rule-breakers")
    return bank_entry(
        "q-sanction",
        slides=[16],
        question={"th": "การลงโทษเมื่อไม่ทำตามกฎ กติกาการทำงานร่วมกันคือข้อใด",
                  "en": "What is a sanction for breaking the shared working rules?"},
        options=[{"th": right[0], "en": right[1], "correct": True}]
        + [{"th": th, "en": en} for th, en in wrong],
        explanation={"th": "การลงโทษเช่นลดความช่วยเหลือ", "en": "Sanctions such as less assistance"},
        explanation_long={"th": "กฎ กติกาต้องมีการลงโทษ", "en": "Rules need sanctions to bite"},
    )  # fmt: skip


def test_review_lists_an_option_whose_length_gives_the_answer_away(write_bank, bank_entry):
    long_right = (
        "ลดความช่วยเหลือแก่ผู้ที่ไม่ทำตามกฎ กติกาการทำงานร่วมกันระหว่างรัฐ เอกชน และประชาชน",
        "Reducing assistance to those who break the shared rules of state, business and citizens",
    )
    wrong = [("ตักเตือนผู้ฝ่าฝืน", "Warn them"), ("ปรับเป็นเงิน", "Fine them")]
    bank = load_bank(write_bank([sanctions_question(bank_entry, wrong=wrong, right=long_right)]))

    warnings = [w.message for w in review_bank(bank)]

    assert any(m.startswith("review: option 1 (the right answer) has") and "(th)" in m
               for m in warnings)  # fmt: skip
    assert any("(en)" in m and "length may give it away" in m for m in warnings)
    assert validate_bank(bank, LECTURE_SLIDES) == []  # a warning, not a failure


def test_review_lists_an_option_far_from_the_topic_and_its_slide(write_bank, bank_entry):
    wrong = [
        ("ระงับการแลกเปลี่ยนข้อมูลกับผู้ฝ่าฝืนกติกาชั่วคราว", "Pausing information exchange for a while"),
        ("ย้ายสำนักงานไปอาคารใหม่", "Moving the office to a new building"),
    ]
    bank = load_bank(write_bank([sanctions_question(bank_entry, wrong=wrong)]))
    lecture = REPO_ROOT / "knowledge" / "sources" / DEFAULT_DOC
    slides = dict(re.findall(r"^## สไลด์ (\d+).*?\n(.*?)(?=^## |\Z)",
                             lecture.read_text(encoding="utf-8"), re.M | re.S))  # fmt: skip

    from knowledge.thai import search_tokens, stopwords  # the Thai word splitter the CLI uses

    warnings = review_bank(
        bank,
        words=search_tokens,
        stopwords=stopwords(),
        slide_text=lambda d, n: slides.get(str(n)),
    )

    assert [w.message[:16] for w in warnings] == ["review: option 3"]
    assert "new building" in warnings[0].message and warnings[0].question_id == "q-sanction"


def test_true_false_and_ordering_questions_are_not_reviewed(write_bank, bank_entry):
    statement = bank_entry("q-tf", kind="true_false", answer=True)
    del statement["options"]
    bank = load_bank(write_bank([statement]))

    assert review_bank(bank) == []


def test_quiz_check_prints_the_review_and_still_passes(capsys):
    from bot.cli import main

    assert main(["quiz", "check"]) == 0
    out = capsys.readouterr().out
    assert "option(s) to review (warnings, not failures)" in out
    assert "ok: " in out and "every slide reference exists" in out
