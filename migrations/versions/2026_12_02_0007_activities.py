"""Activities (trainings, workshops, information meetings, job fairs, employer sessions) with
their sessions, seat pools, sign-ups, attendance marks and the counts erased sign-ups leave
behind; and the outbox channel (mail or text message).

The capacity of a pool is kept by the database: `taken` is raised by a conditional UPDATE and
a CHECK refuses a value above `capacity`. One open sign-up per phone (residents) or email
address (employers) per pool: partial unique indexes.

Written by hand.

Revision ID: 2026_12_02_activities
Revises: 2026_12_01_phrases
Create Date: 2026-12-02 09:00:00
"""
from alembic import op
import sqlalchemy as sa

import portal.db


revision = '2026_12_02_activities'
down_revision = '2026_12_01_phrases'
branch_labels = None
depends_on = None

# Frozen as they were when this was written.
KINDS = ('training', 'workshop', 'info_meeting', 'job_fair', 'employer_session')
AUDIENCES = ('residents', 'employers')
STATES = ('published', 'cancelled')
PLACES = ('room', 'address', 'online')
SIGNUP_STATES = ('confirmed', 'waiting', 'cancelled', 'attended', 'no_show')
MARKS = ('attended', 'no_show')
CHANNELS = ('mail', 'sms')
OPEN = sa.text("status IN ('confirmed', 'waiting')")
OPEN_EMPLOYER = sa.text("status IN ('confirmed', 'waiting') AND phone IS NULL")


def _in(column: str, values) -> str:
    return "{} IN ({})".format(column, ", ".join(f"'{v}'" for v in values))


def _enum(values, name: str, length: int = 16) -> sa.Enum:
    # The CHECK is written out below (ck_<table>_<column>), as the models name it.
    return sa.Enum(*values, name=name, native_enum=False, length=length)


