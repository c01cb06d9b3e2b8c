"""Delivery state of trainer notices (retries), and each quiz attempt's language and timer.

Revision ID: 0003_notice_claims
Revises: 0002_answer_mode
Create Date: 2026-12-04

`trainer_notice_sent` rows were written once a notice was claimed and never changed; now
they also record the delivery: `status` (sending, retry, sent, failed), `attempts`,
`last_error` and `next_try_at` (when any worker may try again, or take over a claim whose
worker died). Rows from before count as sent once. `quiz_attempt_option` keeps a quiz's
language and per-question time limit, which lived in the process's memory until now.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from core.migrations import adopting

revision = "0003_notice_claims"
down_revision = "0002_answer_mode"
branch_labels = None
depends_on = None

NOTICE = "trainer_notice_sent"
NEW_COLUMNS = ("status", "attempts", "last_error", "next_try_at")


def _column(name: str) -> sa.Column[object]:
    """A new delivery column (existing rows: sent, once)."""
    columns: dict[str, sa.Column[object]] = {
        "status": sa.Column("status", sa.String(16), nullable=False, server_default="sent"),
        "attempts": sa.Column("attempts", sa.Integer(), nullable=False, server_default="1"),
        "last_error": sa.Column("last_error", sa.String(500), nullable=True),
        "next_try_at": sa.Column("next_try_at", sa.DateTime(), nullable=True),
    }
    return columns[name]


def upgrade() -> None:
    """Add the delivery columns and the quiz options table."""
    for name in NEW_COLUMNS:
        if adopting.needs_column(NOTICE, name):
            op.add_column(NOTICE, _column(name))
    if not _has_index(NOTICE, "ix_trainer_notice_sent_status"):
        op.create_index("ix_trainer_notice_sent_status", NOTICE, ["status"])
    if adopting.needs_table("quiz_attempt_option"):
        op.create_table(
            "quiz_attempt_option",
            sa.Column("attempt_id", sa.Integer(), autoincrement=False, nullable=False),
            sa.Column("lang", sa.String(length=8), nullable=False),
            sa.Column("timer_s", sa.Integer(), nullable=True),
            sa.ForeignKeyConstraint(["attempt_id"], ["quiz_attempt.id"]),
            sa.PrimaryKeyConstraint("attempt_id"),
        )


def downgrade() -> None:
    """Drop the quiz options table and the delivery columns."""
    op.drop_table("quiz_attempt_option")
    op.drop_index("ix_trainer_notice_sent_status", table_name=NOTICE)
    with op.batch_alter_table(NOTICE) as batch:
        for name in reversed(NEW_COLUMNS):
            batch.drop_column(name)


def _has_index(table: str, name: str) -> bool:
    """Whether the index exists (a database adopted from `create_all` may have it)."""
    return name in {index["name"] for index in sa.inspect(op.get_bind()).get_indexes(table)}
