"""Demo work profiles: five residents of azc Zaandam and Purmerend who want to be found for
work (Tigrinya, Arabic, Farsi, Somali and Turkish speakers; one made at the desk by the
coordinator), so the adviser's search and suggestions have someone to find. Skipped for a
phone that has a profile already (seed-demo --force)."""
from __future__ import annotations

from portal.talent import profiles, queries
from portal.talent.models import Availability, LanguageLevel, Residence

L = LanguageLevel
RESIDENTS = (
    # name, latin, phone, ui language, azc, languages, kinds of work, availability, hours,
    # residence, travel minutes, training, experience, made at the desk
    ("ሰላም ተስፋይ", "Selam Tesfay", "+31612000201", "ti", "ZDM",
     [("ti", L.native), ("en", L.basic), ("nl", L.basic)], ["role.cleaner", "role.hotel_cleaner"],
     Availability.part_time, 24, Residence.asylum_over_6_months, 45, True,
     "Twee jaar schoonmaak in een hotel in Asmara.", False),
    ("أحمد الخطيب", "Ahmad Al-Khatib", "+31612000202", "ar", "ZDM",
     [("ar", L.native), ("en", L.good)], ["role.warehouse", "role.order_picker", "role.forklift"],
     Availability.full_time, 40, Residence.status_holder, 60, True,
     "Heftruck gereden in een magazijn in Aleppo.", False),
    ("Mariam Haidari", None, "+31612000203", "fa", "ZDM",
     [("fa", L.native), ("nl", L.basic)], ["role.kitchen", "role.bakery"],
     Availability.evenings_weekends, 16, Residence.asylum_over_6_months, 30, False,
     "Koken voor grote groepen.", False),
    ("Hodan Warsame", None, "+31612000204", "so", "PMR",
     [("so", L.native), ("en", L.fluent)], ["role.thrift_shop", "role.sorter"],
     Availability.flexible, None, Residence.unknown, 45, False, None, True),
    ("Mehmet Yilmaz", None, "+31612000205", "tr", "PMR",
     [("tr", L.native), ("nl", L.good)], ["role.construction"],
     Availability.full_time, 40, Residence.asylum_under_6_months, 90, True,
     "Metselaar, tien jaar.", False),
)


def seed(ctx: dict) -> None:
    locations, coordinator = ctx.get("locations") or {}, ctx.get("coordinator")
    for (name, latin, phone, ui, code, languages, work, availability, hours, residence, travel,
         training, experience, at_desk) in RESIDENTS:
        location = locations.get(code)
        if location is None or queries.profile_by_phone(phone) is not None:
            continue
        profiles.create(profiles.ProfileData(
            name=name, name_latin=latin, phone=phone, location_id=location.id,
            availability=availability, residence=residence, travel_minutes=travel,
            languages=languages, work=work, hours_per_week=hours, attended_training=training,
            experience=experience), ui_language=ui, assisted_by=coordinator if at_desk else None)
