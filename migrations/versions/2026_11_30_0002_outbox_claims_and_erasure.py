"""outbox: what a message is about (erased with it), resident flag, kind, sender claims

Revision ID: 2026_11_30_outbox
Revises: 0001
Create Date: 2026-11-30 10:30:00
"""
from alembic import op
import sqlalchemy as sa
import portal.db


revision = '2026_11_30_outbox'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('about', sa.String(length=60), nullable=True))
        # Existing rows were never marked; the server default fills them (the model sets it).
        batch_op.add_column(sa.Column('resident', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('kind', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('claimed_by', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('claimed_at', portal.db.UTCDateTime(timezone=True),
                                      nullable=True))
        batch_op.create_index(batch_op.f('ix_outbox_message_about'), ['about'], unique=False)

    # Mail already in the outbox was never marked. Mail to an applicant's address, and handled
    # mail to an address that is no staff account (status links, messages to erased residents),
    # is resident mail; what has been handled is blanked now, as new mail will be.
    staff = 'SELECT email FROM "user"'
    op.execute(f"""UPDATE outbox_message SET resident = true
                   WHERE to_addr NOT IN ({staff})
                     AND (to_addr IN (SELECT email FROM application WHERE email IS NOT NULL)
                          OR sent_at IS NOT NULL OR failed_at IS NOT NULL)""")
    op.execute("""UPDATE outbox_message SET to_addr = '', subject = '', body = ''
                  WHERE resident = true AND (sent_at IS NOT NULL OR failed_at IS NOT NULL)""")


def downgrade() -> None:
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_message_about'))
        batch_op.drop_column('claimed_at')
        batch_op.drop_column('claimed_by')
        batch_op.drop_column('kind')
        batch_op.drop_column('resident')
        batch_op.drop_column('about')
