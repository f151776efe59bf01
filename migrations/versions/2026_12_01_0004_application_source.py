"""application.source: the route an application came in by (poster, link, desk, proposal), so
the figures can say which route leads to work. Existing rows: an application with a poster
location came in by a poster (QR code or the azc's notice-board page), all others by a link.

Written by hand.

Revision ID: 2026_12_01_source
Revises: 2026_11_30_constraints
Create Date: 2026-12-01 09:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '2026_12_01_source'
down_revision = '2026_11_30_constraints'
branch_labels = None
depends_on = None

SOURCES = ('poster', 'link', 'desk', 'proposal')  # frozen as they were when this was written


def upgrade() -> None:
    with op.batch_alter_table('application', schema=None) as batch_op:
        # The server default fills the existing rows; the model sets the value for new ones.
        batch_op.add_column(sa.Column('source', sa.String(length=16), nullable=False,
                                      server_default='link'))
        batch_op.create_check_constraint(
            op.f('ck_application_source'),
            "source IN (%s)" % ", ".join(f"'{s}'" for s in SOURCES))
    op.execute("UPDATE application SET source = 'poster' WHERE poster_location_id IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_application_source'), type_='check')
        batch_op.drop_column('source')
