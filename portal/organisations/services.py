"""Organisation rules: registration and the adviser's decisions (approve, reject, suspend,
reinstate, contact person). Functions flush but never commit; they raise OrganisationError,
whose `field` names the form field the message belongs to (None: a general message)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select

from portal import access, db
from portal.accounts.models import User
from portal.accounts.services import (
    AccountError,
    create_member,
    find_by_email,
    start_email_verification,
    tell_owner,
    usable_address,
    validate_password,
)
from portal.accounts.signals import staff_changed
from portal.audit.services import record
from portal.clock import utcnow
from portal.domain import DomainError
from portal.notifications.services import queue_template
from portal.organisations import queries, signals
from portal.organisations.models import Organisation, OrgKind, OrgStatus
from portal.regions.models import Region
from portal.regions.postcodes import region_for_postcode
from portal.signals import total
from portal.text import clean_text


class OrganisationError(DomainError):
    """A broken rule of this feature; see portal.domain.DomainError."""


@dataclass
class Registration:
    kind: str
    name: str
    kvk: str
    sector: str
    street: str
    postcode: str
    city: str
    region_id: int | None  # only asked when the postcode is not in the region table
    contact_name: str
    email: str
    password: str


# status now -> statuses it may move to
TRANSITIONS: dict[OrgStatus, set[OrgStatus]] = {
    OrgStatus.pending: {OrgStatus.approved, OrgStatus.rejected},
    OrgStatus.approved: {OrgStatus.suspended},
    OrgStatus.suspended: {OrgStatus.approved},
    OrgStatus.rejected: set(),
}


def kvk_taken(kvk: str) -> bool:
    return db.session.scalar(select(Organisation.id).where(Organisation.kvk == kvk)) is not None


def register(data: Registration) -> tuple[Organisation, User] | None:
    """Create a pending organisation with its first member and queue the verification mail.

    None when the address already has an account: nothing is created and the visitor gets the
    same answer as for a new address (so the form cannot test which addresses have an account);
    the owner of the address gets a mail instead. Every other check comes first and does not
    depend on the address, so no error message can tell the two cases apart either."""
    # A KvK number is public (anyone can look it up in the Chamber of Commerce register), and that
    # a company takes part is a business fact, not a person's: saying so reveals nobody, and the
    # message sends a colleague to an invitation instead of a second organisation.
    if kvk_taken(data.kvk):
        raise OrganisationError(
            _("Dit KvK-nummer is al aangemeld. Werkt u bij deze organisatie? Vraag een collega "
              "om u uit te nodigen, of neem contact op met de werkgeversadviseur."), "kvk")
    region = region_for_postcode(data.postcode)
    confirmed = region is not None
    if region is None and data.region_id and data.region_id > 0:
        region = db.session.get(Region, data.region_id)
    if region is None:
        raise OrganisationError(_("We kennen de regio bij deze postcode nog niet. Kies uw regio "
                                  "in de lijst."), "region")
    try:
        kind = OrgKind(data.kind)
    except ValueError as exc:
        raise OrganisationError(_("Kies werkgever of uitzendbureau."), "kind") from exc
    try:
        email = usable_address(data.email)
        validate_password(data.password, email, data.contact_name)
    except AccountError as exc:
        raise OrganisationError(exc.message, exc.field) from exc
    existing = find_by_email(email)
    if existing is not None:
        tell_owner(existing, "register")
        return None
    org = Organisation(
        kind=kind, name=data.name, kvk=data.kvk, sector=data.sector, street=data.street,
        postcode=data.postcode, city=data.city, region=region, status=OrgStatus.pending,
        region_confirmed=confirmed,
    )
    db.session.add(org)
    db.session.flush()
    try:
        user = create_member(org, data.email, data.password, data.contact_name)
    except AccountError as exc:
        raise OrganisationError(exc.message, exc.field) from exc
    start_email_verification(user)
    record("organisation_registered", org, actor=user, kind=kind.value, region_id=region.id,
           region_from_postcode=confirmed)
    return org, user


def _move(org: Organisation, new: OrgStatus, *, only_from: OrgStatus | None = None) -> OrgStatus:
    old = org.status
    if new not in TRANSITIONS[old] or (only_from is not None and old != only_from):
        raise OrganisationError(_("Dit kan niet: de organisatie heeft nu de status '%(status)s'.",
                                  status=status_label(old)))
    org.status = new
    org.decided_at = utcnow()
    return old


def _mail_members(org: Organisation, subject: str, template: str, **ctx: Any) -> None:
    members = db.session.scalars(
        select(User).where(User.organisation_id == org.id, User.active.is_(True))
    )
    for member in members:
        queue_template(member.email, subject, template, organisation=org, member=member, **ctx)


def approve(org: Organisation, actor: User) -> None:
    # Approving is the first decision; a suspended organisation comes back through reinstate().
    old = _move(org, OrgStatus.approved, only_from=OrgStatus.pending)
    org.status_reason = None
    # The adviser who vets an organisation knows it best: they become its single contact.
    if queries.contact_adviser(org) is None and access.advises_region(actor, org.region_id):
        org.contact_adviser = actor
    db.session.flush()
    record("organisation_approved", org, actor=actor, old=old.value, new=org.status.value)
    _mail_members(org, _("Uw organisatie is goedgekeurd"), "organisations/mail/approved.txt")


def reject(org: Organisation, actor: User, reason: str) -> None:
    reason = _required_reason(reason)
    old = _move(org, OrgStatus.rejected)
    org.status_reason = reason
    db.session.flush()
    record("organisation_rejected", org, actor=actor, old=old.value, new=org.status.value)
    _mail_members(org, _("Uw aanmelding is afgewezen"), "organisations/mail/rejected.txt",
                  reason=reason)


def suspend(org: Organisation, actor: User, reason: str) -> int:
    """Suspend and take the organisation's published vacancies offline; returns how many."""
    reason = _required_reason(reason)
    old = _move(org, OrgStatus.suspended)
    org.status_reason = reason
    db.session.flush()
    taken = total(signals.suspended, org)  # vacancies go offline
    record("organisation_suspended", org, actor=actor, old=old.value, new=org.status.value,
           vacancies=taken)
    _mail_members(org, _("Uw organisatie is geschorst"), "organisations/mail/suspended.txt",
                  reason=reason)
    return taken


