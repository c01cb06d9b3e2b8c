"""End to end: an official assesses a project in two sittings around a bot restart, gets the
chart and the report, assesses again later and sees what changed; the CLI writes the same."""

from __future__ import annotations

from bot.cli import main as cli_main
from checklist import texts as report_texts
from checklist.definition import load_checklist
from checklist.report_blocks import format_score
from checklist.results import AssessmentResult
from core.dates import format_datetime
from tests.bot.support import OFFICIAL_ID, button_data
from tests.bot.test_checklist_support import (
    answer,
    answer_until,
    assessments,
    item_of,
    next_step,
    nfkc,
    pdf_text,
    projects_of,
    stored_answers,
)

PROJECT = "โครงการจัดการขยะชุมชนบ้านหนองบัว"
AGENCY = "เทศบาลตำบลหนองบัว"
# First run: the agency claims collaboration but the answers show consultation at most.
FIRST = {
    "a_agency": AGENCY,
    "a_community": "ชาวบ้านหมู่ 3 และผู้ค้าในตลาด",
    "a_stage": "running",
    "b_claim": "collaborate",
    "b_inform": "yes",
    "b_consult": "yes",
    "b_involve": "partly",
    "b_codecide": "no",
    "b_coimpl": "no",
    "b_empower": "no",
    "c_open": "skip",
    "e_leader": "dont_know",
    "f_illusion": "yes",
    "f_dominate": "yes",
}
STOP_AT = "c_delib"  # the first sitting ends here
EVIDENCE = "สรุปผลเวทีรับฟังความคิดเห็น 3 ครั้ง ติดประกาศที่ศาลาหมู่บ้าน"
# Later: the community now decides with the agency, and the pitfalls are gone.
SECOND = {
    "a_community": "ชาวบ้านหมู่ 3 และผู้ค้าในตลาด",
    "a_stage": "evaluating",
    "b_claim": "collaborate",
    "b_involve": "yes",
    "b_codecide": "yes",
    "b_coimpl": "yes",
    "b_empower": "partly",
    "f_form": "no",
    "f_structure": "no",
    "f_illusion": "no",
    "f_dominate": "no",
    "f_conflict": "no",
    "f_apathy": "partly",
}
THAI_HEADINGS = [
    nfkc(heading)  # as PDF text is compared
    for heading in (
        report_texts.REPORT_TITLE.th,
        report_texts.OVERALL.th,
        report_texts.LEVEL_HEADING.th,
        report_texts.SECTIONS_HEADING.th,
        report_texts.ACTIONS_HEADING.th,
    )
]


async def start_project(user) -> object:
    """/checklist, ➕ new project, type its name: the first question comes back."""
    await user.send("/checklist")
    intro = await user.next_message()
    assert "ยังไม่มีโครงการ" in intro.text and button_data(intro) == ["cl:new"]
    await user.press(intro, "cl:new")
    prompt = await user.next_message()
    assert "ชื่อโครงการ" in prompt.text
    await user.send(PROJECT)
    return await next_step(user)


async def finish(user, step) -> dict[str, object]:
    """Press "see the results" and collect the texts, the photo and the documents."""
    assert item_of(step) is None and any(d.startswith("cl:fin:") for d in button_data(step))
    await user.press(step, next(d for d in button_data(step) if d.startswith("cl:fin:")))
    return await collect_results(user)


async def collect_results(user) -> dict[str, object]:
    """Read the results: texts, the chart, the documents, up to the closing message."""
    got: dict[str, object] = {"texts": [], "documents": {}}
    while True:
        message = await user.next_message(timeout=30)
        if message.photo is not None:
            got["photo"] = message.photo
        elif message.document is not None:
            got["documents"][message.document.file_name] = message.document.data
        else:
            got["texts"].append(message.text)
        if "cl:list" in button_data(message):  # the closing message
            return got


def stored_result(assessment) -> AssessmentResult:
    """The result stored with a finished assessment."""
    return AssessmentResult.from_dict(assessment.result)


