"""materialised provenance: status, independent sources, fatalities and figures in columns

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 17:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ledger_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("independent_sources", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("fatalities", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("injured", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("sources", sa.JSON(), nullable=True))
        batch_op.create_index(batch_op.f("ix_ledger_events_status"), ["status"], unique=False)
    op.create_table(
        "ledger_figures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ledger_id", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=64), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=True),
        sa.Column("value_text", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=512), nullable=False),
        sa.Column("superseded", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("ledger_figures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ledger_figures_ledger_id"), ["ledger_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ledger_figures_role"), ["role"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ledger_figures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ledger_figures_role"))
        batch_op.drop_index(batch_op.f("ix_ledger_figures_ledger_id"))
    op.drop_table("ledger_figures")
    with op.batch_alter_table("ledger_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ledger_events_status"))
        for col in ("sources", "injured", "fatalities", "independent_sources", "status"):
            batch_op.drop_column(col)