def _moment(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, portal.db.UTCDateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        'activity',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=8), nullable=False),
        sa.Column('kind', _enum(KINDS, 'kind', 20), nullable=False),
        sa.Column('audience', _enum(AUDIENCES, 'audience'), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('languages', sa.JSON(), nullable=False),
        sa.Column('capacity', sa.Integer(), nullable=False),
        sa.Column('together', sa.Boolean(), nullable=False),
        sa.Column('region_id', sa.Integer(), nullable=False),
        sa.Column('location_id', sa.Integer(), nullable=True),
        sa.Column('state', _enum(STATES, 'state'), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        _moment('created_at'),
        _moment('cancelled_at', nullable=True),
        sa.CheckConstraint(_in('kind', KINDS), name=op.f('ck_activity_kind')),
        sa.CheckConstraint(_in('audience', AUDIENCES), name=op.f('ck_activity_audience')),
        sa.CheckConstraint(_in('state', STATES), name=op.f('ck_activity_state')),
        sa.ForeignKeyConstraint(['created_by_id'], ['user.id'],
                                name=op.f('fk_activity_created_by_id_user')),
        sa.ForeignKeyConstraint(['location_id'], ['location.id'],
                                name=op.f('fk_activity_location_id_location')),
        sa.ForeignKeyConstraint(['region_id'], ['region.id'],
                                name=op.f('fk_activity_region_id_region')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_activity')),
        sa.UniqueConstraint('code', name=op.f('uq_activity_code')),
    )
    op.create_index(op.f('ix_activity_location_id'), 'activity', ['location_id'])
    op.create_index(op.f('ix_activity_region_id'), 'activity', ['region_id'])
    op.create_index(op.f('ix_activity_state'), 'activity', ['state'])

    op.create_table(
        'activity_counts',
        sa.Column('activity_id', sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False)
          for name in ('signed_up', 'came', 'no_show', 'cancelled', 'waited')),
        sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], ondelete='CASCADE',
                                name=op.f('fk_activity_counts_activity_id_activity')),
        sa.PrimaryKeyConstraint('activity_id', name=op.f('pk_activity_counts')),
    )

    op.create_table(
        'activity_session',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('activity_id', sa.Integer(), nullable=False),
        _moment('starts_at'),
        _moment('ends_at'),
        sa.Column('place_kind', _enum(PLACES, 'place_kind'), nullable=False),
        sa.Column('place', sa.String(length=200), nullable=False),
        sa.Column('online_url', sa.String(length=300), nullable=False),
        sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_activity_session_times')),
        sa.CheckConstraint(_in('place_kind', PLACES), name=op.f('ck_activity_session_place_kind')),
        sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], ondelete='CASCADE',
                                name=op.f('fk_activity_session_activity_id_activity')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_session')),
    )
    op.create_index(op.f('ix_activity_session_activity_id'), 'activity_session', ['activity_id'])
    op.create_index(op.f('ix_activity_session_starts_at'), 'activity_session', ['starts_at'])

    op.create_table(
        'activity_pool',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('activity_id', sa.Integer(), nullable=False),
        sa.Column('session_id', sa.Integer(), nullable=True),
        sa.Column('capacity', sa.Integer(), nullable=False),
        sa.Column('taken', sa.Integer(), nullable=False),
        sa.CheckConstraint('taken >= 0 AND taken <= capacity', name=op.f('ck_activity_pool_seats')),
        sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], ondelete='CASCADE',
                                name=op.f('fk_activity_pool_activity_id_activity')),
        sa.ForeignKeyConstraint(['session_id'], ['activity_session.id'], ondelete='CASCADE',
                                name=op.f('fk_activity_pool_session_id_activity_session')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_pool')),
        sa.UniqueConstraint('session_id', name=op.f('uq_activity_pool_session_id')),
    )
    op.create_index(op.f('ix_activity_pool_activity_id'), 'activity_pool', ['activity_id'])

    op.create_table(
        'activity_signup',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('activity_id', sa.Integer(), nullable=False),
        sa.Column('pool_id', sa.Integer(), nullable=False),
        sa.Column('status', _enum(SIGNUP_STATES, 'status'), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('name_latin', sa.String(length=120), nullable=True),
        sa.Column('phone', sa.String(length=20), nullable=True),
        sa.Column('email', sa.String(length=254), nullable=True),
        sa.Column('organisation_name', sa.String(length=200), nullable=True),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('location_id', sa.Integer(), nullable=True),
        sa.Column('language', sa.String(length=5), nullable=True),
        sa.Column('ui_language', sa.String(length=5), nullable=False),
        sa.Column('keep_longer', sa.Boolean(), nullable=False),
        _moment('consent_at'),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('link_nonce', sa.String(length=32), nullable=False),
        sa.Column('by_staff_id', sa.Integer(), nullable=True),
        _moment('created_at'),
        _moment('waited_at', nullable=True),
        _moment('confirmed_at', nullable=True),
        _moment('cancelled_at', nullable=True),
        sa.CheckConstraint(_in('status', SIGNUP_STATES), name=op.f('ck_activity_signup_status')),
        sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], ondelete='CASCADE',
                                name=op.f('fk_activity_signup_activity_id_activity')),
        sa.ForeignKeyConstraint(['pool_id'], ['activity_pool.id'], ondelete='CASCADE',
                                name=op.f('fk_activity_signup_pool_id_activity_pool')),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], ondelete='SET NULL',
                                name=op.f('fk_activity_signup_user_id_user')),
        sa.ForeignKeyConstraint(['by_staff_id'], ['user.id'], ondelete='SET NULL',
                                name=op.f('fk_activity_signup_by_staff_id_user')),
        sa.ForeignKeyConstraint(['location_id'], ['location.id'],
                                name=op.f('fk_activity_signup_location_id_location')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_signup')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_activity_signup_token_hash')),
    )
    op.create_index(op.f('ix_activity_signup_activity_id'), 'activity_signup', ['activity_id'])
    op.create_index('ix_activity_signup_pool_status', 'activity_signup',
                    ['pool_id', 'status', 'id'])
    op.create_index('uq_activity_signup_open_phone', 'activity_signup', ['pool_id', 'phone'],
                    unique=True, sqlite_where=OPEN, postgresql_where=OPEN)
    op.create_index('uq_activity_signup_open_email', 'activity_signup', ['pool_id', 'email'],
                    unique=True, sqlite_where=OPEN_EMPLOYER, postgresql_where=OPEN_EMPLOYER)

    op.create_table(
        'activity_attendance',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('signup_id', sa.Integer(), nullable=False),
        sa.Column('session_id', sa.Integer(), nullable=False),
        sa.Column('mark', _enum(MARKS, 'mark'), nullable=False),
        _moment('recorded_at'),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.CheckConstraint(_in('mark', MARKS), name=op.f('ck_activity_attendance_mark')),
        sa.ForeignKeyConstraint(['signup_id'], ['activity_signup.id'], ondelete='CASCADE',
                                name=op.f('fk_activity_attendance_signup_id_activity_signup')),
        sa.ForeignKeyConstraint(['session_id'], ['activity_session.id'], ondelete='CASCADE',
                                name=op.f('fk_activity_attendance_session_id_activity_session')),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['user.id'], ondelete='SET NULL',
                                name=op.f('fk_activity_attendance_recorded_by_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_attendance')),
        sa.UniqueConstraint('signup_id', 'session_id',
                            name=op.f('uq_activity_attendance_signup_id_session_id')),
    )
    op.create_index(op.f('ix_activity_attendance_session_id'), 'activity_attendance',
                    ['session_id'])
    op.create_index(op.f('ix_activity_attendance_signup_id'), 'activity_attendance',
                    ['signup_id'])

    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        # The server default fills the existing rows (all mail); the model sets new ones.
        batch_op.add_column(sa.Column('channel', _enum(CHANNELS, 'channel', 8), nullable=False,
                                      server_default='mail'))
        batch_op.create_check_constraint(op.f('ck_outbox_message_channel'), _in('channel', CHANNELS))


def downgrade() -> None:
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_outbox_message_channel'), type_='check')
        batch_op.drop_column('channel')
    for table in ('activity_attendance', 'activity_signup', 'activity_pool', 'activity_session',
                  'activity_counts', 'activity'):
        op.drop_table(table)
