"""An organisation's own funnel (its vacancies only) and the admins' region comparison."""
from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import func, literal_column, select

from portal import db
from portal.applicants.models import Application, Stage
from portal.dashboard import queries, queries_work
from portal.dashboard.models import NO_LOCATION, VacancyView
from portal.dashboard.queries import Scope, grouped
from portal.dashboard.tables import Table
from portal.regions.models import Location, Region
from portal.vacancies.models import Vacancy


def funnel(org_id: int) -> dict:
    """Per vacancy of this organisation: page views, applications per stage; per azc poster:
    views and applications; views per interface language. Never another organisation's."""
    vacancies = db.session.execute(
        select(Vacancy.id, Vacancy.code, Vacancy.title, Vacancy.status)
        .where(Vacancy.organisation_id == org_id).order_by(Vacancy.created_at.desc(), Vacancy.id.desc())
    ).all()
    views = grouped(
        select(VacancyView.vacancy_id, func.sum(VacancyView.count))
        .join(Vacancy, VacancyView.vacancy_id == Vacancy.id)
        .where(Vacancy.organisation_id == org_id).group_by(VacancyView.vacancy_id))
    stages: dict[int, dict[Stage, int]] = {}
    for vacancy_id, stage, n in db.session.execute(
            select(Application.vacancy_id, Application.stage, func.count())
            .join(Vacancy, Application.vacancy_id == Vacancy.id)
            .where(Vacancy.organisation_id == org_id)
            .group_by(Application.vacancy_id, Application.stage)):
        stages.setdefault(vacancy_id, {})[stage] = n
    poster = func.coalesce(Application.poster_location_id, literal_column(str(NO_LOCATION)))
    poster_apps = grouped(
        select(poster, func.count()).join(Vacancy, Application.vacancy_id == Vacancy.id)
        .where(Vacancy.organisation_id == org_id).group_by(poster))
    poster_views = grouped(
        select(VacancyView.location_id, func.sum(VacancyView.count))
        .join(Vacancy, VacancyView.vacancy_id == Vacancy.id)
        .where(Vacancy.organisation_id == org_id).group_by(VacancyView.location_id))
    languages = grouped(
        select(VacancyView.language, func.sum(VacancyView.count))
        .join(Vacancy, VacancyView.vacancy_id == Vacancy.id)
        .where(Vacancy.organisation_id == org_id).group_by(VacancyView.language))
    location_ids = (set(poster_apps) | set(poster_views)) - {NO_LOCATION}
    names = grouped(
        select(Location.id, Location.name).where(Location.id.in_(location_ids))) if location_ids else {}
    rows = []
    for vid, code, title, status in vacancies:
        per_stage = stages.get(vid, {})
        rows.append({"id": vid, "code": code, "title": title, "status": status.value,
                     "views": int(views.get(vid, 0)), "applications": sum(per_stage.values()),
                     "stages": {s.value: per_stage.get(s, 0) for s in Stage},
                     "hired": per_stage.get(Stage.hired, 0)})
    posters = sorted(
        ((names.get(loc, "") if loc != NO_LOCATION else "", int(poster_views.get(loc, 0)),
          int(poster_apps.get(loc, 0))) for loc in set(poster_apps) | set(poster_views)),
        key=lambda r: (r[0] == "", -r[2], -r[1], r[0]))
    return {"vacancies": rows, "posters": posters,
            "languages": dict(sorted(((k, int(v)) for k, v in languages.items()),
                                     key=lambda kv: (-kv[1], kv[0])))}


def funnel_tables(data: dict, stage_labels: dict, language_labels: dict) -> list[Table]:
    stage_order = list(Stage)
    vacancies = Table("vacancies", _("Per vacature"),
                      [_("Vacature"), _("Code"), _("Bekeken"), _("Sollicitaties"),
                       _("Van bekeken naar sollicitatie (%)")]
                      + [str(stage_labels[s]) for s in stage_order],
                      note=_("Van bekeken naar sollicitatie: leeg als er meer sollicitaties zijn dan "
                             "getelde bezoeken (bijvoorbeeld via de Werkbalie of een adviseur)."))
    for row in data["vacancies"]:
        # Not a share when more people applied than visits were counted (the desk, an adviser's
        # proposal or a visit before counting began): "350 %" would only mislead.
        counted = row["views"] and row["applications"] <= row["views"]
        rate = round(100 * row["applications"] / row["views"], 1) if counted else None
        vacancies.rows.append([row["title"], row["code"], row["views"], row["applications"], rate]
                              + [row["stages"][s.value] for s in stage_order])
    posters = Table("posters", _("Via welke azc-poster"), [_("Poster"), _("Bekeken"), _("Sollicitaties")],
                    [[name or _("Zonder poster (directe link)"), v, a] for name, v, a in data["posters"]])
    languages = Table("languages", _("Bekeken per taal van het scherm"), [_("Taal"), _("Bekeken")],
                      [[str(language_labels.get(k, k)), n] for k, n in data["languages"].items()])
    return [vacancies, posters, languages]


def region_comparison(start: date, end: date) -> Table:
    table = Table("regions", _("Regio's naast elkaar"), [
        _("Regio"), _("Organisaties goedgekeurd (nu)"), _("Vacatures open (nu)"),
        _("Sollicitaties"), _("Aangenomen"), _("Mediaan dagen tot eerste contact"),
        _("Plaatsingen gestart"), _("Nog aan het werk na 6 weken (%)"), _("Meldingen"),
    ])
    for region in db.session.scalars(select(Region).order_by(Region.name)):
        scope = Scope(start=start, end=end, region_id=region.id)
        apps = queries.applications(scope)
        placed = queries_work.placements(scope)
        table.rows.append([
            region.name, queries.organisations(scope)["approved"],
            queries.vacancies(scope)["open_now"], apps["total"], apps["by_stage"]["hired"],
            apps["median_days_to_contact"], placed["started"], placed["six_weeks"]["rate"],
            queries_work.reports(scope)["total"],
        ])
    return table
