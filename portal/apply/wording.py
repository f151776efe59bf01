"""Plain-language words for vacancy facts and application stages (A2 Dutch source texts).
Called while rendering, so gettext picks the resident's language."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.applicants.models import Stage
from portal.formatting import money, nice_date
from portal.vacancies.models import ContractType, Level, Vacancy

DUTCH_LEVEL = {
    Level.none: _l("Geen Nederlands nodig"),
    Level.A1: _l("Een heel klein beetje Nederlands (A1)"),
    Level.A2: _l("Een beetje Nederlands (A2)"),
    Level.B1: _l("Redelijk Nederlands (B1)"),
    Level.B2: _l("Goed Nederlands (B2)"),
    Level.C1: _l("Heel goed Nederlands (C1)"),
}
ENGLISH_LEVEL = {
    Level.none: _l("Geen Engels nodig"),
    Level.A1: _l("Een heel klein beetje Engels (A1)"),
    Level.A2: _l("Een beetje Engels (A2)"),
    Level.B1: _l("Redelijk Engels (B1)"),
    Level.B2: _l("Goed Engels (B2)"),
    Level.C1: _l("Heel goed Engels (C1)"),
}
CONTRACT = {
    ContractType.temporary: _l("Tijdelijk contract"),
    ContractType.fixed_term: _l("Contract voor een vaste tijd"),
    ContractType.permanent: _l("Vast contract"),
    ContractType.on_call: _l("Oproepcontract: je werkt als de werkgever je vraagt"),
}
STAGE_TEXT = {
    Stage.new: _l("We hebben je sollicitatie. De werkgever belt je binnen een paar dagen."),
    Stage.contacted: _l("De werkgever heeft met je gepraat. Je hoort wat de volgende stap is."),
    Stage.tour: _l("Je mag komen kijken op het werk. De werkgever zegt wanneer."),
    Stage.assessment: _l("De werkgever kijkt of het werk bij je past. Je hoort snel meer."),
    Stage.offer: _l("De werkgever wil je aannemen. Je krijgt een contract aangeboden."),
    Stage.hired: _l("Gefeliciteerd! Je hebt de baan."),
    Stage.rejected: _l("Het is deze keer niet gelukt. Kijk ook naar andere vacatures."),
    Stage.withdrawn: _l("Je hebt je sollicitatie ingetrokken."),
    Stage.no_show: _l("Je kwam niet op de afspraak. Bel de werkgever als je nog wilt."),
}


# Above a planned tour the stage must not say "the employer will tell you when": it is below.
TOUR_PLANNED = _l("Je mag komen kijken op het werk. De afspraak staat hieronder.")


def stage_text(stage: Stage, tours: list | tuple = ()) -> str:
    """The stage in plain words; `tours` are the tour invitations still to come (shown on the
    same page), which the words then point to."""
    if tours and stage in (Stage.new, Stage.contacted, Stage.tour):
        return str(TOUR_PLANNED)
    return str(STAGE_TEXT[stage])


def vacancy_facts(v: Vacancy) -> list[tuple[str, str]]:
    """(icon name, sentence) pairs, in the order a resident decides: time, money, place,
    language, start, who may apply, safety."""
    if v.hours_min == v.hours_max:
        hours = _("%(hours)s uur per week", hours=v.hours_max)
    else:
        hours = _("%(min)s tot %(max)s uur per week", min=v.hours_min, max=v.hours_max)
    if v.wage_max_cents and v.wage_max_cents > v.wage_min_cents:
        wage = _("%(min)s tot %(max)s per uur (bruto)", min=money(v.wage_min_cents),
                 max=money(v.wage_max_cents))
    else:
        wage = _("%(wage)s per uur (bruto)", wage=money(v.wage_min_cents))
    place = f"{v.city}, {v.address}" if v.address else v.city
    facts = [
        ("clock", f"{hours}. {CONTRACT[v.contract_type]}."),
        ("euro", wage),
        ("pin", _("Werken in %(place)s", place=place)),
        ("talk", str(DUTCH_LEVEL[v.dutch_level])),
    ]
    if v.english_level != Level.none:
        facts.append(("talk", str(ENGLISH_LEVEL[v.english_level])))
    facts.append(("calendar", _("Je begint op %(date)s", date=nice_date(v.start_date))))
    if v.tour_offered:
        facts.append(("eye", _("Je kunt eerst komen kijken")))
    facts.append(("person", who_may_apply(v)))
    if v.safety_critical:
        facts.append(("shield", _("Veilig werken is hier belangrijk. Je moet de veiligheidsregels goed begrijpen.")))
    return facts


def who_may_apply(v: Vacancy) -> str:
    if v.open_to_asylum and v.open_to_status:
        return _("Voor asielzoekers en statushouders")
    if v.open_to_status:
        return _("Alleen voor statushouders")
    return _("Alleen voor asielzoekers. De werkgever vraagt de werkvergunning aan.")
