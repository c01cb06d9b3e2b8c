""" "What does this mean?" explains each item: concept, a Thai agency example, the slides."""

from __future__ import annotations

import html

import pytest

from bot.handlers.checklist_explain import explanation_html
from bot.texts import Html
from checklist.definition import load_checklist

CHECKLIST = load_checklist()
ITEMS = list(CHECKLIST.items())


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item.id)
def test_every_item_is_explained_not_its_hint_repeated(item, lang):
    shown = html.unescape(explanation_html(item, lang))
    assert item.explain is not None
    assert item.explain.concept.get(lang) in shown
    assert item.explain.example.get(lang) in shown
    assert item.help.get(lang) not in shown  # the hint is already under the question
    assert item.explain.concept.get(lang) != item.help.get(lang)
    assert ("สไลด์" if lang == "th" else "slide") in shown
    label = "ตัวอย่างสมมุติ" if lang == "th" else "made up"
    assert label in shown  # the example is marked as an illustration


def test_an_outside_idea_is_labelled_with_its_source():
    item = CHECKLIST.item("c_voice")
    shown = html.unescape(explanation_html(item, "th"))
    assert "นอกการบรรยาย" in shown and "Discourse Quality Index" in shown
    english = html.unescape(explanation_html(item, "en"))
    assert "outside the lecture" in english and "Steenbergen" in english


def test_the_retrieved_lecture_passage_comes_last():
    item = CHECKLIST.item("b_codecide")
    shown = explanation_html(item, "th", Html("<b>[สไลด์ 10]</b> ร่วมคิดร่วมทำ"))
    assert shown.rstrip().endswith("<b>[สไลด์ 10]</b> ร่วมคิดร่วมทำ")
    assert shown.index("แนวคิด") < shown.index("ตัวอย่าง") < shown.index("จากการบรรยาย")
