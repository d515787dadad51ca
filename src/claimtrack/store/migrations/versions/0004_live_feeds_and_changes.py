"""live ledger: seen feed entries, event change log, ledger event summaries

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 17:45:00

Re-chained at merge time after 0003 (another branch); nothing here depends on 0003's tables.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feed_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=256), nullable=False),
        sa.Column("key", sa.String(length=2048), nullable=False),
        sa.Column("link", sa.String(length=2048), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("seen_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source", "key", name="uq_feed_entry"),
    )
    op.create_table(
        "event_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("ledger_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("event_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_changes_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_changes_ledger_id"), ["ledger_id"], unique=False)
    with op.batch_alter_table("ledger_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("summary", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ledger_events", schema=None) as batch_op:
        batch_op.drop_column("summary")
    with op.batch_alter_table("event_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_changes_ledger_id"))
        batch_op.drop_index(batch_op.f("ix_event_changes_at"))
    op.drop_table("event_changes")
    op.drop_table("feed_entries")
