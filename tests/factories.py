"""Test data builders. Each returns a flushed model; tests commit when they need to."""
from __future__ import annotations

import itertools
from datetime import date, timedelta

from portal import db
from portal.accounts.models import Role, User
from portal.clock import today, utcnow
from portal.organisations.models import Organisation, OrgKind, OrgStatus
from portal.regions.models import Location, PostcodeRange, Region
from portal.security import hash_password

PASSWORD = "correct horse battery"
_PASSWORD_HASH = hash_password(PASSWORD)  # hashed once: argon2 is slow on purpose
_seq = itertools.count(1)


class Factory:
    def _add(self, obj):
        db.session.add(obj)
        db.session.flush()
        return obj

    def region(self, name: str | None = None) -> Region:
        return self._add(Region(name=name or f"Regio {next(_seq)}"))

    def location(self, region: Region | None = None, code: str | None = None, name=None) -> Location:
        n = next(_seq)
        region = region or self.region()
        return self._add(Location(code=code or f"L{n}", name=name or f"azc {n}",
                                  city="Zaandam", region=region))

    def postcode_range(self, region: Region, low: int, high: int, label: str = "") -> PostcodeRange:
        return self._add(PostcodeRange(low=low, high=high, region=region, label=label))

    def organisation(self, region: Region | None = None, status=OrgStatus.approved,
                     kind=OrgKind.employer, adviser: User | None = None, name=None) -> Organisation:
        n = next(_seq)
        return self._add(Organisation(
            kind=kind, name=name or f"Bedrijf {n}", kvk=f"{10000000 + n}", sector="logistiek",
            street="Hemkade 1", postcode="1506 PR", city="Zaandam", region=region or self.region(),
            status=status, contact_adviser=adviser,
        ))

    def user(self, role: Role = Role.member, organisation: Organisation | None = None,
             region: Region | None = None, locations=(), email=None, totp_secret=None) -> User:
        n = next(_seq)
        if role == Role.member and organisation is None:
            organisation = self.organisation(region=region)
        if role == Role.adviser and region is None:
            region = self.region()
        user = User(email=email or f"user{n}@example.nl", name=f"User {n}", role=role,
                    password_hash=_PASSWORD_HASH, organisation=organisation, region=region,
                    email_verified_at=utcnow(),
                    totp_secret=totp_secret or ("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" if role != Role.member else None))
        user.locations = list(locations)
        return self._add(user)

    def user_at(self, role: Role, region: Region, location: Location, organisation: Organisation) -> User:
        """A user of `role` tied to what that role needs: a member to the organisation, an
        adviser to the region, a coordinator to the azc."""
        return self.user(role, organisation=organisation if role == Role.member else None,
                         region=region if role == Role.adviser else None,
                         locations=[location] if role == Role.coordinator else ())

    def dates(self, start_in_days: int = 14, close_in_days: int = 30) -> tuple[date, date]:
        return today() + timedelta(days=start_in_days), today() + timedelta(days=close_in_days)

    def vacancy(self, organisation: Organisation | None = None, locations=(), status=None, **kw):
        from portal.vacancies.models import ContractType, Vacancy, VacancyLocation, VacancyStatus

        n = next(_seq)
        start, close = self.dates()
        fields = dict(
            code=f"V{n:05d}"[:8], title=f"Magazijnmedewerker {n}",
            summary="Je pakt bestellingen in. Je werkt in een team.", description="",
            city="Zaandam", address="Hemkade 12", hours_min=24, hours_max=32,
            contract_type=ContractType.temporary, wage_min_cents=1500, wage_max_cents=None,
            start_date=start, closing_date=close, status=status or VacancyStatus.published,
            published_at=utcnow(),
        )
        fields.update(kw)
        vac = Vacancy(organisation=organisation or self.organisation(), **fields)
        vac.postings = [VacancyLocation(location=loc) for loc in locations]
        return self._add(vac)

    def application(self, vacancy=None, stage=None, **kw):
        import hashlib
        import secrets

        from portal.applicants.models import Application, ResidenceStatus, Stage

        n = next(_seq)
        token = secrets.token_urlsafe(24)
        fields = dict(
            reference=f"R{n:07d}", name=f"Resident {n}", phone=f"+3169{n:07d}",
            residence_status=ResidenceStatus.asylum_seeker, procedure_long_enough=True,
            ui_language="ar", consent_at=utcnow(), stage=stage or Stage.new,
            status_token_hash=hashlib.sha256(token.encode()).hexdigest(),
            languages=[{"lang": "ar", "level": "good"}],
        )
        fields.update(kw)
        app = self._add(Application(vacancy=vacancy or self.vacancy(), **fields))
        app.plain_token = token  # only the hash is stored; tests need the link
        return app

    def tour(self, organisation, applications=(), vacancy=None, state=None, **kw):
        from datetime import datetime, time

        from portal.tours.models import Tour, TourInvite, TourState

        day = today() + timedelta(days=7)
        fields = dict(starts_at=datetime.combine(day, time(10, 0), tzinfo=utcnow().tzinfo),
                      duration_minutes=60, address="Hemkade 12, Zaandam", capacity=5,
                      state=state or TourState.requested)
        fields.update(kw)
        tour = Tour(organisation_id=organisation.id, vacancy=vacancy, **fields)
        tour.invites = [TourInvite(application=a) for a in applications]
        return self._add(tour)

    def placement(self, application, twv_state=None, **kw):
        from portal.placements.models import Placement, TwvState
        from portal.vacancies.models import ContractType

        fields = dict(start_date=today(), hours_per_week=24, contract_type=ContractType.temporary,
                      twv_needed=True, twv_state=twv_state or TwvState.to_apply)
        fields.update(kw)
        return self._add(Placement(application=application, vacancy=application.vacancy,
                                   organisation=application.vacancy.organisation, **fields))

    def aftercare_check(self, placement, kind=None, state=None, **kw):
        from portal.aftercare.models import AftercareCheck, CheckKind, CheckState

        return self._add(AftercareCheck(placement_id=placement.id, kind=kind or CheckKind.week1,
                                        due_on=kw.pop("due_on", today()),
                                        state=state or CheckState.sent, sent_at=utcnow(), **kw))

    def question(self, organisation, asked_by=None, adviser=None, subject="Vraag over TWV",
                 body="Hoe vraag ik een TWV aan?"):
        from portal.questions.models import Message, Question, QuestionState

        question = Question(organisation_id=organisation.id, asked_by_id=asked_by and asked_by.id,
                            adviser=adviser, subject=subject, state=QuestionState.open,
                            waiting_since=utcnow(), last_activity_at=utcnow())
        question.messages.append(Message(author_id=asked_by and asked_by.id, body=body))
        return self._add(question)

    def report(self, vacancy=None, organisation=None, region=None, location=None, **kw):
        from portal.reports.models import Report, ReporterType, ReportState

        organisation = organisation or (vacancy.organisation if vacancy is not None else None)
        if region is None and organisation is not None:
            region = organisation.region
        fields = dict(code=f"M{next(_seq):05d}"[:8], employer_name="" if organisation else "Onbekend",
                      signals=["cash_pay"], description="Betaling contant, geen contract.",
                      reporter_type=ReporterType.resident, state=ReportState.new)
        fields.update(kw)
        return self._add(Report(vacancy=vacancy, organisation=organisation, region=region,
                                location=location, **fields))

    def activity(self, location, capacity=20, days=7, sessions=1, **kw):
        """A resident training at `location` (sessions a week apart, one sign-up for all)."""
        from datetime import datetime, time

        from portal.activities.models import (
            Activity,
            ActivityCounts,
            ActivityKind,
            ActivitySession,
            Audience,
            PlaceKind,
            SeatPool,
        )
        from portal.vacancies.codes import random_code

        fields = dict(code=random_code(), kind=ActivityKind.training, audience=Audience.residents,
                      title="Werken in Nederland", languages=["nl", "ar"], capacity=capacity,
                      together=True, region_id=location.region_id, location_id=location.id)
        fields.update(kw)
        activity = Activity(**fields)
        activity.counts = ActivityCounts(signed_up=0, came=0, no_show=0, cancelled=0, waited=0)
        for n in range(sessions):
            start = datetime.combine(today() + timedelta(days=days + 7 * n), time(9, 0),
                                     tzinfo=utcnow().tzinfo)
            activity.sessions.append(ActivitySession(
                starts_at=start, ends_at=start + timedelta(hours=2, minutes=30),
                place_kind=PlaceKind.room, place="Lokaal 2"))
        activity.pools.append(SeatPool(capacity=capacity, taken=0))
        return self._add(activity)

    def signup(self, activity, name="Selam Tesfay", **kw):
        """A confirmed sign-up (its place taken); .plain_token holds the private link."""
        from portal.activities.links import new_link
        from portal.activities.models import SignUp, SignUpStatus

        link = new_link()
        pool = activity.pools[0]
        fields = dict(status=SignUpStatus.confirmed, name=name, phone=f"+3168{next(_seq):07d}",
                      ui_language="ti", language="ar", token_hash=link.token_hash,
                      link_nonce=link.nonce, consent_at=utcnow(), confirmed_at=utcnow())
        fields.update(kw)
        if fields["status"] == SignUpStatus.confirmed:
            pool.taken += 1
        signup = self._add(SignUp(activity_id=activity.id, pool_id=pool.id, **fields))
        signup.plain_token = link.token
        return signup

    def werkbalie_series(self, location, created_by=None, **kw):
        """Desk hours at `location`: every day of the next four weeks, 10:00-12:00 (a shortcut
        the staff form does not offer: there a series is weekly or one day)."""
        from datetime import time

        from portal.werkbalie.models import SlotSeries

        fields = dict(host="UWV werkgeversadviseur", weekday=None, first_day=today(),
                      last_day=today() + timedelta(days=28), start_time=time(10, 0),
                      end_time=time(12, 0), slot_minutes=15, languages=["nl", "ar"],
                      place="Kamer 3", created_by_id=created_by.id if created_by else None)
        fields.update(kw)
        return self._add(SlotSeries(location_id=location.id, **fields))

    def appointment(self, series, starts_at=None, name="Yonas Kidane", **kw):
        """A booked appointment (a week ahead at 10:00 unless given); .plain_token is its link."""
        from datetime import datetime, time

        from portal.activities.links import new_link
        from portal.werkbalie.models import Appointment, AppointmentStatus

        link = new_link()
        start = starts_at or datetime.combine(today() + timedelta(days=7), time(9, 0),
                                              tzinfo=utcnow().tzinfo)
        fields = dict(status=AppointmentStatus.booked, name=name, phone=f"+3167{next(_seq):07d}",
                      language="ar", ui_language="ar", token_hash=link.token_hash,
                      link_nonce=link.nonce, consent_at=utcnow())
        fields.update(kw)
        found = self._add(Appointment(series_id=series.id, location_id=series.location_id,
                                      starts_at=start, ends_at=start + timedelta(minutes=15),
                                      **fields))
        found.plain_token = link.token
        return found

    def profile(self, location, name="ሰላም ተስፋይ", languages=(("ti", "native"),),
                work=("role.cleaner",), **kw):
        """A resident's work profile at `location`, running 6 months from now; .plain_token is
        its private link."""
        from portal.activities.links import new_link
        from portal.talent.models import (
            Availability,
            LanguageLevel,
            Profile,
            ProfileLanguage,
            ProfileWork,
            Residence,
        )

        link = new_link()
        now = utcnow()
        fields = dict(name=name, name_latin="Selam Tesfay", phone=f"+3166{next(_seq):07d}",
                      ui_language="ti", availability=Availability.part_time,
                      residence=Residence.asylum_over_6_months, travel_minutes=45,
                      token_hash=link.token_hash, link_nonce=link.nonce, consent_at=now,
                      expires_at=now + timedelta(days=182), created_at=now)
        fields.update(kw)
        found = Profile(location_id=location.id, **fields)
        found.languages = [ProfileLanguage(language=code, level=LanguageLevel(level))
                           for code, level in languages]
        found.work = [ProfileWork(kind=kind) for kind in work]
        found = self._add(found)
        found.plain_token = link.token
        return found

    def proposal(self, profile, vacancy, adviser=None, state=None, **kw):
        """An adviser's proposal of `profile` for `vacancy` (open unless `state` says else)."""
        from portal.talent.models import Proposal, ProposalState

        return self._add(Proposal(profile_id=profile.id, vacancy_id=vacancy.id,
                                  adviser_id=getattr(adviser, "id", None),
                                  state=state or ProposalState.open, created_at=utcnow(), **kw))
