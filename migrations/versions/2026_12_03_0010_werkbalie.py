"""The Werkbalie agenda: desk hours per azc (werkbalie_series: weekly or one day, cut into
slots that are computed, not stored) and appointments (werkbalie_appointment). The database
keeps one appointment per slot (unless cancelled) and one booked appointment per phone number:
partial unique indexes.

Written by hand.

Revision ID: 2026_12_03_werkbalie
Revises: 2026_12_02_report_consent
Create Date: 2026-12-03 09:00:00
"""
from alembic import op
import sqlalchemy as sa

import portal.db


revision = '2026_12_03_werkbalie'
down_revision = '2026_12_02_report_consent'
branch_labels = None
depends_on = None

STATES = ('booked', 'cancelled', 'attended', 'no_show', 'past')  # frozen as they were
TAKEN = sa.text("status <> 'cancelled'")
BOOKED = sa.text("status = 'booked'")


def _moment(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, portal.db.UTCDateTime(timezone=True), nullable=nullable)


def _user(name: str, table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([name], ['user.id'], ondelete='SET NULL',
                                   name=op.f(f'fk_{table}_{name}_user'))


def upgrade() -> None:
    op.create_table(
        'werkbalie_series',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('location_id', sa.Integer(), nullable=False),
        sa.Column('host', sa.String(length=120), nullable=False),
        sa.Column('weekday', sa.Integer(), nullable=True),
        sa.Column('first_day', sa.Date(), nullable=False),
        sa.Column('last_day', sa.Date(), nullable=False),
        sa.Column('start_time', sa.Time(), nullable=False),
        sa.Column('end_time', sa.Time(), nullable=False),
        sa.Column('slot_minutes', sa.Integer(), nullable=False),
        sa.Column('languages', sa.JSON(), nullable=False),
        sa.Column('place', sa.String(length=200), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        _moment('created_at'),
        sa.CheckConstraint('end_time > start_time', name=op.f('ck_werkbalie_series_times')),
        sa.CheckConstraint('last_day >= first_day', name=op.f('ck_werkbalie_series_days')),
        sa.CheckConstraint('slot_minutes BETWEEN 5 AND 120',
                           name=op.f('ck_werkbalie_series_slot_minutes')),
        _user('created_by_id', 'werkbalie_series'),
        sa.ForeignKeyConstraint(['location_id'], ['location.id'],
                                name=op.f('fk_werkbalie_series_location_id_location')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_werkbalie_series')),
    )
    op.create_index(op.f('ix_werkbalie_series_location_id'), 'werkbalie_series', ['location_id'])

    op.create_table(
        'werkbalie_appointment',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('series_id', sa.Integer(), nullable=False),
        sa.Column('location_id', sa.Integer(), nullable=False),
        _moment('starts_at'),
        _moment('ends_at'),
        sa.Column('status', sa.Enum(*STATES, name='status', native_enum=False, length=16),
                  nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('name_latin', sa.String(length=120), nullable=True),
        sa.Column('phone', sa.String(length=20), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=True),
        sa.Column('language', sa.String(length=5), nullable=True),
        sa.Column('ui_language', sa.String(length=5), nullable=False),
        sa.Column('keep_longer', sa.Boolean(), nullable=False),
        _moment('consent_at'),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('link_nonce', sa.String(length=32), nullable=False),
        sa.Column('booked_by_id', sa.Integer(), nullable=True),
        _moment('created_at'),
        _moment('cancelled_at', nullable=True),
        _moment('marked_at', nullable=True),
        sa.Column('marked_by_id', sa.Integer(), nullable=True),
        sa.Column('outcome_note', sa.Text(), nullable=True),
        sa.Column('outcome_by_id', sa.Integer(), nullable=True),
        _moment('outcome_at', nullable=True),
        sa.Column('application_id', sa.Integer(), nullable=True),
        sa.CheckConstraint("status IN ({})".format(", ".join(f"'{s}'" for s in STATES)),
                           name=op.f('ck_werkbalie_appointment_status')),
        sa.ForeignKeyConstraint(['series_id'], ['werkbalie_series.id'],
                                name=op.f('fk_werkbalie_appointment_series_id_werkbalie_series')),
        sa.ForeignKeyConstraint(['location_id'], ['location.id'],
                                name=op.f('fk_werkbalie_appointment_location_id_location')),
        sa.ForeignKeyConstraint(['application_id'], ['application.id'], ondelete='SET NULL',
                                name=op.f('fk_werkbalie_appointment_application_id_application')),
        _user('booked_by_id', 'werkbalie_appointment'),
        _user('marked_by_id', 'werkbalie_appointment'),
        _user('outcome_by_id', 'werkbalie_appointment'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_werkbalie_appointment')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_werkbalie_appointment_token_hash')),
    )
    op.create_index(op.f('ix_werkbalie_appointment_location_id'), 'werkbalie_appointment',
                    ['location_id'])
    op.create_index(op.f('ix_werkbalie_appointment_series_id'), 'werkbalie_appointment',
                    ['series_id'])
    op.create_index(op.f('ix_werkbalie_appointment_starts_at'), 'werkbalie_appointment',
                    ['starts_at'])
    op.create_index('uq_werkbalie_appointment_slot', 'werkbalie_appointment',
                    ['series_id', 'starts_at'], unique=True, sqlite_where=TAKEN,
                    postgresql_where=TAKEN)
    op.create_index('uq_werkbalie_appointment_phone', 'werkbalie_appointment', ['phone'],
                    unique=True, sqlite_where=BOOKED, postgresql_where=BOOKED)


def downgrade() -> None:
    op.drop_table('werkbalie_appointment')
    op.drop_table('werkbalie_series')
