"""The light Markdown inside a unit: parsed into blocks, rendered plain and for answers."""

from __future__ import annotations

from knowledge.structure import display_lines, is_structured, parse_blocks, plain_text

SLIDE = """**ลักษณะของหน่วยงาน**

- regulatory agency
  - พบแรงกดดัน
1. ระดับการให้ข้อมูล (inform)
2. ระดับการปรึกษาหารือ (consult)

| การให้ประชาชนเข้ามาร่วม | การบริหารราชการแบบมีส่วนร่วม |
| --- | --- |
| เป็นการมีส่วนร่วมในลักษณะโครงการ | เป็นหุ้นส่วนครบวงจร |
| อิทธิพลต่ำ | ประชาชนมีอิทธิพลสูง |

ย่อหน้าสุดท้าย
ต่อบรรทัด"""


def test_blocks_keep_subheadings_lists_tables_and_paragraphs():
    kinds = [block.kind for block in parse_blocks(SLIDE)]
    assert kinds == ["subheading", "list", "table", "paragraph"]
    items = parse_blocks(SLIDE)[1].items
    assert [(i.level, i.number) for i in items] == [(0, None), (1, None), (0, 1), (0, 2)]


def test_plain_text_reads_a_table_column_by_column_like_the_slide():
    plain = plain_text(SLIDE)
    assert "|" not in plain and "**" not in plain and "- " not in plain
    assert "1." not in plain
    squashed = "".join(plain.split())
    # the flattened slide read the left column, then the right one
    assert "การให้ประชาชนเข้ามาร่วมเป็นการมีส่วนร่วมในลักษณะโครงการอิทธิพลต่ำ" in squashed
    assert "การบริหารราชการแบบมีส่วนร่วมเป็นหุ้นส่วนครบวงจรประชาชนมีอิทธิพลสูง" in squashed


def test_display_lines_use_bullets_numbers_and_both_table_sides():
    lines = display_lines(SLIDE)
    assert lines[0] == "ลักษณะของหน่วยงาน"
    assert "• regulatory agency" in lines and "  • พบแรงกดดัน" in lines
    assert "1. ระดับการให้ข้อมูล (inform)" in lines
    assert "การให้ประชาชนเข้ามาร่วม:" in lines and "การบริหารราชการแบบมีส่วนร่วม:" in lines
    assert "• ประชาชนมีอิทธิพลสูง" in lines
    assert not any("|" in line or "**" in line for line in lines)


def test_plain_paragraphs_are_not_structured():
    assert not is_structured("ย่อหน้าเดียว\nอีกบรรทัด")
    assert is_structured(SLIDE)
    assert plain_text("ย่อหน้าเดียว\nอีกบรรทัด") == "ย่อหน้าเดียว\nอีกบรรทัด"


def test_an_escaped_pipe_stays_inside_its_cell():
    block = parse_blocks("| a \\| b | c |\n| --- | --- |\n| 1 | 2 |")[0]
    assert block.header == ["a | b", "c"]
