"""an application's history index in the order the figures read it: in time, then in order of
recording (application_id, created_at, id), so PostgreSQL reads each history for the time per
stage (LAG) straight from the index without sorting 100,000 steps; to_stage and from_stage
stay in it, so SQLite still counts from the index alone

Written by hand.

Revision ID: 2026_12_04_event_history_order
Revises: 2026_12_04_activity_text
Create Date: 2026-12-04 14:20:00
"""
from alembic import op

revision = '2026_12_04_event_history_order'
down_revision = '2026_12_04_activity_text'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ix_application_event_history', table_name='application_event')
    op.create_index('ix_application_event_history', 'application_event',
                    ['application_id', 'created_at', 'id', 'to_stage', 'from_stage'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_application_event_history', table_name='application_event')
    op.create_index('ix_application_event_history', 'application_event',
                    ['application_id', 'created_at', 'to_stage', 'from_stage'], unique=False)
