"""Every text shown as "from the lecture" is supported by the slides it cites.

The slide texts come from the lecture source through the knowledge loader, and are compared
without whitespace or Markdown markup, so the source may be laid out as lists or tables.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from checklist import texts
from checklist.definition import DEFINITION_PATH, Text
from tests.checklist.conftest import flat

REF = re.compile(r"\((?:สไลด์|slides?) ([\d,\- ]+)\)")
NOT_THE_LECTURE = ("OECD", "DQI", "IAP2", "Discourse", "ดัชนี")
KNOWN_SOURCES = ("OECD (20", "IAP2 Spectrum", "Discourse Quality Index")


def cited(text: str) -> set[int]:
    """Slide numbers cited as "(สไลด์ 4, 8-9)" or "(slides 4, 8-9)"."""
    numbers: set[int] = set()
    for match in REF.finditer(text):
        for part in (p.strip() for p in match.group(1).split(",")):
            first, _, last = part.partition("-")
            numbers |= set(range(int(first), int(last or first) + 1))
    return numbers


def _raw() -> dict[str, Any]:
    raw: dict[str, Any] = yaml.safe_load(DEFINITION_PATH.read_text(encoding="utf-8"))
    return raw


def _raw_items() -> list[dict[str, Any]]:
    return [item for section in _raw()["sections"] for item in section["items"] if "why" in item]


def _assert_grounded(
    where: str, text: str, grounds: dict[int, list[str]], slides: dict[int, str]
) -> None:
    said = flat(REF.sub(" ", text))
    for number, terms in grounds.items():
        slide = flat(slides[int(number)])
        for term in terms:
            assert flat(term) in slide, f"{where}: {term!r} is not on slide {number}"
            assert flat(term) in said, f"{where}: the text does not say {term!r}"


@pytest.mark.parametrize("item", _raw_items(), ids=lambda item: item["id"])
def test_each_reason_is_supported_by_the_slides_it_cites(item, slides):
    why, grounds = item["why"], item.get("grounds") or {}
    assert cited(why["th"]), f"{item['id']}: the reason cites no slide"
    assert cited(why["th"]) == cited(why["en"]), item["id"]
    assert set(grounds) == cited(why["th"]), f"{item['id']}: give key terms for each slide"
    assert cited(why["th"]) <= set(item["slides"])
    _assert_grounded(item["id"], why["th"], grounds, slides)


@pytest.mark.parametrize("band", _raw()["maturity"], ids=lambda band: band["id"])
def test_each_maturity_band_is_supported_by_its_slides(band, slides):
    assert set(band["grounds"]) == set(band["slides"])
    _assert_grounded(band["id"], band["description"]["th"], band["grounds"], slides)


LEVEL_TEXTS = {
    "LEVEL_ABOVE": (
        texts.LEVEL_ABOVE,
        {"claimed": "ร่วมคิดร่วมทำ", "shown": "ปรึกษาหารือ", "promise": ""},
        {8: ["ร่วมคิดร่วมทำ", "ปรึกษาหารือ"], 22: ["ภาพลวงตา"]},
    ),
    "LEVEL_NONE": (texts.LEVEL_NONE, {"claimed": "เข้าไปเกี่ยวข้อง"}, {8: ["การให้ข้อมูล"]}),
    "LEVEL_PG_NOTE": (texts.LEVEL_PG_NOTE, {}, {10: ["ระดับที่ 4 ร่วมคิดร่วมทำ", "ระดับที่ 2"]}),
    "LEVEL_MATCH": (texts.LEVEL_MATCH, {"claimed": "ปรึกษาหารือ"}, {8: ["ปรึกษาหารือ"]}),
    "LEVEL_BELOW": (
        texts.LEVEL_BELOW,
        {"claimed": "ให้ข้อมูล", "shown": "เข้าไปเกี่ยวข้อง"},
        {8: ["ให้ข้อมูล", "เข้าไปเกี่ยวข้อง"]},
    ),
    "LEVEL_UNCLAIMED": (texts.LEVEL_UNCLAIMED, {"shown": "ปรึกษาหารือ"}, {8: ["ปรึกษาหารือ"]}),
    "LEVEL_UNCLAIMED_NONE": (
        texts.LEVEL_UNCLAIMED_NONE,
        {},
        {8: ["ระดับการมีส่วนร่วมของประชาชน"]},
    ),
    "LEVEL_ACTION_WHY": (
        texts.LEVEL_ACTION_WHY,
        {},
        {8: ["ระดับการมีส่วนร่วมของประชาชน"], 22: ["ภาพลวงตา"]},
    ),
    "MATURITY_CAPPED": (texts.MATURITY_CAPPED, {}, {10: ["ระดับที่ 4 ร่วมคิดร่วมทำ"]}),
    "FOOTER": (texts.FOOTER, {"source": "participatory-governance.md"}, {22: ["ไม่มีสูตรสำเร็จ"]}),
}


@pytest.mark.parametrize("name", sorted(LEVEL_TEXTS))
def test_level_and_report_texts_are_supported_by_their_slides(name, slides):
    text, fill, grounds = LEVEL_TEXTS[name]
    th = text.th.format(**fill)
    assert set(grounds) == cited(th) == cited(text.en.format(**fill)), name
    _assert_grounded(name, th, grounds, slides)


def test_the_dqi_and_other_outside_ideas_are_never_told_as_the_lectures(checklist):
    for item in checklist.items():
        for told in (item.why, *(item.advice or {}).values()):
            if told is not None:
                assert not any(name in told.th + told.en for name in NOT_THE_LECTURE), item.id
    for band in checklist.maturity:
        assert not any(name in band.description.th for name in NOT_THE_LECTURE), band.id
    outside = [item for item in checklist.items() if item.elsewhere]
    assert {"c_voice", "c_reasons", "c_respect", "c_common"} <= {i.id for i in outside}
    for item in outside:
        assert item.elsewhere is not None
        assert any(source in item.elsewhere.source for source in KNOWN_SOURCES), item.id
        assert item.elsewhere.text.th and item.elsewhere.text.en


def test_the_level_promise_is_labelled_iap2():
    assert "IAP2" in texts.LEVEL_ABOVE.th and "IAP2" in texts.LEVEL_ABOVE.en


def test_flat_ignores_markdown_layout():
    assert flat("- ข้อ ก\n1. ข้อ ข\n| a | b |\n| --- | --- |\n**ตัวหนา**") == "ข้อกข้อขabตัวหนา"
    assert cited("ดู (สไลด์ 4, 8-10) และ (สไลด์ 22)") == {4, 8, 9, 10, 22}
    assert isinstance(texts.FOOTER, Text)
