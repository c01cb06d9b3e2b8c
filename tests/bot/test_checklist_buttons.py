"""The checklist's buttons against the sandbox: back, skip, "what does this mean?", evidence,
pause, and presses that must change nothing (stale, forged, someone else's)."""

from __future__ import annotations

from datetime import timedelta

from bot.handlers.checklist_state import get_chat
from checklist.definition import load_checklist
from checklist.service import create_project
from tests.bot.support import ENGLISH_ID, OFFICIAL_ID, TRAINER_ID, button_data
from tests.bot.test_checklist_support import (
    answer,
    answer_until,
    assessments,
    item_of,
    next_step,
    projects_of,
    stored_answers,
)

NAME = "โครงการสภาผู้นำชุมชน"
AGENCY = "องค์การบริหารส่วนตำบลบ้านใหม่"


async def open_new_project(bot, user, name: str = NAME) -> tuple[int, object]:
    """A project with a known name and agency, opened from /checklist: (project id, step)."""
    with bot.services.session() as session:
        project = create_project(session=session, owner_id=user.id, name=name, agency=AGENCY)
    await user.send("/checklist")
    listing = await user.next_message()
    await user.press(listing, f"cl:p:{project.id}")
    return project.id, await next_step(user)


def data_starting(message, prefix: str) -> str:
    return next(d for d in button_data(message) if d.startswith(prefix))


def current(bot, project_id: int) -> str | None:
    (run,) = assessments(bot, project_id)
    return run.current_item


async def test_back_and_skip_move_through_items_and_keep_answers(bot):
    official = await bot.user(OFFICIAL_ID)
    project_id, step = await open_new_project(bot, official)
    assert item_of(step) == "a_community"
    step = await answer_until(official, step, {"a_community": "ชาวบ้านหมู่ 5"}, "yes", "a_stage")
    await official.press(step, data_starting(step, "cl:skip:"))
    skipped = step
    step = await next_step(official)
    assert item_of(step) == "b_claim" and current(bot, project_id) == "b_claim"
    await official.wait_for(lambda m: m.message_id == skipped.message_id and "⏭" in m.text)
    assert button_data(skipped) == []  # a skipped item keeps no buttons

    await official.press(step, data_starting(step, "cl:back:"))
    step = await next_step(official)
    assert item_of(step) == "a_stage"
    await official.press(step, data_starting(step, "cl:back:"))
    step = await next_step(official)
    assert item_of(step) == "a_community" and "ชาวบ้านหมู่ 5" in step.text  # its answer shown
    (run,) = assessments(bot, project_id)
    answers = stored_answers(bot, run.id)
    assert answers["a_community"].value == "ชาวบ้านหมู่ 5" and "a_stage" not in answers

    await official.send("ชาวบ้านหมู่ 5 และหมู่ 6")  # a typed correction replaces the answer
    step = await next_step(official)
    assert item_of(step) == "a_stage"
    assert stored_answers(bot, run.id)["a_community"].value == "ชาวบ้านหมู่ 5 และหมู่ 6"


async def test_what_does_this_mean_answers_from_the_lecture_with_a_slide(bot):
    official = await bot.user(OFFICIAL_ID)
    project_id, step = await open_new_project(bot, official)
    plan = {"a_community": "ชาวบ้าน", "a_stage": "planning", "b_claim": "consult"}
    step = await answer_until(official, step, plan, "yes", stop_before="b_inform")
    await official.press(step, data_starting(step, "cl:why:"))
    explained = await official.next_message(timeout=30)
    assert "ข้อนี้หมายความว่าอย่างไร" in explained.text
    item = load_checklist().item("b_inform")
    assert item.explain.concept.th in explained.text  # the concept, not the hint again
    assert item.explain.example.th in explained.text and item.help.th not in explained.text
    assert "จากการบรรยาย" in explained.text and "แหล่งอ้างอิง" in explained.text
    assert "<b>[สไลด์ " in explained.html  # a cited slide, as retrieval labels it
    assert current(bot, project_id) == "b_inform"  # explaining changes nothing
    await answer(official, step, "yes")  # the question's own buttons still work
    assert item_of(await next_step(official)) == "b_consult"


async def test_evidence_is_typed_after_an_answer_and_saved(bot):
    official = await bot.user(OFFICIAL_ID)
    project_id, step = await open_new_project(bot, official)
    step = await answer_until(official, step, {"a_community": "ชาวบ้าน"}, "yes", "a_stage")
    answered = step
    await answer(official, step, "running")
    step = await next_step(official)
    assert "ดำเนินการ" in answered.text and data_starting(answered, "cl:ev:")
    await official.press(answered, data_starting(answered, "cl:ev:"))
    prompt = await official.next_message()
    assert "หลักฐาน" in prompt.text
    note = "รายงานการประชุมประชาคม 12 ม.ค. 2568 (ฉบับที่ 2) <ลงนามแล้ว>"
    await official.send(note)
    saved = await official.next_message()
    assert "บันทึกหลักฐานแล้ว" in saved.text and note in saved.text  # escaped, not markup
    step = await next_step(official)
    assert item_of(step) == "b_claim"  # the conversation carries on where it was
    (run,) = assessments(bot, project_id)
    assert stored_answers(bot, run.id)["a_stage"].evidence == note
    assert stored_answers(bot, run.id)["a_stage"].value == "running"


