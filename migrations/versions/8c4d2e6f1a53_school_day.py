"""school day: 1:1 devices and time zone per class, name keys, due-date rules, extensions

Revision ID: 8c4d2e6f1a53
Revises: 3b1f0c2a7e91
Create Date: 2026-11-30 22:40:00

"""

import sqlalchemy as sa
from alembic import op

from app.domain.names import freed_key, name_key

revision = "8c4d2e6f1a53"
down_revision = "3b1f0c2a7e91"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("classes") as batch_op:
        batch_op.add_column(
            sa.Column("one_to_one_devices", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("time_zone", sa.String(length=64), nullable=False, server_default=""))
    with op.batch_alter_table("assignments") as batch_op:
        batch_op.add_column(
            sa.Column("late_policy", sa.String(length=16), nullable=False, server_default="accept")
        )
        batch_op.add_column(
            sa.Column("answers_shown", sa.String(length=16), nullable=False, server_default="submitted")
        )
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))

    # Name keys for existing students: a removed student's is freed, and a name already taken in
    # its class keeps the student but frees the key (the teacher can merge the two).
    with op.batch_alter_table("students") as batch_op:
        batch_op.add_column(sa.Column("name_key", sa.String(length=64), nullable=True))
    connection = op.get_bind()
    students = sa.table(
        "students",
        sa.column("id", sa.Integer),
        sa.column("class_id", sa.Integer),
        sa.column("display_name", sa.String),
        sa.column("removed_at", sa.DateTime),
        sa.column("name_key", sa.String),
    )
    taken: set[tuple[int, str]] = set()
    rows = connection.execute(
        sa.select(
            students.c.id, students.c.class_id, students.c.display_name, students.c.removed_at
        ).order_by(students.c.id)
    ).all()
    for row in rows:
        key = name_key(row.display_name)
        if row.removed_at is not None or not key or (row.class_id, key) in taken:
            key = freed_key(row.id)
        taken.add((row.class_id, key))
        connection.execute(students.update().where(students.c.id == row.id).values(name_key=key))
    with op.batch_alter_table("students") as batch_op:
        batch_op.alter_column("name_key", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint("uq_students_class_name_key", ["class_id", "name_key"])

    op.create_table(
        "extensions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("extra_attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"], ["assignments.id"], name=op.f("fk_extensions_assignment_id_assignments")
        ),
        sa.ForeignKeyConstraint(
            ["student_id"], ["students.id"], name=op.f("fk_extensions_student_id_students")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_extensions")),
        sa.UniqueConstraint("assignment_id", "student_id", name=op.f("uq_extensions_assignment_id")),
    )
    with op.batch_alter_table("extensions") as batch_op:
        batch_op.create_index(batch_op.f("ix_extensions_assignment_id"), ["assignment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_extensions_student_id"), ["student_id"], unique=False)


def downgrade():
    with op.batch_alter_table("extensions") as batch_op:
        batch_op.drop_index(batch_op.f("ix_extensions_student_id"))
        batch_op.drop_index(batch_op.f("ix_extensions_assignment_id"))
    op.drop_table("extensions")
    with op.batch_alter_table("students") as batch_op:
        batch_op.drop_constraint("uq_students_class_name_key", type_="unique")
        batch_op.drop_column("name_key")
    with op.batch_alter_table("assignments") as batch_op:
        batch_op.drop_column("updated_at")
        batch_op.drop_column("answers_shown")
        batch_op.drop_column("late_policy")
    with op.batch_alter_table("classes") as batch_op:
        batch_op.drop_column("time_zone")
        batch_op.drop_column("one_to_one_devices")