async def test_two_sittings_around_a_restart_then_a_repeat_with_comparison(
    launch, monkeypatch, tmp_path
):
    checklist = load_checklist()
    async with launch() as bot:
        official = await bot.user(OFFICIAL_ID)
        step = await start_project(official)
        assert item_of(step) == "a_agency"  # the name is known: it is not asked again
        total = sum(1 for _ in checklist.items())
        assert f"ข้อ 2/{total}" in step.text and "▱ 2%" in step.text  # the progress indicator
        step = await answer_until(official, step, FIRST, "partly", stop_before=STOP_AT)
        (project,) = projects_of(bot, OFFICIAL_ID)
        (first,) = assessments(bot, project.id)
        saved = stored_answers(bot, first.id)
        # Every answer was saved the moment it was given, typed ones included.
        assert saved["a_community"].value == FIRST["a_community"]
        assert saved["b_codecide"].value == "no" and "c_open" not in saved
        assert first.current_item == STOP_AT and project.agency == AGENCY
        # Last thing before the restart: "add evidence" to an earlier answer.
        evidence_button = f"cl:ev:{first.id}:b_consult"
        answered = next(m for m in official.messages if evidence_button in button_data(m))
        await official.press(answered, evidence_button)
        assert "หลักฐาน" in (await official.next_message()).text

    # The bot restarts over the same database; the official comes back to the chat.
    async with launch() as bot:
        await official.send(EVIDENCE)  # the pending evidence prompt survived the restart
        assert "บันทึกหลักฐานแล้ว" in (await official.next_message()).text
        assert item_of(await next_step(official)) == STOP_AT
        assert stored_answers(bot, first.id)["b_consult"].evidence == EVIDENCE
        await official.send("/checklist")
        listing = await official.next_message()
        assert PROJECT in listing.text and "กำลังทำ" in listing.text
        await official.press(listing, f"cl:p:{project.id}")
        step = await next_step(official)
        assert item_of(step) == STOP_AT  # resumed exactly where the first sitting stopped
        position = [item.id for item in checklist.items()].index(STOP_AT) + 1
        assert f"ข้อ {position}/{total}" in step.text
        step = await answer_until(official, step, FIRST, "partly")
        results = await finish(official, step)
        (first,) = assessments(bot, project.id)
        result = stored_result(first)

        summary = results["texts"][1]  # after "scoring..."
        assert format_score(result.overall, "th") in summary and "ระดับความพร้อม" in summary
        assert "⚠️" in summary and "ร่วมคิดร่วมทำ" in summary  # the claimed level is not shown
        actions = results["texts"][2]
        assert "สิ่งที่ควรทำต่อไป" in actions and "สไลด์" in actions
        assert 3 <= actions.count("เหตุผลจากการบรรยาย") <= 5
        assert results["photo"].startswith(b"\x89PNG")
        documents = results["documents"]
        pdf_name = next(name for name in documents if name.endswith(".pdf"))
        text = pdf_text(documents[pdf_name])
        for heading in THAI_HEADINGS:
            assert heading in text
        assert format_score(result.overall, "th") in text
        for section in result.sections:
            assert format_score(section.score, "th") in text
        markdown = next(data for name, data in documents.items() if name.endswith(".md"))
        assert PROJECT in markdown.decode("utf-8")

        # Later: assess the same project again with better answers.
        await official.send("/checklist")
        listing = await official.next_message()
        assert "ประเมินแล้ว 1 ครั้ง" in listing.text
        await official.press(listing, f"cl:p:{project.id}")
        card = await official.next_message()
        assert format_score(result.overall, "th") in card.text
        # The card and the PDF give the same local time, Buddhist era ("4 ธ.ค. 2569 10:15 น.").
        when = format_datetime(first.finished_at, "th", bot.settings.timezone)
        assert when in card.text and nfkc(when) in text
        await official.press(card, f"cl:rep:{project.id}")  # the latest report, once more
        resent = await collect_results(official)
        assert set(resent["documents"]) == set(documents)
        await official.press(card, f"cl:go:{project.id}")
        step = await next_step(official)
        assert item_of(step) == "a_community"  # name and agency are known from the first run
        step = await answer_until(official, step, SECOND, "yes")
        again = await finish(official, step)
        first, second = assessments(bot, project.id)
        before, after = stored_result(first), stored_result(second)
        assert after.overall > before.overall
        # Every call was one the Bot API serves, with parameters it understands.
        assert bot.sandbox.ignored_parameters == [] and bot.sandbox.unserved_calls == []

    comparison = next(text for text in again["texts"] if "เทียบกับการประเมินครั้งก่อน" in text)
    assert (
        f"{format_score(before.overall, 'th')} → {format_score(after.overall, 'th')}" in comparison
    )
    assert "ดีขึ้น" in comparison
    assert checklist.item("b_codecide").question.th in comparison  # no -> yes
    text = pdf_text(next(d for n, d in again["documents"].items() if n.endswith(".pdf")))
    assert nfkc(report_texts.HISTORY_HEADING.th) in text

    # The command line writes the same report for the latest finished assessment.
    out = tmp_path / "reports"
    monkeypatch.setenv("RUAMKIT_DATA_DIR", str(bot.settings.ruamkit_data_dir))
    args = ["checklist", "report", "--project", str(project.id), "--out", str(out)]
    assert cli_main([*args, "--user", str(OFFICIAL_ID)]) == 0
    written = sorted(path.suffix for path in out.iterdir())
    assert written == [".md", ".pdf", ".png"]
    cli_pdf = pdf_text(next(out.glob("*.pdf")).read_bytes())
    assert nfkc(report_texts.REPORT_TITLE.th) in cli_pdf
    assert format_score(after.overall, "th") in cli_pdf


async def test_typed_answers_do_not_swallow_questions_once_buttons_are_expected(bot):
    official = await bot.user(OFFICIAL_ID)
    step = await start_project(official)
    step = await answer_until(official, step, FIRST, "partly", stop_before="b_claim")
    await official.send("การบริหารราชการแบบมีส่วนร่วมคืออะไร")
    reply = await official.next_message()
    assert "แหล่งอ้างอิง" in reply.text  # answered by `ask`, not taken as an answer
    (project,) = projects_of(bot, OFFICIAL_ID)
    (run,) = assessments(bot, project.id)
    assert run.current_item == "b_claim" and "b_claim" not in stored_answers(bot, run.id)
    await answer(official, step, "consult")
    assert item_of(await next_step(official)) == "b_inform"
