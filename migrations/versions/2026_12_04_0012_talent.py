"""talent pool (issue 19): residents' opt-in profiles (talent_profile) with their languages and
kinds of work wanted, advisers' proposals of a profile for a vacancy (one per profile and
vacancy), employers' requests for candidates (one per vacancy), and counts per month and azc
that survive the erasure of profiles (talent_tally). Indexes for the advisers' search.

Written by hand.

Revision ID: 2026_12_04_talent
Revises: 2026_12_03_figures_indexes
Create Date: 2026-12-04 09:00:00
"""
import sqlalchemy as sa
from alembic import op

import portal.db

revision = '2026_12_04_talent'
down_revision = '2026_12_03_figures_indexes'
branch_labels = None
depends_on = None

# Frozen as they were
AVAILABILITY = ('full_time', 'part_time', 'evenings_weekends', 'flexible')
RESIDENCE = ('status_holder', 'asylum_over_6_months', 'asylum_under_6_months', 'unknown')
LEVELS = ('basic', 'good', 'fluent', 'native')
PROPOSAL_STATES = ('open', 'accepted', 'declined', 'expired', 'cancelled')
TALLY_KINDS = ('profile_created', 'profile_assisted', 'profile_renewed', 'profile_expired',
               'profile_withdrawn', 'proposal_made', 'proposal_accepted', 'proposal_declined',
               'proposal_expired', 'proposal_cancelled')


def _moment(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, portal.db.UTCDateTime(timezone=True), nullable=nullable)


def _enum(name: str, values: tuple[str, ...], length: int) -> sa.Column:
    return sa.Column(name, sa.Enum(*values, name=name, native_enum=False, length=length),
                     nullable=False)


def _check(table: str, column: str, values: tuple[str, ...]) -> sa.CheckConstraint:
    return sa.CheckConstraint("{} IN ({})".format(column, ", ".join(f"'{v}'" for v in values)),
                              name=op.f(f'ck_{table}_{column}'))


