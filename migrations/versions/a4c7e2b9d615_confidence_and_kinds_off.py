"""confidence ratings per answer; per assignment: ask for them, and question kinds switched off

Revision ID: a4c7e2b9d615
Revises: a7c3e9f2b614
Create Date: 2026-12-01 02:45:00

"""

import sqlalchemy as sa
from alembic import op

revision = "a4c7e2b9d615"
down_revision = "a7c3e9f2b614"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("assignments") as batch_op:
        batch_op.add_column(
            sa.Column("ask_confidence", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("kinds_off", sa.JSON(), nullable=False, server_default="[]"))
    with op.batch_alter_table("responses") as batch_op:
        batch_op.add_column(sa.Column("confidence", sa.String(length=16), nullable=True))


def downgrade():
    with op.batch_alter_table("responses") as batch_op:
        batch_op.drop_column("confidence")
    with op.batch_alter_table("assignments") as batch_op:
        batch_op.drop_column("kinds_off")
        batch_op.drop_column("ask_confidence")
