"""How each answer was composed and how sure retrieval was (answer_record.mode, confidence).

Revision ID: 0002_answer_mode
Revises: 0001_initial
Create Date: 2026-12-04

A reviewer reading a 👎 wants to know whether retrieval found a weak match or the language
model composed badly: `mode` is "extractive" or "llm", `confidence` the retrieval score.
Both stay NULL on answers given before this revision (nobody recorded them then).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from core.migrations import adopting

revision = "0002_answer_mode"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

TABLE = "answer_record"


def upgrade() -> None:
    """Add the two nullable columns (existing rows keep NULL)."""
    with op.batch_alter_table(TABLE) as batch:
        if adopting.needs_column(TABLE, "mode"):
            batch.add_column(sa.Column("mode", sa.String(length=16), nullable=True))
        if adopting.needs_column(TABLE, "confidence"):
            batch.add_column(sa.Column("confidence", sa.Float(), nullable=True))


def downgrade() -> None:
    """Drop the two columns (SQLite copies the table without them)."""
    with op.batch_alter_table(TABLE) as batch:
        batch.drop_column("confidence")
        batch.drop_column("mode")
