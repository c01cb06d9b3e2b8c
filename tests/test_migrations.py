"""Schema migrations on a real SQLite file and the real PostgreSQL.

The databases of today's deployments are replayed from tests/data/schema_v0.*.sql (made
by tests/data/make_schema_v0.py with `create_all`, the way every database was made before
migrations), upgraded, and searched for every row they held.
"""

from __future__ import annotations

import ast
import logging
import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, create_engine, inspect, select, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, col
from sqlmodel import select as select_models

from bot.handlers.checklist_state import Awaiting, get_chat
from bot.handlers.trainer_state import get_draft
from bot.schema import TABLE_MODULES, metadata
from checklist.models import ChecklistAssessment
from checklist.results import AssessmentResult
from core.db import make_engine, session_scope
from core.errors import ConfigurationError
from core.feedback import AnswerRecord, export_csv, record_answer
from core.migrations import (
    current_revision,
    downgrade_database,
    head_revision,
    script_directory,
    upgrade_database,
)
from core.users import Role, get_user, touch_user
from quizzes.importers.store import imported_questions
from quizzes.models import QuizAttempt
from quizzes.service import attempt_score
from retrieval.staging import KbStaging, StagedChange

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
POSTGRES_URL = os.environ.get(
    "RUAMKIT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
OFFICIAL, OFFICIAL_EN, TRAINER = 7_000_000_001, 7_000_000_002, 5_000_000_001
BEFORE_0002 = "0001_initial"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database: a SQLite file, or a fresh PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'ruamkit.sqlite3'}")
        yield engine
        engine.dispose()
        return
    schema = f"ruamkit_mig_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:
        admin.dispose()
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI and not reachable: {error}")
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}: {error.__class__.__name__}")
    engine = make_engine(f"{POSTGRES_URL}?options=-csearch_path%3D{schema}")
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}_ref" CASCADE'))
        admin.dispose()


def _empty_like(engine: Engine, tmp_path: Path) -> Engine:
    """Another empty database of the same kind (a second schema on PostgreSQL)."""
    if engine.dialect.name == "sqlite":
        return make_engine(f"sqlite:///{tmp_path / 'reference.sqlite3'}")
    schema = f"{str(engine.url.query['options']).split('=')[1]}_ref"
    with engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    return make_engine(f"{POSTGRES_URL}?options=-csearch_path%3D{schema}")


def load_v0(engine: Engine) -> None:
    """Replay today's database (schema and rows) from its SQL dump."""
    script = (DATA / f"schema_v0.{engine.dialect.name}.sql").read_text(encoding="utf-8")
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        if engine.dialect.name == "sqlite":
            raw.executescript(script)  # type: ignore[union-attr]
            raw.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
        else:
            raw.execute(script)  # type: ignore[union-attr]
            raw.commit()  # type: ignore[union-attr]


