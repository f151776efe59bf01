"""The job in the resident's language: the phrasebook (phrase), the phrases a vacancy is built
from (vacancy_phrase), a vacancy's texts per language (vacancy_text), machine translations of
short texts such as a recruiter's message (machine_text), and the main languages of each azc
(location.languages). The curated phrases are put in by `portal tick` (portal/phrases/
curated.py), so their wording can improve without a migration.

Written by hand.

Revision ID: 2026_12_01_phrases
Revises: 2026_12_01_name_latin
Create Date: 2026-12-01 12:00:00
"""
from alembic import op
import sqlalchemy as sa

import portal.db


revision = '2026_12_01_phrases'
down_revision = '2026_12_01_name_latin'
branch_labels = None
depends_on = None

SECTIONS = ('role', 'task', 'time', 'work', 'offer', 'need')
ORIGINS = ('typed', 'machine', 'reviewed', 'waiting')
STATES = ('pending', 'done', 'failed')


def _in(column: str, values) -> str:
    return "{} IN ({})".format(column, ", ".join(f"'{v}'" for v in values))


def upgrade() -> None:
    op.create_table(
        'phrase',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=40), nullable=False),
        sa.Column('section', sa.Enum(*SECTIONS, name='section', native_enum=False, length=8,
                                     create_constraint=False), nullable=False),
        sa.Column('text', sa.String(length=200), nullable=False),
        sa.Column('icon', sa.String(length=20), nullable=True),
        sa.Column('number_min', sa.Integer(), nullable=True),
        sa.Column('number_max', sa.Integer(), nullable=True),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('curated', sa.Boolean(), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', portal.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(_in('section', SECTIONS), name=op.f('ck_phrase_section')),
        sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], ondelete='SET NULL',
                                name=op.f('fk_phrase_created_by_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_phrase')),
        sa.UniqueConstraint('key', name=op.f('uq_phrase_key')),
    )
    op.create_index(op.f('ix_phrase_section'), 'phrase', ['section'], unique=False)

    op.create_table(
        'vacancy_phrase',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('vacancy_id', sa.Integer(), nullable=False),
        sa.Column('phrase_id', sa.Integer(), nullable=False),
        sa.Column('number', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['vacancy_id'], ['vacancy.id'], ondelete='CASCADE',
                                name=op.f('fk_vacancy_phrase_vacancy_id_vacancy')),
        sa.ForeignKeyConstraint(['phrase_id'], ['phrase.id'],
                                name=op.f('fk_vacancy_phrase_phrase_id_phrase')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_vacancy_phrase')),
        sa.UniqueConstraint('vacancy_id', 'phrase_id', name=op.f('uq_vacancy_phrase_vacancy_id_phrase_id')),
    )
    op.create_index(op.f('ix_vacancy_phrase_vacancy_id'), 'vacancy_phrase', ['vacancy_id'])
    op.create_index(op.f('ix_vacancy_phrase_phrase_id'), 'vacancy_phrase', ['phrase_id'])

    op.create_table(
        'vacancy_text',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('vacancy_id', sa.Integer(), nullable=False),
        sa.Column('language', sa.String(length=5), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('summary', sa.Text(), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('origin', sa.Enum(*ORIGINS, name='origin', native_enum=False, length=10,
                                    create_constraint=False), nullable=False),
        sa.Column('source_hash', sa.String(length=64), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('next_attempt_at', portal.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.Column('updated_at', portal.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(_in('origin', ORIGINS), name=op.f('ck_vacancy_text_origin')),
        sa.ForeignKeyConstraint(['vacancy_id'], ['vacancy.id'], ondelete='CASCADE',
                                name=op.f('fk_vacancy_text_vacancy_id_vacancy')),
        sa.ForeignKeyConstraint(['updated_by_id'], ['user.id'], ondelete='SET NULL',
                                name=op.f('fk_vacancy_text_updated_by_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_vacancy_text')),
        sa.UniqueConstraint('vacancy_id', 'language', name=op.f('uq_vacancy_text_vacancy_id_language')),
    )
    op.create_index(op.f('ix_vacancy_text_vacancy_id'), 'vacancy_text', ['vacancy_id'])

    op.create_table(
        'machine_text',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('about', sa.String(length=40), nullable=False),
        sa.Column('source', sa.String(length=5), nullable=False),
        sa.Column('target', sa.String(length=5), nullable=False),
        sa.Column('source_hash', sa.String(length=64), nullable=False),
        sa.Column('source_text', sa.Text(), nullable=True),
        sa.Column('text', sa.Text(), nullable=True),
        sa.Column('state', sa.Enum(*STATES, name='state', native_enum=False, length=16,
                                   create_constraint=False), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('next_attempt_at', portal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('created_at', portal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('done_at', portal.db.UTCDateTime(timezone=True), nullable=True),
        sa.CheckConstraint(_in('state', STATES), name=op.f('ck_machine_text_state')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_machine_text')),
        sa.UniqueConstraint('about', 'source_hash', 'target',
                            name=op.f('uq_machine_text_about_source_hash_target')),
    )
    op.create_index(op.f('ix_machine_text_about'), 'machine_text', ['about'])
    op.create_index(op.f('ix_machine_text_state'), 'machine_text', ['state'])

    with op.batch_alter_table('location', schema=None) as batch_op:
        batch_op.add_column(sa.Column('languages', sa.String(length=20), nullable=False,
                                      server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('location', schema=None) as batch_op:
        batch_op.drop_column('languages')
    op.drop_table('machine_text')
    op.drop_table('vacancy_text')
    op.drop_table('vacancy_phrase')
    op.drop_table('phrase')
