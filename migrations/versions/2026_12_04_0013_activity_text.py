"""an activity's title and description per resident language, typed by staff (activity_text);
machine translations stay in machine_text

Written by hand.

Revision ID: 2026_12_04_activity_text
Revises: 2026_12_04_talent
Create Date: 2026-12-04 12:00:00
"""
from alembic import op
import sqlalchemy as sa

import portal.db


revision = '2026_12_04_activity_text'
down_revision = '2026_12_04_talent'
branch_labels = None
depends_on = None

ORIGINS = ('typed', 'machine', 'reviewed', 'waiting')


def upgrade() -> None:
    op.create_table(
        'activity_text',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('activity_id', sa.Integer(), nullable=False),
        sa.Column('language', sa.String(length=5), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('origin', sa.Enum(*ORIGINS, name='origin', native_enum=False, length=10,
                                    create_constraint=False), nullable=False),
        sa.Column('source_hash', sa.String(length=64), nullable=False),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.Column('updated_at', portal.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("origin IN ('typed', 'machine', 'reviewed', 'waiting')",
                           name=op.f('ck_activity_text_origin')),
        sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], ondelete='CASCADE',
                                name=op.f('fk_activity_text_activity_id_activity')),
        sa.ForeignKeyConstraint(['updated_by_id'], ['user.id'], ondelete='SET NULL',
                                name=op.f('fk_activity_text_updated_by_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_text')),
        sa.UniqueConstraint('activity_id', 'language',
                            name=op.f('uq_activity_text_activity_id_language')),
    )
    op.create_index(op.f('ix_activity_text_activity_id'), 'activity_text', ['activity_id'])


def downgrade() -> None:
    op.drop_index(op.f('ix_activity_text_activity_id'), table_name='activity_text')
    op.drop_table('activity_text')
