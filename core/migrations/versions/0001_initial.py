"""The schema as it was when migrations began (what `create_all` made until then).

Revision ID: 0001_initial
Revises:
Create Date: 2026-12-04

Written from the models of that day and checked by hand: every table, column type and
nullability, primary key, foreign key, unique constraint and index. No column has a
server default (every default is applied by the models). While an unversioned database is
adopted, tables it already has are kept as they are (`adopting.needs_table`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from core.migrations import adopting

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

# Children before parents: the order the tables can be dropped in.
TABLES = (
    "trainer_notice_sent",
    "checklist_answer",
    "bot_checklist_chat",
    "trainer_cohort_member",
    "trainer_assignment",
    "quiz_attempt_item",
    "checklist_assessment",
    "trainer_imported_question",
    "trainer_cohort",
    "quiz_leitner_card",
    "quiz_attempt",
    "processed_update",
    "kb_test_question",
    "kb_staging",
    "checklist_project",
    "bot_user",
    "bot_trainer_draft",
    "audit_event",
    "answer_record",
)


def upgrade() -> None:
    """Create every table of the first schema (those missing, while adopting)."""
    if adopting.needs_table("answer_record"):
        op.create_table(
            "answer_record",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("user_id", sa.BigInteger(), nullable=False),
            sa.Column("chat_id", sa.BigInteger(), nullable=False),
            sa.Column("question", sa.Text(), nullable=False),
            sa.Column("answer", sa.Text(), nullable=False),
            sa.Column("citations", sa.JSON(), nullable=True),
            sa.Column("found", sa.Boolean(), nullable=False),
            sa.Column("lang", sa.String(), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("feedback", sa.String(), nullable=True),
            sa.Column("feedback_at", sa.DateTime(), nullable=True),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_answer_record_user_id", "answer_record", ["user_id"])
    if adopting.needs_table("audit_event"):
        op.create_table(
            "audit_event",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("actor", sa.String(), nullable=False),
            sa.Column("action", sa.String(), nullable=False),
            sa.Column("target", sa.Text(), nullable=False),
            sa.Column("detail", sa.JSON(), nullable=True),
            sa.Column("at", sa.DateTime(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_audit_event_action", "audit_event", ["action"])
        op.create_index("ix_audit_event_actor", "audit_event", ["actor"])
        op.create_index("ix_audit_event_at", "audit_event", ["at"])
    if adopting.needs_table("bot_trainer_draft"):
        op.create_table(
            "bot_trainer_draft",
            sa.Column("telegram_id", sa.BigInteger(), autoincrement=False, nullable=False),
            sa.Column("token", sa.String(length=16), nullable=False),
            sa.Column("step", sa.String(length=16), nullable=False),
            sa.Column("data", sa.JSON(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
            sa.PrimaryKeyConstraint("telegram_id"),
        )
    if adopting.needs_table("bot_user"):
        op.create_table(
            "bot_user",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("telegram_id", sa.BigInteger(), nullable=False),
            sa.Column("first_name", sa.String(), nullable=False),
            sa.Column("language", sa.String(), nullable=True),
            sa.Column("role", sa.String(), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_bot_user_telegram_id", "bot_user", ["telegram_id"], unique=True)
    if adopting.needs_table("checklist_project"):
        op.create_table(
            "checklist_project",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("owner_id", sa.BigInteger(), nullable=False),
            sa.Column("name", sa.String(length=200), nullable=False),
            sa.Column("agency", sa.String(length=200), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_checklist_project_owner_id", "checklist_project", ["owner_id"])
    if adopting.needs_table("kb_staging"):
        op.create_table(
            "kb_staging",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("actor_id", sa.BigInteger(), nullable=True),
            sa.Column("actor", sa.String(), nullable=False),
            sa.Column("action", sa.String(), nullable=False),
            sa.Column("target", sa.Text(), nullable=False),
            sa.Column("file_name", sa.String(), nullable=False),
            sa.Column("version", sa.String(), nullable=True),
            sa.Column("base_version", sa.String(), nullable=True),
            sa.Column("status", sa.String(), nullable=False),
            sa.Column("slot", sa.Integer(), nullable=True),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("finished_at", sa.DateTime(), nullable=True),
            sa.Column("report", sa.JSON(), nullable=True),
            sa.Column("preview", sa.JSON(), nullable=True),
            sa.Column("gate", sa.JSON(), nullable=True),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("slot"),
        )
    if adopting.needs_table("kb_test_question"):
        op.create_table(
            "kb_test_question",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("question", sa.Text(), nullable=False),
            sa.Column("expected", sa.JSON(), nullable=True),
            sa.Column("lang", sa.String(), nullable=False),
            sa.Column("added_by", sa.String(), nullable=False),
            sa.Column("added_at", sa.DateTime(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
    if adopting.needs_table("processed_update"):
        op.create_table(
            "processed_update",
            sa.Column("bot_id", sa.BigInteger(), autoincrement=False, nullable=False),
            sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
            sa.Column("handled_at", sa.DateTime(), nullable=False),
            sa.PrimaryKeyConstraint("bot_id", "update_id"),
        )
        op.create_index("ix_processed_update_handled_at", "processed_update", ["handled_at"])
    if adopting.needs_table("quiz_attempt"):
        op.create_table(
            "quiz_attempt",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("user_id", sa.BigInteger(), nullable=False),
            sa.Column("chat_id", sa.BigInteger(), nullable=False),
            sa.Column("topic", sa.String(), nullable=True),
            sa.Column("mode", sa.String(), nullable=False),
            sa.Column("length", sa.Integer(), nullable=False),
            sa.Column("status", sa.String(), nullable=False),
            sa.Column("assignment_id", sa.Integer(), nullable=True),
            sa.Column("started_at", sa.DateTime(), nullable=False),
            sa.Column("finished_at", sa.DateTime(), nullable=True),
            sa.Column("score", sa.Integer(), nullable=True),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_quiz_attempt_assignment_id", "quiz_attempt", ["assignment_id"])
        op.create_index("ix_quiz_attempt_status", "quiz_attempt", ["status"])
        op.create_index("ix_quiz_attempt_user_id", "quiz_attempt", ["user_id"])
    if adopting.needs_table("quiz_leitner_card"):
        op.create_table(
            "quiz_leitner_card",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("user_id", sa.BigInteger(), nullable=False),
            sa.Column("question_id", sa.String(), nullable=False),
            sa.Column("box", sa.Integer(), nullable=False),
            sa.Column("due_at", sa.DateTime(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("user_id", "question_id"),
        )
        op.create_index("ix_quiz_leitner_card_due_at", "quiz_leitner_card", ["due_at"])
        op.create_index("ix_quiz_leitner_card_user_id", "quiz_leitner_card", ["user_id"])
    if adopting.needs_table("trainer_cohort"):
        op.create_table(
            "trainer_cohort",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("trainer_id", sa.BigInteger(), nullable=False),
            sa.Column("name", sa.String(), nullable=False),
            sa.Column("invite_code", sa.String(length=16), nullable=False),
            sa.Column("is_open", sa.Boolean(), nullable=False),
            sa.Column("group_chat_id", sa.BigInteger(), nullable=True),
            sa.Column("leaderboard_enabled", sa.Boolean(), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("group_chat_id"),
        )
        op.create_index(
            "ix_trainer_cohort_invite_code", "trainer_cohort", ["invite_code"], unique=True
        )
        op.create_index("ix_trainer_cohort_trainer_id", "trainer_cohort", ["trainer_id"])
    if adopting.needs_table("trainer_imported_question"):
        op.create_table(
            "trainer_imported_question",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("owner_id", sa.BigInteger(), nullable=False),
            sa.Column("batch", sa.String(length=32), nullable=False),
            sa.Column("source_name", sa.String(), nullable=False),
            sa.Column("source_format", sa.String(), nullable=False),
            sa.Column("source_line", sa.Integer(), nullable=False),
            sa.Column("topic", sa.String(), nullable=False),
            sa.Column("data", sa.JSON(), nullable=False),
            sa.Column("active", sa.Boolean(), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index(
            "ix_trainer_imported_question_batch", "trainer_imported_question", ["batch"]
        )
        op.create_index(
            "ix_trainer_imported_question_owner_id", "trainer_imported_question", ["owner_id"]
        )
        op.create_index(
            "ix_trainer_imported_question_topic", "trainer_imported_question", ["topic"]
        )
    if adopting.needs_table("checklist_assessment"):
        op.create_table(
            "checklist_assessment",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("project_id", sa.Integer(), nullable=False),
            sa.Column("checklist_id", sa.String(length=32), nullable=False),
            sa.Column("checklist_version", sa.Integer(), nullable=False),
            sa.Column("status", sa.String(length=16), nullable=False),
            sa.Column("started_at", sa.DateTime(), nullable=False),
            sa.Column("finished_at", sa.DateTime(), nullable=True),
            sa.Column("current_item", sa.String(length=32), nullable=True),
            sa.Column("result", sa.JSON(), nullable=True),
            sa.ForeignKeyConstraint(
                ["project_id"],
                ["checklist_project.id"],
            ),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index(
            "ix_checklist_assessment_project_id", "checklist_assessment", ["project_id"]
        )
        op.create_index("ix_checklist_assessment_status", "checklist_assessment", ["status"])
    if adopting.needs_table("quiz_attempt_item"):
        op.create_table(
            "quiz_attempt_item",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("attempt_id", sa.Integer(), nullable=False),
            sa.Column("position", sa.Integer(), nullable=False),
            sa.Column("question_id", sa.String(), nullable=False),
            sa.Column("topic", sa.String(), nullable=False),
            sa.Column("kind", sa.String(), nullable=False),
            sa.Column("option_order", sa.JSON(), nullable=False),
            sa.Column("answer_key", sa.JSON(), nullable=False),
            sa.Column("poll_id", sa.String(), nullable=True),
            sa.Column("message_id", sa.BigInteger(), nullable=True),
            sa.Column("chosen_index", sa.Integer(), nullable=True),
            sa.Column("chosen_order", sa.JSON(), nullable=True),
            sa.Column("correct", sa.Boolean(), nullable=True),
            sa.Column("answered_at", sa.DateTime(), nullable=True),
            sa.ForeignKeyConstraint(
                ["attempt_id"],
                ["quiz_attempt.id"],
            ),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("attempt_id", "position"),
            sa.UniqueConstraint("poll_id"),
        )
        op.create_index("ix_quiz_attempt_item_attempt_id", "quiz_attempt_item", ["attempt_id"])
        op.create_index("ix_quiz_attempt_item_question_id", "quiz_attempt_item", ["question_id"])
    if adopting.needs_table("trainer_assignment"):
        op.create_table(
            "trainer_assignment",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("cohort_id", sa.Integer(), nullable=False),
            sa.Column("trainer_id", sa.BigInteger(), nullable=False),
            sa.Column("title", sa.String(), nullable=False),
            sa.Column("topics", sa.JSON(), nullable=False),
            sa.Column("question_ids", sa.JSON(), nullable=False),
            sa.Column("pass_mark", sa.Integer(), nullable=False),
            sa.Column("opens_at", sa.DateTime(), nullable=False),
            sa.Column("due_at", sa.DateTime(), nullable=False),
            sa.Column("late_cutoff_at", sa.DateTime(), nullable=True),
            sa.Column("attempts_allowed", sa.Integer(), nullable=False),
            sa.Column("reveal", sa.String(), nullable=False),
            sa.Column("reminder_offsets_s", sa.JSON(), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["cohort_id"],
                ["trainer_cohort.id"],
            ),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_trainer_assignment_cohort_id", "trainer_assignment", ["cohort_id"])
        op.create_index("ix_trainer_assignment_due_at", "trainer_assignment", ["due_at"])
        op.create_index("ix_trainer_assignment_trainer_id", "trainer_assignment", ["trainer_id"])
    if adopting.needs_table("trainer_cohort_member"):
        op.create_table(
            "trainer_cohort_member",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("cohort_id", sa.Integer(), nullable=False),
            sa.Column("user_id", sa.BigInteger(), nullable=False),
            sa.Column("first_name", sa.String(), nullable=False),
            sa.Column("leaderboard_opt_in", sa.Boolean(), nullable=False),
            sa.Column("joined_at", sa.DateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["cohort_id"],
                ["trainer_cohort.id"],
            ),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("cohort_id", "user_id"),
        )
        op.create_index(
            "ix_trainer_cohort_member_cohort_id", "trainer_cohort_member", ["cohort_id"]
        )
        op.create_index("ix_trainer_cohort_member_user_id", "trainer_cohort_member", ["user_id"])
    if adopting.needs_table("bot_checklist_chat"):
        op.create_table(
            "bot_checklist_chat",
            sa.Column("telegram_id", sa.BigInteger(), autoincrement=False, nullable=False),
            sa.Column("assessment_id", sa.Integer(), nullable=True),
            sa.Column("awaiting", sa.String(length=16), nullable=False),
            sa.Column("item_id", sa.String(length=32), nullable=True),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["assessment_id"],
                ["checklist_assessment.id"],
            ),
            sa.PrimaryKeyConstraint("telegram_id"),
        )
    if adopting.needs_table("checklist_answer"):
        op.create_table(
            "checklist_answer",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("assessment_id", sa.Integer(), nullable=False),
            sa.Column("item_id", sa.String(length=32), nullable=False),
            sa.Column("value", sa.String(length=500), nullable=False),
            sa.Column("evidence", sa.String(length=1000), nullable=True),
            sa.Column("answered_at", sa.DateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["assessment_id"],
                ["checklist_assessment.id"],
            ),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("assessment_id", "item_id", name="uq_checklist_answer"),
        )
        op.create_index("ix_checklist_answer_assessment_id", "checklist_answer", ["assessment_id"])
    if adopting.needs_table("trainer_notice_sent"):
        op.create_table(
            "trainer_notice_sent",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("assignment_id", sa.Integer(), nullable=False),
            sa.Column("user_id", sa.BigInteger(), nullable=False),
            sa.Column("kind", sa.String(length=32), nullable=False),
            sa.Column("sent_at", sa.DateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["assignment_id"],
                ["trainer_assignment.id"],
            ),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("assignment_id", "user_id", "kind"),
        )
        op.create_index(
            "ix_trainer_notice_sent_assignment_id", "trainer_notice_sent", ["assignment_id"]
        )


def downgrade() -> None:
    """Drop every table (their indexes go with them)."""
    for name in TABLES:
        op.drop_table(name)
