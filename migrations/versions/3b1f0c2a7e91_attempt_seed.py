"""attempt seed: a retake's own order of questions and choices

Revision ID: 3b1f0c2a7e91
Revises: d57c6f8a641c
Create Date: 2026-11-30 17:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = "3b1f0c2a7e91"
down_revision = "d57c6f8a641c"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("attempts") as batch_op:
        batch_op.add_column(sa.Column("seed", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("attempts") as batch_op:
        batch_op.drop_column("seed")