def reinstate(org: Organisation, actor: User) -> int:
    old = _move(org, OrgStatus.approved, only_from=OrgStatus.suspended)
    org.status_reason = None
    db.session.flush()
    restored = total(signals.reinstated, org)  # and come back
    record("organisation_reinstated", org, actor=actor, old=old.value, new=org.status.value,
           vacancies=restored)
    _mail_members(org, _("Uw organisatie is weer actief"), "organisations/mail/reinstated.txt")
    return restored


def move_region(org: Organisation, actor: User, region_id: int | None) -> int:
    """An adviser (of the organisation's region) or an admin sets the region: another one, or
    the same one to confirm a region the registrant chose by hand. Never to a region without
    an active adviser: nobody would vet or follow the organisation there. Access follows the
    region at once; open items of the organisation follow through signals.region_moved.
    Returns how many of those items moved."""
    region = db.session.get(Region, region_id) if region_id else None
    if region is None:
        raise OrganisationError(_("Kies een regio."), "region")
    if not access.region_advisers(region.id):
        raise OrganisationError(_("In %(region)s is geen werkgeversadviseur. Vraag een beheerder "
                                  "eerst een adviseur aan die regio te koppelen.",
                                  region=region.name), "region")
    old_region_id = org.region_id
    org.region_confirmed = True
    if region.id == old_region_id:
        db.session.flush()
        record("organisation_region_confirmed", org, actor=actor, region_id=region.id)
        return 0
    org.region = region
    if org.contact_adviser is not None and not access.advises_region(org.contact_adviser, region.id):
        org.contact_adviser = None  # the new region's advisers are mailed until one is chosen
    db.session.flush()
    moved = total(signals.region_moved, org, old_region_id=old_region_id)
    record("organisation_region_moved", org, actor=actor, old_region_id=old_region_id,
           new_region_id=region.id, items=moved)
    return moved


def change_contact_adviser(org: Organisation, actor: User, adviser_id: int) -> None:
    adviser = db.session.get(User, adviser_id)
    if adviser is None or not access.advises_region(adviser, org.region_id):
        raise OrganisationError(_("Kies een werkgeversadviseur uit de regio van deze organisatie."),
                                "adviser")
    old_id = org.contact_adviser_id
    org.contact_adviser = adviser
    db.session.flush()
    record("organisation_contact_changed", org, actor=actor, old_adviser_id=old_id,
           new_adviser_id=adviser.id)


@staff_changed.connect
def _drop_stale_contacts(user: User, **_kw: object) -> int:
    """An adviser who left the region (or the role, or was disabled) is no longer anyone's
    contact there; the region's advisers are mailed instead until a new one is chosen."""
    dropped = 0
    for org in db.session.scalars(select(Organisation).where(Organisation.contact_adviser_id == user.id)):
        if not access.advises_region(user, org.region_id):
            org.contact_adviser_id = None
            dropped += 1
            record("organisation_contact_changed", org, actor=None, old_adviser_id=user.id,
                   new_adviser_id=None)
    db.session.flush()
    return dropped


def _required_reason(reason: str) -> str:
    reason = clean_text(reason)
    if not reason:
        raise OrganisationError(_("Vul een reden in."), "reason")
    return reason


def status_label(status: OrgStatus) -> str:
    labels: dict[OrgStatus, str] = {
        OrgStatus.pending: _("in beoordeling"),
        OrgStatus.approved: _("goedgekeurd"),
        OrgStatus.rejected: _("afgewezen"),
        OrgStatus.suspended: _("geschorst"),
    }
    return labels[status]
