"""session tokens: sessions name accounts by a random per-account token, not the integer key

Revision ID: a7c3e9f2b614
Revises: 5e9b7d3c2f18
Create Date: 2026-12-01 02:50:00

"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "a7c3e9f2b614"
down_revision = "5e9b7d3c2f18"
branch_labels = None
depends_on = None

TABLES = ("teachers", "students")


def upgrade():
    connection = op.get_bind()
    for name in TABLES:
        with op.batch_alter_table(name) as batch_op:
            batch_op.add_column(sa.Column("session_token", sa.String(length=32), nullable=True))
        # A fresh random token for every existing account (existing sessions, which named the
        # integer key, end: everyone signs in once more after this upgrade).
        table = sa.table(name, sa.column("id", sa.Integer), sa.column("session_token", sa.String))
        for (row_id,) in connection.execute(sa.select(table.c.id)).all():
            connection.execute(
                table.update().where(table.c.id == row_id).values(session_token=secrets.token_urlsafe(24))
            )
        with op.batch_alter_table(name) as batch_op:
            batch_op.alter_column("session_token", existing_type=sa.String(length=32), nullable=False)
            batch_op.create_unique_constraint(f"uq_{name}_session_token", ["session_token"])


def downgrade():
    for name in reversed(TABLES):
        with op.batch_alter_table(name) as batch_op:
            batch_op.drop_constraint(f"uq_{name}_session_token", type_="unique")
            batch_op.drop_column("session_token")
