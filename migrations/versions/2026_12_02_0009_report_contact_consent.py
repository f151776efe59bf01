"""report.contact_consent: the reporter ticked "you may pass on my contact details" (to the
Labour Inspectorate, municipality or police). Without it the adviser's printable summary
leaves the contact out. Existing reports never asked: False.

Written by hand.

Revision ID: 2026_12_02_report_consent
Revises: 2026_12_02_postcodes
Create Date: 2026-12-02 12:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '2026_12_02_report_consent'
down_revision = '2026_12_02_postcodes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contact_consent', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_column('contact_consent')
