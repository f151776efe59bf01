"""postcode_range: which region a postcode belongs to, kept by admins, so an organisation's
region follows from its address instead of a list it picks from; organisation.region_confirmed:
False when the postcode was not in that table and the registrant chose the region by hand
(admins see those until an adviser or admin sets the region). Existing organisations count as
confirmed. The table starts empty here; `portal seed-demo` fills the pilot regions.

Written by hand.

Revision ID: 2026_12_02_postcodes
Revises: 2026_12_02_activities
Create Date: 2026-12-02 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '2026_12_02_postcodes'
down_revision = '2026_12_02_activities'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'postcode_range',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('low', sa.Integer(), nullable=False),
        sa.Column('high', sa.Integer(), nullable=False),
        sa.Column('region_id', sa.Integer(), nullable=False),
        sa.Column('label', sa.String(length=120), nullable=False),
        sa.CheckConstraint('low BETWEEN 1000 AND 9999 AND high BETWEEN 1000 AND 9999 '
                           'AND low <= high', name=op.f('ck_postcode_range_digits')),
        sa.ForeignKeyConstraint(['region_id'], ['region.id'],
                                name=op.f('fk_postcode_range_region_id_region')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_postcode_range')),
    )
    with op.batch_alter_table('postcode_range', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_postcode_range_low'), ['low'], unique=False)
        batch_op.create_index(batch_op.f('ix_postcode_range_region_id'), ['region_id'],
                              unique=False)
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('region_confirmed', sa.Boolean(), nullable=False,
                                      server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_column('region_confirmed')
    with op.batch_alter_table('postcode_range', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_postcode_range_region_id'))
        batch_op.drop_index(batch_op.f('ix_postcode_range_low'))
    op.drop_table('postcode_range')