async def test_pause_hands_typed_text_back_to_questions_until_resumed(bot):
    official = await bot.user(OFFICIAL_ID)
    project_id, step = await open_new_project(bot, official)
    assert item_of(step) == "a_community"  # a step that takes typed text
    await official.press(step, data_starting(step, "cl:pause:"))
    paused = await official.next_message()
    assert "/checklist" in paused.text
    await official.send("การบริหารราชการแบบมีส่วนร่วมคืออะไร")
    reply = await official.next_message()
    assert "แหล่งอ้างอิง" in reply.text  # answered as a question, not saved as the community
    (run,) = assessments(bot, project_id)
    assert stored_answers(bot, run.id).keys() == {"a_name", "a_agency"}

    await official.send("/checklist")
    listing = await official.next_message()
    await official.press(listing, f"cl:p:{project_id}")
    resumed = await official.next_message()
    assert "ทำต่อจากที่ค้างไว้" in resumed.text
    assert item_of(await next_step(official)) == "a_community"


async def test_stale_forged_and_foreign_presses_change_nothing(bot):
    official = await bot.user(OFFICIAL_ID)
    project_id, step = await open_new_project(bot, official)
    first = step
    step = await answer_until(official, step, {"a_community": "ชาวบ้าน"}, "yes", "a_stage")
    (run,) = assessments(bot, project_id)
    before = {k: v.value for k, v in stored_answers(bot, run.id).items()}

    presses = [
        f"cl:skip:{run.id}:a_community",  # stale: that item was answered already
        f"cl:back:{run.id}:a_community",
        f"cl:a:{run.id}:a_community:yes",  # a typed item cannot be pressed
        f"cl:a:{run.id}:a_stage:maybe",  # not one of the choices
        f"cl:a:{run.id}:nonexistent:yes",
        f"cl:fin:{run.id}",  # not at the end yet
        "cl:a:999999:a_stage:idea",  # no such assessment
        "cl:p:999999",
        "cl:zzz:1",
    ]
    for data in presses:
        pressed = await official.press_forged(first.message_id, data)
        assert "ใช้ไม่ได้" in (await pressed.answered()).text, data
    assert current(bot, project_id) == "a_stage"
    assert {k: v.value for k, v in stored_answers(bot, run.id).items()} == before

    # Someone else replays the official's buttons: refused, and their chat gets nothing.
    other = await bot.user(TRAINER_ID, "สมศรี")
    seen = len(other.messages)
    for data in (
        f"cl:a:{run.id}:a_stage:idea",
        f"cl:skip:{run.id}:a_stage",
        f"cl:why:{run.id}:a_stage",
        f"cl:p:{project_id}",
        f"cl:go:{project_id}",
        f"cl:rep:{project_id}",
        f"cl:pause:{run.id}",
    ):
        pressed = await other.press_forged(other.last_message.message_id, data)
        assert "ใช้ไม่ได้" in (await pressed.answered()).text, data
    assert len(other.messages) == seen
    assert current(bot, project_id) == "a_stage" and len(assessments(bot, project_id)) == 1
    assert {k: v.value for k, v in stored_answers(bot, run.id).items()} == before
    await answer(official, step, "idea")  # the real button still works
    assert item_of(await next_step(official)) == "b_claim"


async def test_an_english_speaker_gets_english_items_and_buttons(bot):
    english = await bot.user(ENGLISH_ID, "Jane", lang="en")
    await english.send("/checklist")
    intro = await english.next_message()
    assert "Participatory project checklist" in intro.text
    assert [b.text for b in intro.button_list] == ["➕ New project"]
    await english.press(intro, "cl:new")
    await english.next_message()
    await english.send("Community waste project")
    step = await next_step(english)
    assert "Which agency runs the project?" in step.text and "Question 2/" in step.text
    assert "❓ What does this mean?" in [b.text for b in step.button_list]


async def test_a_new_project_name_is_checked_and_the_prompt_can_be_cancelled(bot):
    official = await bot.user(OFFICIAL_ID)
    await official.send("/checklist")
    await official.press(await official.next_message(), "cl:new")
    prompt = await official.next_message()
    await official.send("ก" * 201)
    assert "ยาวเกินไป" in (await official.next_message()).text and not projects_of(bot, OFFICIAL_ID)
    await official.press(prompt, "cl:cancel")
    await official.send("การบริหารราชการแบบมีส่วนร่วมคืออะไร")
    assert "แหล่งอ้างอิง" in (await official.next_message()).text  # a question again
    assert not projects_of(bot, OFFICIAL_ID)


async def test_typed_text_goes_back_to_questions_after_an_hour_away(bot):
    official = await bot.user(OFFICIAL_ID)
    project_id, step = await open_new_project(bot, official)
    assert item_of(step) == "a_community"
    with bot.services.session() as session:  # the official walked away two hours ago
        chat = get_chat(session=session, telegram_id=OFFICIAL_ID)
        chat.updated_at = chat.updated_at - timedelta(hours=2)
        session.add(chat)
    await official.send("การบริหารราชการแบบมีส่วนร่วมคืออะไร")
    assert "แหล่งอ้างอิง" in (await official.next_message()).text
    (run,) = assessments(bot, project_id)
    assert "a_community" not in stored_answers(bot, run.id)
    await official.send("/checklist")  # coming back picks the thread up again
    await official.press(await official.next_message(), f"cl:p:{project_id}")
    step = await next_step(official)
    await official.send("ชาวบ้านริมคลอง")
    assert item_of(await next_step(official)) == "a_stage"
    assert stored_answers(bot, run.id)["a_community"].value == "ชาวบ้านริมคลอง"


async def test_in_a_group_the_checklist_points_to_the_private_chat(bot):
    group = bot.sandbox.group(-100123, "ทีมโครงการ")
    member = group.member(OFFICIAL_ID, "สมชาย")
    await member.send("/checklist")
    assert "แชตส่วนตัว" in (await group.next_message()).text
    assert not projects_of(bot, OFFICIAL_ID)
