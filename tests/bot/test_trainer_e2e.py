"""A trainer's course in the sandbox: invite, import, assign, answer, remind, restart, results.

Five trainees; four finish (one of them late), one never starts. The questions are imported
from CSV so the answers can be planned, and every number the trainer gets is checked against
this hand-computed table (1 = right):

            Q1 Q2 Q3 Q4 Q5   right  score  pass (60%)  late
    T1 ต้น   1  1  1  0  0     3     60%    pass
    T2 นก    1  1  1  0  0     3     60%    pass
    T3 แดง   1  0  0  1  0     2     40%    fail
    T4 ฝน    1  1  0  1  0     3     60%    pass        late
    T5 เอ    - never started -

Facility p = right / 4: Q1 1.00, Q2 0.75, Q3 0.50, Q4 0.50, Q5 0.00.
Groups: 27% of 4 = 1.08 -> 1 each. Ranked by total then user id: T1 (3), T2 (3), T4 (3),
T3 (2); upper = T1, lower = T3. D = upper - lower: Q1 0, Q2 1, Q3 1, Q4 -1, Q5 0.
Flags: none. Four answers are too few to judge (at least 5): Q1 (1.00), Q5 (0.00) and Q4
(D -1) would otherwise be flagged; the trainer is told so instead.
Topics: "ทดสอบ ข" (Q3-Q5) 4 right of 12 = 33%, slides by misses 12 (4), 8 (2), 9 (2);
"ทดสอบ ก" (Q1-Q2) 7 of 8 = 88%, slide 5 (1 miss; slide 2 was never missed).
Mean of finished members (60 + 60 + 60 + 40) / 4 = 55%.
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from openpyxl import load_workbook

from bot.cli import main as cli_main
from core.dates import format_datetime
from tests.bot.support import TRAINER_ID, button_data
from tests.bot.trainer_support import (
    MovableClock,
    answer_assignment,
    create_cohort,
    data_starting,
    form_data,
    press_label,
    step,
    trainer_bot,
    wait_until,
)

HEADER = "question_th,question_en,options,options_en,correct,topic,difficulty,slides"
QUESTIONS = [
    ("Q1", "ทดสอบ ก", 2), ("Q2", "ทดสอบ ก", 5), ("Q3", "ทดสอบ ข", 8), ("Q4", "ทดสอบ ข", 9),
    ("Q5", "ทดสอบ ข", 12),
]  # fmt: skip
PLAN = {
    7001: ("ต้น", (1, 1, 1, 0, 0)),
    7002: ("นก", (1, 1, 1, 0, 0)),
    7003: ("แดง", (1, 0, 0, 1, 0)),
    7004: ("ฝน", (1, 1, 0, 1, 0)),
    7005: ("เอ", None),
}
FACILITY = {"Q1": 1.0, "Q2": 0.75, "Q3": 0.5, "Q4": 0.5, "Q5": 0.0}
DISCRIMINATION = {"Q1": 0.0, "Q2": 1.0, "Q3": 1.0, "Q4": -1.0, "Q5": 0.0}
TOO_FEW = "มีผู้ส่งเพียง 4 คน ยังน้อยเกินกว่าจะตัดสิน"
# (name, status, right, score, result, late) in the results' order: finished by score, then name.
MEMBER_ROWS = [
    ("ต้น", "ส่งแล้ว", "3", "60", "ผ่าน", ""),
    ("นก", "ส่งแล้ว", "3", "60", "ผ่าน", ""),
    ("ฝน", "ส่งแล้ว", "3", "60", "ผ่าน", "ช้า"),
    ("แดง", "ส่งแล้ว", "2", "40", "ไม่ผ่าน", ""),
    ("เอ", "ยังไม่เริ่ม", "", "", "", ""),
]


def questions_csv() -> bytes:
    rows = [HEADER] + [
        f"ข้อ {mark} เลือกตัวเลือกที่ถูก,{mark} pick the right one,"
        f"ถูก {mark}|ผิด ก {mark}|ผิด ข {mark},right|wrong a|wrong b,1,{topic},medium,{slide}"
        for mark, topic, slide in QUESTIONS
    ]
    return ("\n".join(rows) + "\n").encode("utf-8")


def plan_of(user_id: int) -> dict[str, bool]:
    rights = PLAN[user_id][1]
    assert rights is not None
    return {mark: bool(right) for (mark, _, _), right in zip(QUESTIONS, rights, strict=True)}


async def test_a_cohort_from_invitation_to_checked_exports(
    sandbox, settings, tmp_path, monkeypatch
):
    clock = MovableClock()
    async with trainer_bot(sandbox, settings, clock) as bot:
        trainer = await bot.user(TRAINER_ID, "ครูสมศรี")
        code = await create_cohort(trainer, "รุ่นทดสอบ 1/2569")
        await trainer.send("/import")
        assert "นำเข้าคำถาม" in (await trainer.next_message()).text
        await trainer.upload(questions_csv(), "questions.csv")
        assert "นำเข้าแล้ว 5 ข้อ" in (await trainer.next_message()).text

        # Trainees join by deep link, by /join CODE and by a code typed sloppily.
        people = {}
        for user_id, (name, _) in PLAN.items():
            person = sandbox.user(user_id, name)
            if user_id in (7001, 7002):
                await person.send(f"/start join_{code}")
                assert "สวัสดี" in (await person.next_message()).text
            else:
                typed = code if user_id != 7004 else f"{code[:4].lower()}-{code[4:].lower()}"
                await person.send(f"/join {typed}")
            assert "เข้าร่วม" in (await person.next_message()).text
            people[user_id] = person

        # The /assign form: both imported topics, 5 questions, 60%, now, typed deadline.
        await trainer.send("/assign")
        form = await trainer.next_message()
        form = await step(trainer, form, data_starting(form, "tr:a:")[0])
        form = await press_label(trainer, form, "ทดสอบ ก")
        form = await press_label(trainer, form, "ทดสอบ ข")
        form = await step(trainer, form, form_data(form, "t", "ok"))
        assert "5 ข้อ" in form.text
        form = await step(trainer, form, form_data(form, "n", "5"))
        form = await step(trainer, form, form_data(form, "p", "60"))
        form = await step(trainer, form, form_data(form, "o", "now"))
        await trainer.send(format_datetime(clock() + timedelta(hours=25), "th"))
        form = await trainer.next_message()
        form = await step(trainer, form, form_data(form, "k", "1"))
        form = await step(trainer, form, form_data(form, "v", "a"))
        form = await step(trainer, form, form_data(form, "m", "0"))
        assert "24 ชม. และ 1 ชม. ก่อนกำหนดส่ง" in form.text and "หลังกำหนดส่ง" in form.text
        done = await step(trainer, form, form_data(form, "ok", "go"))
        assert "มอบหมายแล้ว" in done.text and "สมาชิก 5 คน" in done.text
        (assignment,) = bot.assignments()
        ident, due = assignment.id, assignment.due_at
        assert assignment.pass_mark == 60 and len(assignment.question_ids) == 5
        assert bot.job_names() == [
            f"assignment-{ident}-remind-1h", f"assignment-{ident}-remind-24h",
            f"assignment-{ident}-summary",
        ]  # fmt: skip

        # Everyone is told; three finish on time and see no answers before the deadline.
        announcements = {uid: await p.next_message() for uid, p in people.items()}
        for message in announcements.values():
            assert "งานใหม่" in message.text and f"tr:go:{ident}" in button_data(message)
        for user_id in (7001, 7002, 7003):
            person = people[user_id]
            await person.press(announcements[user_id], f"tr:go:{ident}")
            assert "เริ่ม" in (await person.next_message()).text
            card = await answer_assignment(person, await person.next_message(), plan_of(user_id))
            assert "ส่งงานแล้ว" in card.text and "เฉลยจะเปิดให้ดูหลังกำหนดส่ง" in card.text
        pressed = await people[7003].press(card, data_starting(card, "tr:rv:")[0])
        assert "เฉลยจะเปิด" in ((await pressed.answered()).text or "")

        # 24 hours before the deadline: only the two who have not finished are reminded.
        counts = {uid: len(p.messages) for uid, p in people.items()}
        clock.move_to(due - timedelta(hours=24) + timedelta(minutes=1))
        await bot.run_job(f"assignment-{ident}-remind-24h")
        for user_id in (7004, 7005):
            reminder = await people[user_id].next_message()
            assert "เตือนความจำ" in reminder.text and "24 ชั่วโมง" in reminder.text
        assert all(len(people[u].messages) == counts[u] for u in (7001, 7002, 7003))

    # Down through the 1-hour reminder: the restarted bot sends it once, and nothing twice.
    clock.move_to(due - timedelta(minutes=30))
    async with trainer_bot(sandbox, settings, clock) as bot:
        for user_id in (7004, 7005):
            reminder = await people[user_id].next_message()
            assert "1 ชั่วโมง" in reminder.text
        assert bot.job_names() == [f"assignment-{ident}-summary"]
    async with trainer_bot(sandbox, settings, clock) as bot:
        await wait_until(lambda: bot.job_names() == [f"assignment-{ident}-summary"])
        await settle_with(trainer)
        assert bot.notices("remind-") == [
            (7004, "remind-24h"), (7005, "remind-24h"), (7004, "remind-1h"), (7005, "remind-1h"),
        ]  # fmt: skip
        assert all(len(people[u].messages) == counts[u] + 2 for u in (7004, 7005))

        # The deadline: the trainer's summary; then T4 finishes late and may see the answers.
        clock.move_to(due + timedelta(minutes=1))
        await bot.run_job(f"assignment-{ident}-summary")
        summary = await trainer.wait_for(lambda m: "ถึงกำหนดส่งแล้ว" in m.text)
        assert "ส่งแล้ว 3/5 คน" in summary.text
        trainer.skip_existing()
        late = people[7004]
        await late.send("/tasks")
        tasks = await late.next_message()
        assert "เลยกำหนดส่ง" in tasks.text
        await late.press(tasks, f"tr:go:{ident}")
        await late.next_message()
        card = await answer_assignment(late, await late.next_message(), plan_of(7004))
        assert "ส่งหลังกำหนด" in card.text and "3/5" in card.text and "ผ่าน" in card.text
        await late.press(card, data_starting(card, "tr:rv:")[0])
        assert "ถูก Q3" in (await late.next_message()).text  # the right option of the miss

        await check_results(bot, trainer, ident)
    await check_cli_export(settings, tmp_path, monkeypatch, ident)


async def settle_with(user):
    await user.send("/help")
    await user.next_message()


async def check_results(bot, trainer, ident) -> None:
    """/results, the chart and both files, against the table in the module docstring."""
    await trainer.send("/results")
    listing = await trainer.next_message()
    await trainer.press(listing, f"tr:r:{ident}")
    results = await trainer.next_message()
    text = results.text
    assert "ส่งแล้ว 4/5 คน · ผ่าน 3 · ส่งช้า 1 · คะแนนเฉลี่ย 55%" in text
    assert "ฝน · ส่งแล้ว · 3/5 (60%) · ผ่าน · ช้า" in text
    assert "แดง · ส่งแล้ว · 2/5 (40%) · ไม่ผ่าน" in text and "เอ · ยังไม่เริ่ม" in text
    for mark, facility in FACILITY.items():
        (line,) = [row for row in text.splitlines() if f"ข้อ {mark}" in row]
        assert f"p {facility:.2f} · D {DISCRIMINATION[mark]:.2f}" in line
        assert "⚠️" not in line and "ง่ายเกินไป" not in line  # 4 answers: too few to judge
    assert TOO_FEW in text and "อย่างน้อย 5 คน" in text
    weak = text.index("หัวข้อที่รุ่นยังอ่อน")
    assert "ทดสอบ ข: 33% · ทบทวนสไลด์ 12, 8, 9" in text[weak:]
    assert text.index("ทดสอบ ข: 33%") < text.index("ทดสอบ ก: 88% · ทบทวนสไลด์ 5")

    await trainer.press(results, f"tr:rc:{ident}")
    chart = await trainer.next_message()
    assert chart.photo is not None and chart.photo[:4] == b"\x89PNG"

    await trainer.press(results, f"tr:rx:{ident}:csv")
    document = (await trainer.next_message()).document
    assert document is not None and document.file_name == f"assignment-{ident}-results.csv"
    rows = list(csv.reader(io.StringIO(document.data.decode("utf-8-sig"))))
    assert [(r[0], r[2], r[4], r[6], r[7], r[8]) for r in rows[1:]] == MEMBER_ROWS
    assert {r[5] for r in rows[1:]} == {"5"}

    await trainer.press(results, f"tr:rx:{ident}:xlsx")
    document = (await trainer.next_message()).document
    assert document is not None and document.file_name.endswith(".xlsx")
    check_workbook(document.data)


def check_workbook(data: bytes) -> None:
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["results", "items", "topics"]
    members = list(book["results"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[4], r[6]) for r in members][:4] == [
        ("ต้น", 3, 60), ("นก", 3, 60), ("ฝน", 3, 60), ("แดง", 2, 40),
    ]  # fmt: skip
    for row in book["items"].iter_rows(min_row=2, values_only=True):
        mark = next(m for m in FACILITY if f"ข้อ {m}" in row[3])
        assert (row[4], row[6], row[7]) == (4, FACILITY[mark], DISCRIMINATION[mark])
    topics = list(book["topics"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[5], r[6]) for r in topics] == [
        ("ทดสอบ ข", 33.3, "สไลด์ 12, สไลด์ 8, สไลด์ 9"), ("ทดสอบ ก", 87.5, "สไลด์ 5"),
    ]  # fmt: skip


async def check_cli_export(settings, tmp_path, monkeypatch, ident) -> None:
    """`ruamkit results export` writes the same CSV the bot sent, and a readable workbook."""
    monkeypatch.setenv("RUAMKIT_DATA_DIR", str(settings.ruamkit_data_dir))
    out = tmp_path / "exports"
    assert cli_main(["results", "export", str(ident), "--out", str(out)]) == 0
    rows = list(
        csv.reader(io.StringIO((out / f"assignment-{ident}-results.csv").read_text("utf-8-sig")))
    )
    assert [(r[0], r[2], r[4], r[6], r[7], r[8]) for r in rows[1:]] == MEMBER_ROWS
    check_workbook((out / f"assignment-{ident}-results.xlsx").read_bytes())
