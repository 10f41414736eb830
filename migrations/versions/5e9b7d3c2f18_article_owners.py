"""article owners: who uploaded each version, and whose each article is

Revision ID: 5e9b7d3c2f18
Revises: 8c4d2e6f1a53
Create Date: 2026-11-30 22:45:00

Existing articles become the school's (owner NULL): before this, uploads were not recorded.
"""
import sqlalchemy as sa
from alembic import op

revision = "5e9b7d3c2f18"
down_revision = "8c4d2e6f1a53"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("articles") as batch_op:
        batch_op.add_column(sa.Column("owner_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_articles_owner_id"), ["owner_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_articles_owner_id_teachers"), "teachers", ["owner_id"], ["id"])
    with op.batch_alter_table("article_versions") as batch_op:
        batch_op.add_column(sa.Column("uploaded_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_article_versions_uploaded_by_id_teachers"), "teachers", ["uploaded_by_id"], ["id"]
        )


def downgrade():
    with op.batch_alter_table("article_versions") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_article_versions_uploaded_by_id_teachers"), type_="foreignkey")
        batch_op.drop_column("uploaded_by_id")
    with op.batch_alter_table("articles") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_articles_owner_id_teachers"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_articles_owner_id"))
        batch_op.drop_column("owner_id")
