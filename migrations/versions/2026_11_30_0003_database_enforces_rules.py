"""the database enforces what Python checks: CHECK constraints on every enum column, one open
application per vacancy and phone, one placement per application; the sealed status token of
a resent apply form

Written by hand. On SQLite every table here is copied (batch mode) to add its CHECKs; foreign
keys are switched off around that in migrations/env.py, so no cascade fires while copying.

Revision ID: 2026_11_30_constraints
Revises: 2026_11_30_outbox
Create Date: 2026-11-30 11:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '2026_11_30_constraints'
down_revision = '2026_11_30_outbox'
branch_labels = None
depends_on = None

# (table, column, allowed values) — frozen here as they were when this revision was written.
ENUM_COLUMNS = [
    ('organisation', 'kind', ('employer', 'agency')),
    ('organisation', 'status', ('pending', 'approved', 'rejected', 'suspended')),
    ('user', 'role', ('member', 'adviser', 'coordinator', 'admin')),
    ('vacancy', 'contract_type', ('temporary', 'fixed_term', 'permanent', 'on_call')),
    ('vacancy', 'dutch_level', ('none', 'A1', 'A2', 'B1', 'B2', 'C1')),
    ('vacancy', 'english_level', ('none', 'A1', 'A2', 'B1', 'B2', 'C1')),
    ('vacancy', 'status', ('draft', 'published', 'closed', 'filled', 'expired', 'suspended')),
    ('application', 'residence_status', ('asylum_seeker', 'status_holder', 'unknown')),
    ('application', 'stage', ('new', 'contacted', 'tour', 'assessment', 'offer', 'hired',
                              'rejected', 'withdrawn', 'no_show')),
    ('report', 'reporter_type', ('resident', 'coa_staff', 'employer', 'other')),
    ('report', 'state', ('new', 'investigating', 'forwarded', 'closed')),
    ('report', 'forwarded_to', ('arbeidsinspectie', 'municipality', 'police', 'other')),
    ('tour', 'state', ('requested', 'confirmed', 'held', 'cancelled')),
    ('application_event', 'from_stage', ('new', 'contacted', 'tour', 'assessment', 'offer',
                                         'hired', 'rejected', 'withdrawn', 'no_show')),
    ('application_event', 'to_stage', ('new', 'contacted', 'tour', 'assessment', 'offer',
                                       'hired', 'rejected', 'withdrawn', 'no_show')),
    ('placement', 'contract_type', ('temporary', 'fixed_term', 'permanent', 'on_call')),
    ('placement', 'twv_state', ('not_needed', 'to_apply', 'applied', 'granted', 'refused',
                                'cancellation_requested', 'cancelled')),
    ('placement', 'end_reason', ('end_of_contract', 'resigned', 'dismissed',
                                 'moved_after_status', 'other', 'not_started')),
    ('report_event', 'from_state', ('new', 'investigating', 'forwarded', 'closed')),
    ('report_event', 'to_state', ('new', 'investigating', 'forwarded', 'closed')),
    ('tour_invite', 'attendance', ('unknown', 'attended', 'no_show')),
    ('aftercare_check', 'kind', ('week1', 'week6', 'month3')),
    ('aftercare_check', 'state', ('scheduled', 'sent', 'answered', 'overdue')),
    ('question', 'state', ('open', 'answered', 'closed')),
]
OPEN_STAGES = ('new', 'contacted', 'tour', 'assessment', 'offer')
OPEN_PHONE_WHERE = sa.text("stage IN ({})".format(", ".join(f"'{s}'" for s in OPEN_STAGES)))


def _in(column: str, values) -> str:
    return "{} IN ({})".format(column, ", ".join(f"'{v}'" for v in values))


def _refuse_duplicates() -> None:
    """Rows that break a new unique rule cannot be fixed by a migration (which application
    or placement is the real one is a person's decision): stop with a clear message."""
    bind = op.get_bind()
    checks = {
        "open applications with the same vacancy and phone":
            "SELECT vacancy_id, phone FROM application WHERE phone IS NOT NULL AND "
            + _in("stage", OPEN_STAGES) + " GROUP BY vacancy_id, phone HAVING count(*) > 1",
        "placements of the same application":
            "SELECT application_id FROM placement GROUP BY application_id HAVING count(*) > 1",
    }
    for what, sql in checks.items():
        found = len(bind.execute(sa.text(sql)).fetchall())  # noqa: S608 (constant SQL, no input)
        if found:
            raise RuntimeError(f"{found} groups of {what}: resolve them by hand, then migrate again")


def upgrade() -> None:
    _refuse_duplicates()
    tables: dict[str, list] = {}
    for table, column, values in ENUM_COLUMNS:
        tables.setdefault(table, []).append((column, values))
    for table, columns in tables.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, values in columns:
                batch_op.create_check_constraint(op.f(f'ck_{table}_{column}'), _in(column, values))
            if table == 'application':
                batch_op.add_column(sa.Column('submission_seal', sa.String(length=255),
                                              nullable=True))
                batch_op.create_index('uq_application_open_phone', ['vacancy_id', 'phone'],
                                      unique=True, sqlite_where=OPEN_PHONE_WHERE,
                                      postgresql_where=OPEN_PHONE_WHERE)
            if table == 'placement':
                batch_op.drop_index(batch_op.f('ix_placement_application_id'))
                batch_op.create_index(batch_op.f('ix_placement_application_id'),
                                      ['application_id'], unique=True)


def downgrade() -> None:
    tables: dict[str, list] = {}
    for table, column, _values in ENUM_COLUMNS:
        tables.setdefault(table, []).append(column)
    for table, columns in tables.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table == 'placement':
                batch_op.drop_index(batch_op.f('ix_placement_application_id'))
                batch_op.create_index(batch_op.f('ix_placement_application_id'),
                                      ['application_id'], unique=False)
            if table == 'application':
                batch_op.drop_index('uq_application_open_phone')
                batch_op.drop_column('submission_seal')
            for column in columns:
                batch_op.drop_constraint(op.f(f'ck_{table}_{column}'), type_='check')
