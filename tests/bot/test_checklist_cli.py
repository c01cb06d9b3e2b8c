"""`ruamkit checklist report`: lists projects, writes PDF + Markdown + PNG, refuses clearly."""

from __future__ import annotations

import pytest

from bot.cli import main as cli_main
from bot.handlers.checklist_state import ChecklistChat  # noqa: F401  (registers the table)
from checklist import texts as report_texts
from checklist.definition import load_checklist
from checklist.report_blocks import format_score
from checklist.service import create_project, finish_assessment, save_answer, start_assessment
from core.db import create_tables, make_engine, session_scope
from tests.bot.test_checklist_support import nfkc, pdf_text

OWNER, STRANGER = 4242, 4343


@pytest.fixture
def database(settings, monkeypatch):
    """The CLI's database (from RUAMKIT_DATA_DIR): one finished project, one unfinished."""
    monkeypatch.setenv("RUAMKIT_DATA_DIR", str(settings.ruamkit_data_dir))
    engine = make_engine(settings.resolved_database_url)
    create_tables(engine)
    checklist = load_checklist()
    with session_scope(engine) as session:
        done = create_project(session=session, owner_id=OWNER, name="ตลาดชุมชน", agency="อบต.")
        run = start_assessment(session=session, checklist=checklist, project=done)
        for item_id, value in {"b_claim": "involve", "b_inform": "yes", "c_open": "no"}.items():
            save_answer(
                session=session, checklist=checklist, assessment=run, item_id=item_id, value=value
            )
        result = finish_assessment(session=session, checklist=checklist, assessment=run)
        open_ = create_project(session=session, owner_id=OWNER, name="สวนสาธารณะ")
        start_assessment(session=session, checklist=checklist, project=open_)
        ids = {"done": done.id, "open": open_.id, "overall": result.overall}
    engine.dispose()
    return ids


def test_without_a_project_it_lists_projects(database, capsys):
    assert cli_main(["checklist", "report"]) == 0
    listing = capsys.readouterr().out
    assert "ตลาดชุมชน" in listing and "สวนสาธารณะ" in listing
    assert f"{database['done']}\t{OWNER}\t1\tตลาดชุมชน" in listing
    assert cli_main(["checklist", "report", "--user", str(STRANGER)]) == 0
    assert f"no checklist projects for user {STRANGER}" in capsys.readouterr().out


def test_writes_pdf_markdown_and_png_in_the_chosen_language(database, tmp_path, capsys):
    out = tmp_path / "out"
    args = ["checklist", "report", "--project", str(database["done"]), "--lang", "en"]
    assert cli_main([*args, "--out", str(out)]) == 0
    printed = capsys.readouterr().out.split()
    assert sorted(p.rsplit(".", 1)[1] for p in printed) == ["md", "pdf", "png"]
    text = pdf_text((out / f"ruamkit-checklist-p{database['done']}-run1.pdf").read_bytes())
    assert report_texts.REPORT_TITLE.en in text and format_score(database["overall"], "en") in text
    markdown = (out / f"ruamkit-checklist-p{database['done']}-run1.md").read_text("utf-8")
    assert markdown.startswith(f"# {report_texts.REPORT_TITLE.en}") and "ตลาดชุมชน" in markdown
    assert (out / f"ruamkit-checklist-p{database['done']}-run1.png").read_bytes()[:4] == b"\x89PNG"


def test_default_folder_is_under_the_data_dir(database, settings, capsys):
    assert cli_main(["checklist", "report", "--project", str(database["done"])]) == 0
    reports = settings.data_dir / "reports"
    assert sorted(p.suffix for p in reports.iterdir()) == [".md", ".pdf", ".png"]
    text = pdf_text(next(reports.glob("*.pdf")).read_bytes())
    assert nfkc(report_texts.REPORT_TITLE.th) in text  # Thai by default


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--project", "999"], "checklist project 999 does not exist"),
        (["--project", "{open}"], "has no finished assessment yet"),
        (["--project", "{done}", "--user", str(STRANGER)], "belongs to another user"),
    ],
)
def test_problems_are_named_without_a_traceback(database, capsys, extra, message):
    args = [part.format(**database) for part in extra]
    assert cli_main(["checklist", "report", *args]) == 2
    error = capsys.readouterr().err
    assert message in error and "Traceback" not in error
