"""Imports every model so that Base.metadata is complete (Alembic, tests)."""
from portal.accounts.models import User, coordinator_location  # noqa: F401
from portal.activities.models import (  # noqa: F401
    Activity,
    ActivityCounts,
    ActivitySession,
    Attendance,
    SeatPool,
    SignUp,
)
from portal.aftercare.models import AftercareCheck  # noqa: F401
from portal.applicants.models import ApplicantNote, Application, ApplicationEvent  # noqa: F401
from portal.apply.models import DigestMark  # noqa: F401
from portal.audit.models import AuditEvent  # noqa: F401
from portal.dashboard.models import OrgDigestSetting, VacancyView  # noqa: F401
from portal.notifications.models import OutboxMessage  # noqa: F401
from portal.organisations.models import Organisation  # noqa: F401
from portal.phrases.models import Phrase, VacancyPhrase, VacancyText  # noqa: F401
from portal.placements.models import Placement  # noqa: F401
from portal.questions.models import FaqDraft, Message, Question  # noqa: F401
from portal.regions.models import Location, Region  # noqa: F401
from portal.reports.models import Report, ReportEvent  # noqa: F401
from portal.talent.models import (  # noqa: F401
    MatchRequest,
    Profile,
    ProfileLanguage,
    ProfileWork,
    Proposal,
    TalentTally,
)
from portal.tours.models import Tour, TourInvite  # noqa: F401
from portal.translate.models import MachineText  # noqa: F401
from portal.vacancies.models import MinimumWage, Vacancy, VacancyLocation  # noqa: F401
from portal.werkbalie.models import Appointment, SlotSeries  # noqa: F401