def _user(name: str, table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([name], ['user.id'], ondelete='SET NULL',
                                   name=op.f(f'fk_{table}_{name}_user'))


def _profile(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(['profile_id'], ['talent_profile.id'], ondelete='CASCADE',
                                   name=op.f(f'fk_{table}_profile_id_talent_profile'))


def upgrade() -> None:
    op.create_table(
        'talent_profile',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('link_nonce', sa.String(length=32), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('name_latin', sa.String(length=120), nullable=True),
        sa.Column('phone', sa.String(length=20), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=True),
        sa.Column('location_id', sa.Integer(), nullable=False),
        sa.Column('ui_language', sa.String(length=5), nullable=False),
        _enum('availability', AVAILABILITY, 20),
        sa.Column('hours_per_week', sa.Integer(), nullable=True),
        _enum('residence', RESIDENCE, 24),
        sa.Column('travel_minutes', sa.Integer(), nullable=False),
        sa.Column('attended_training', sa.Boolean(), nullable=False),
        sa.Column('experience', sa.String(length=500), nullable=True),
        sa.Column('assisted_by_id', sa.Integer(), nullable=True),
        sa.Column('assisted', sa.Boolean(), nullable=False),
        _moment('consent_at'),
        _moment('expires_at'),
        _moment('reminded_at', nullable=True),
        _moment('created_at'),
        _check('talent_profile', 'availability', AVAILABILITY),
        _check('talent_profile', 'residence', RESIDENCE),
        sa.CheckConstraint('hours_per_week BETWEEN 1 AND 60',
                           name=op.f('ck_talent_profile_hours_per_week')),
        sa.CheckConstraint('travel_minutes BETWEEN 0 AND 240',
                           name=op.f('ck_talent_profile_travel_minutes')),
        sa.CheckConstraint('expires_at > consent_at', name=op.f('ck_talent_profile_period')),
        sa.ForeignKeyConstraint(['location_id'], ['location.id'],
                                name=op.f('fk_talent_profile_location_id_location')),
        _user('assisted_by_id', 'talent_profile'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_talent_profile')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_talent_profile_token_hash')),
        sa.UniqueConstraint('phone', name=op.f('uq_talent_profile_phone')),
    )
    op.create_index(op.f('ix_talent_profile_location_id'), 'talent_profile', ['location_id'])
    op.create_index(op.f('ix_talent_profile_expires_at'), 'talent_profile', ['expires_at'])
    op.create_index('ix_talent_profile_location_expires', 'talent_profile',
                    ['location_id', 'expires_at'])

    op.create_table(
        'talent_profile_language',
        sa.Column('profile_id', sa.Integer(), nullable=False),
        sa.Column('language', sa.String(length=5), nullable=False),
        _enum('level', LEVELS, 8),
        _check('talent_profile_language', 'level', LEVELS),
        _profile('talent_profile_language'),
        sa.PrimaryKeyConstraint('profile_id', 'language', name=op.f('pk_talent_profile_language')),
    )
    op.create_index('ix_talent_profile_language_language_level', 'talent_profile_language',
                    ['language', 'level'])

    op.create_table(
        'talent_profile_work',
        sa.Column('profile_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        _profile('talent_profile_work'),
        sa.PrimaryKeyConstraint('profile_id', 'kind', name=op.f('pk_talent_profile_work')),
    )
    op.create_index('ix_talent_profile_work_kind', 'talent_profile_work', ['kind'])

    op.create_table(
        'talent_proposal',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('profile_id', sa.Integer(), nullable=False),
        sa.Column('vacancy_id', sa.Integer(), nullable=False),
        sa.Column('adviser_id', sa.Integer(), nullable=True),
        _enum('state', PROPOSAL_STATES, 16),
        _moment('created_at'),
        _moment('answered_at', nullable=True),
        _moment('adviser_told_at', nullable=True),
        sa.Column('application_id', sa.Integer(), nullable=True),
        _check('talent_proposal', 'state', PROPOSAL_STATES),
        _profile('talent_proposal'),
        sa.ForeignKeyConstraint(['vacancy_id'], ['vacancy.id'],
                                name=op.f('fk_talent_proposal_vacancy_id_vacancy')),
        _user('adviser_id', 'talent_proposal'),
        sa.ForeignKeyConstraint(['application_id'], ['application.id'], ondelete='SET NULL',
                                name=op.f('fk_talent_proposal_application_id_application')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_talent_proposal')),
        sa.UniqueConstraint('profile_id', 'vacancy_id',
                            name=op.f('uq_talent_proposal_profile_id_vacancy_id')),
    )
    op.create_index(op.f('ix_talent_proposal_vacancy_id'), 'talent_proposal', ['vacancy_id'])
    op.create_index(op.f('ix_talent_proposal_adviser_id'), 'talent_proposal', ['adviser_id'])
    op.create_index('ix_talent_proposal_state_created', 'talent_proposal',
                    ['state', 'created_at'])

    op.create_table(
        'talent_match_request',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('vacancy_id', sa.Integer(), nullable=False),
        sa.Column('requested_by_id', sa.Integer(), nullable=True),
        _moment('created_at'),
        _moment('handled_at', nullable=True),
        sa.ForeignKeyConstraint(['vacancy_id'], ['vacancy.id'], ondelete='CASCADE',
                                name=op.f('fk_talent_match_request_vacancy_id_vacancy')),
        _user('requested_by_id', 'talent_match_request'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_talent_match_request')),
        sa.UniqueConstraint('vacancy_id', name=op.f('uq_talent_match_request_vacancy_id')),
    )

    op.create_table(
        'talent_tally',
        sa.Column('month', sa.Date(), nullable=False),
        sa.Column('location_id', sa.Integer(), nullable=False),
        _enum('kind', TALLY_KINDS, 24),
        sa.Column('region_id', sa.Integer(), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        _check('talent_tally', 'kind', TALLY_KINDS),
        sa.ForeignKeyConstraint(['location_id'], ['location.id'],
                                name=op.f('fk_talent_tally_location_id_location')),
        sa.ForeignKeyConstraint(['region_id'], ['region.id'],
                                name=op.f('fk_talent_tally_region_id_region')),
        sa.PrimaryKeyConstraint('month', 'location_id', 'kind', name=op.f('pk_talent_tally')),
    )
    op.create_index('ix_talent_tally_region_month', 'talent_tally', ['region_id', 'month'])


def downgrade() -> None:
    op.drop_table('talent_tally')
    op.drop_table('talent_match_request')
    op.drop_table('talent_proposal')
    op.drop_table('talent_profile_work')
    op.drop_table('talent_profile_language')
    op.drop_table('talent_profile')
