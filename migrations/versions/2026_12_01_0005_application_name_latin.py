"""application.name_latin: the resident's name as written on the W-document or ID, in Latin
letters. Residents type their name in their own script; UWV needs the Latin spelling for the
work permit (TWV), so staff pages show both and PDFs for UWV print this one. Personal data:
erased with the name. Existing rows stay empty.

Written by hand.

Revision ID: 2026_12_01_name_latin
Revises: 2026_12_01_source
Create Date: 2026-12-01 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '2026_12_01_name_latin'
down_revision = '2026_12_01_source'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name_latin', sa.String(length=120), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_column('name_latin')