def all_rows(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table (but Alembic's), in primary-key order."""
    found = MetaData()
    found.reflect(engine)
    rows = {}
    with engine.connect() as connection:
        for table in found.sorted_tables:
            if table.name == "alembic_version":
                continue
            query = select(table).order_by(*table.primary_key.columns)
            rows[table.name] = [dict(row._mapping) for row in connection.execute(query)]
    return rows


def columns(engine: Engine, table: str) -> set[str]:
    """The column names a table has now."""
    return {column["name"] for column in inspect(engine).get_columns(table)}


def shape(engine: Engine) -> dict[str, Any]:
    """Tables, columns (type, nullability), keys and indexes, comparable across databases."""
    found = inspect(engine)
    return {
        name: (
            sorted((c["name"], str(c["type"]), c["nullable"]) for c in found.get_columns(name)),
            found.get_pk_constraint(name)["constrained_columns"],
            sorted(str(fk["referred_table"]) for fk in found.get_foreign_keys(name)),
            sorted(str(sorted(u["column_names"])) for u in found.get_unique_constraints(name)),
            sorted(str((i["name"], i["column_names"])) for i in found.get_indexes(name)),
        )
        for name in sorted(found.get_table_names())
    }


def test_every_table_is_registered_in_one_place():
    """A table module missing from bot/schema.py would make the schema depend on imports."""
    declaring = set()
    packages = ("core", "knowledge", "retrieval", "quizzes", "checklist", "bot")
    for path in (p for package in packages for p in (ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and any(
                kw.arg == "table" and isinstance(kw.value, ast.Constant) and kw.value.value
                for kw in node.keywords
            ):
                module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
                declaring.add(module)
    assert declaring, "the scan found no table classes"
    assert declaring <= set(TABLE_MODULES), sorted(declaring - set(TABLE_MODULES))


def test_the_revisions_form_one_chain():
    heads = script_directory().get_heads()
    assert len(heads) == 1, (
        f"revisions {sorted(heads)} share a parent: set the newer one's down_revision to the "
        "other, so every database goes through them in one order"
    )


def test_a_new_database_gets_exactly_the_tables_the_models_describe(db):
    change = upgrade_database(db)
    assert change.before is None and change.after == head_revision()
    assert change.describe().startswith(f"database schema at revision {head_revision()}")
    with db.connect() as connection:
        diffs = compare_metadata(
            MigrationContext.configure(connection, opts={"compare_type": True}), metadata()
        )
    assert diffs == []


def test_the_first_revision_is_exactly_todays_schema(db, tmp_path):
    load_v0(db)
    today = shape(db)
    reference = _empty_like(db, tmp_path)
    try:
        upgrade_database(reference, BEFORE_0002)
        migrated = shape(reference)
    finally:
        reference.dispose()
    migrated.pop("alembic_version")
    assert today == migrated


def test_todays_database_is_adopted_upgraded_and_keeps_every_row(db):
    load_v0(db)
    before = all_rows(db)
    assert len(before) == 19 and all(before.values()), "the fixture fills every table"
    change = upgrade_database(db)
    assert change.adopted and change.after == head_revision()
    assert "adopted a database created before migrations" in change.describe()
    after = all_rows(db)
    for table, rows in before.items():
        kept = [{key: row[key] for key in rows[0]} for row in after[table]]
        assert kept == rows, table
    assert upgrade_database(db).describe().endswith("(already up to date)")


def test_todays_rows_read_back_through_the_app_after_the_upgrade(db):
    load_v0(db)
    upgrade_database(db)
    with session_scope(db) as session:
        official, english = (
            get_user(session=session, telegram_id=i) for i in (OFFICIAL, OFFICIAL_EN)
        )
        assert official is not None and official.first_name == "สมหญิง"
        assert english is not None and english.language == "en"
        trainer = get_user(session=session, telegram_id=TRAINER)
        assert trainer is not None and trainer.role == Role.TRAINER.value
        rated = session.get(AnswerRecord, 1)
        assert rated is not None and rated.feedback == "up" and rated.mode is None
        assert rated.citations[0]["label"] == "สไลด์ 8"
        attempt = session.exec(
            select_models(QuizAttempt).where(col(QuizAttempt.user_id) == OFFICIAL)
        ).first()
        assert attempt is not None and attempt.id is not None
        assert attempt_score(session=session, attempt_id=attempt.id).total >= 2
        finished = session.get(ChecklistAssessment, 1)
        assert finished is not None and finished.result is not None
        assert AssessmentResult.from_dict(finished.result).coverage > 0
        chat = get_chat(session=session, telegram_id=OFFICIAL)
        assert chat is not None and chat.awaiting == Awaiting.EVIDENCE
        draft = get_draft(session=session, telegram_id=TRAINER)
        assert draft is not None and draft.data["cohort_name"] == "รุ่นที่ 1 กรมการปกครอง"
        assert len(imported_questions(session=session, owner_id=TRAINER)) == 6
        staging = session.get(KbStaging, 1)
        assert staging is not None
        staged = StagedChange.from_row(staging)
        assert staged.gate.total == 20 and staged.gate.fixed[0].origin == "admin"
        assert staged.preview.passages_after == 42 and staged.preview.samples
        # New rows go on after the old ones (PostgreSQL's sequences came along).
        newcomer = touch_user(session=session, telegram_id=7_000_000_099, first_name="ใหม่")
        assert newcomer.id is not None and official.id is not None
        assert newcomer.id > official.id
        answer = record_answer(
            session=session, user_id=OFFICIAL, chat_id=OFFICIAL, question="q", answer="a",
            citations=[], found=True, lang="th", mode="extractive", confidence=0.42,
        )  # fmt: skip
        assert answer.id == 3
    with Session(db) as session:
        import io

        out = io.StringIO()
        assert export_csv(session=session, out=out) == 3


def test_the_second_revision_adds_its_columns_and_takes_them_away_again(db, tmp_path):
    load_v0(db)
    assert upgrade_database(db, BEFORE_0002).after == BEFORE_0002
    assert {"mode", "confidence"}.isdisjoint(columns(db, "answer_record"))
    before = all_rows(db)

    change = upgrade_database(db, "0002_answer_mode")
    assert change.describe() == (
        "database schema at revision 0002_answer_mode (upgraded from 0001_initial)"
    )
    assert {"mode", "confidence"} <= columns(db, "answer_record")
    rows = all_rows(db)["answer_record"]
    assert [(r["mode"], r["confidence"]) for r in rows] == [(None, None), (None, None)]
    with db.begin() as connection:
        connection.execute(
            text("UPDATE answer_record SET mode = 'llm', confidence = 0.81 WHERE id = 1")
        )
    assert all_rows(db)["answer_record"][0]["confidence"] == pytest.approx(0.81)

    change = downgrade_database(db, BEFORE_0002)
    assert change.describe() == (
        "database schema at revision 0001_initial (downgraded from 0002_answer_mode)"
    )
    assert {"mode", "confidence"}.isdisjoint(columns(db, "answer_record"))
    assert all_rows(db) == before
    reference = _empty_like(db, tmp_path)
    try:
        upgrade_database(reference, BEFORE_0002)
        assert shape(db) == shape(reference)
    finally:
        reference.dispose()
    assert upgrade_database(db).after == head_revision()


def test_a_database_that_is_not_ruamkits_is_refused(db):
    with db.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    with pytest.raises(ConfigurationError, match="none of RuamKit's"):
        upgrade_database(db)
    assert current_revision(db) is None


def test_a_table_missing_columns_of_todays_schema_is_refused(db):
    with db.begin() as connection:
        connection.execute(
            text("CREATE TABLE bot_user (id INTEGER PRIMARY KEY, telegram_id BIGINT)")
        )
    with pytest.raises(ConfigurationError, match=r"bot_user lacks .*first_name"):
        upgrade_database(db)
    assert current_revision(db) is None


def test_a_database_made_by_create_all_of_todays_models_is_adopted_as_it_is(db):
    metadata().create_all(db)
    change = upgrade_database(db)
    assert change.adopted and change.after == head_revision()


def test_two_processes_starting_at_once_both_find_the_schema_ready(db):
    results: list[object] = []

    def start() -> None:
        engine = make_engine(str(db.url.render_as_string(hide_password=False)))
        try:
            results.append(upgrade_database(engine).after)
        except Exception as error:  # recorded, so the test shows it
            results.append(error)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [head_revision(), head_revision()]


def test_the_db_commands(tmp_path, monkeypatch, capsys):
    from bot.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RUAMKIT_DATA_DIR", str(tmp_path / "data"))
    assert main(["db", "current"]) == 0
    assert "no revision" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert capsys.readouterr().out.startswith(
        f"database schema at revision {head_revision()} (new database)"
    )
    assert main(["db", "current"]) == 0
    assert capsys.readouterr().out.strip() == f"{head_revision()} (newest)"
    assert main(["db", "history"]) == 0
    listing = capsys.readouterr().out
    assert "0001_initial" in listing and "0002_answer_mode" in listing
    assert main(["db", "downgrade", "0999_nonexistent"]) == 2
    assert "0999_nonexistent" in capsys.readouterr().err


def test_the_bot_brings_its_database_to_the_newest_schema_at_start_up(settings, caplog):
    from bot.context import build_services

    caplog.set_level(logging.INFO, logger="core.db")
    for _start in range(2):  # a first start, then a restart
        build_services(settings, answerer=object()).close()  # type: ignore[arg-type]
    lines = [record.getMessage() for record in caplog.records if record.name == "core.db"]
    assert lines == [
        f"database schema at revision {head_revision()} (new database)",
        f"database schema at revision {head_revision()} (already up to date)",
    ]


def test_a_model_change_becomes_a_revision_that_upgrades_a_database(tmp_path, monkeypatch):
    """`ruamkit db revision` writes the step a developer's model change needs (batch mode)."""
    import shutil

    import sqlalchemy as sa

    import core.migrations

    copy = tmp_path / "migrations"
    shutil.copytree(core.migrations.HERE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(core.migrations, "HERE", copy)
    changed = MetaData()
    for table in metadata().tables.values():
        table.to_metadata(changed)
    changed.tables["answer_record"].append_column(sa.Column("reviewer_note", sa.String(200)))

    previous = head_revision()
    (path,) = core.migrations.new_revision(changed, "Reviewer's note on an answer")
    assert path.parent == copy / "versions" and path.name.endswith(
        "_reviewers_note_on_an_answer.py"
    )
    written = path.read_text(encoding="utf-8")
    assert "batch_alter_table('answer_record'" in written and "reviewer_note" in written
    assert f"down_revision = '{previous}'" in written

    engine = make_engine(f"sqlite:///{tmp_path / 'ruamkit.sqlite3'}")
    try:
        assert upgrade_database(engine).after == path.stem
        assert "reviewer_note" in columns(engine, "answer_record")
    finally:
        engine.dispose()


def test_a_failing_revision_leaves_the_database_as_it_was(db, tmp_path, monkeypatch):
    import shutil

    import core.migrations

    upgrade_database(db)
    before = head_revision()
    copy = tmp_path / "migrations"
    shutil.copytree(core.migrations.HERE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "versions" / "9999_broken.py").write_text(
        f'''"""A revision that fails half-way."""

import sqlalchemy as sa
from alembic import op

revision = "9999_broken"
down_revision = "{before}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer(), primary_key=True))
    with op.batch_alter_table("answer_record") as batch:
        batch.add_column(sa.Column("half_done_note", sa.Text()))
    raise RuntimeError("the revision fails here")


def downgrade():
    pass
''',
        encoding="utf-8",
    )
    monkeypatch.setattr(core.migrations, "HERE", copy)
    with pytest.raises(RuntimeError, match="fails here"):
        upgrade_database(db)
    assert current_revision(db) == before
    assert not inspect(db).has_table("half_done")
    assert "half_done_note" not in columns(db, "answer_record")
