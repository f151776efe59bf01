"""Demo rows of the postcode → region table for the three pilot regions. The ranges are
APPROXIMATE: drawn from the PostNL numbering of the municipalities (the pilot municipality
Zaanstad, Nijmegen and Eindhoven first, then a few neighbours the regional
Werkgeversservicepunt also serves); an admin checks and completes them before real use."""
from __future__ import annotations

from sqlalchemy import select

from portal import db
from portal.regions.models import PostcodeRange

POSTCODE_RANGES = {
    # region: ((low, high, label), ...)
    "Zaanstreek-Waterland": (
        (1500, 1509, "Zaanstad (Zaandam)"),
        (1520, 1521, "Zaanstad (Wormerveer)"),
        (1540, 1544, "Zaanstad (Koog aan de Zaan, Zaandijk)"),
        (1550, 1551, "Zaanstad (Westzaan)"),
        (1560, 1567, "Zaanstad (Krommenie, Assendelft)"),
        (1510, 1511, "Oostzaan"),
        (1530, 1531, "Wormerland (Wormer)"),
        (1440, 1448, "Purmerend"),
    ),
    "Rijk van Nijmegen": (
        (6500, 6546, "Nijmegen"),
        (6560, 6575, "Berg en Dal"),
        (6600, 6605, "Wijchen"),
        (6640, 6644, "Beuningen"),
        (5360, 5361, "Land van Cuijk (Grave)"),
    ),
    "Eindhoven": (
        (5600, 5658, "Eindhoven"),
        (5500, 5509, "Veldhoven"),
        (5660, 5667, "Geldrop-Mierlo (Geldrop)"),
        (5670, 5674, "Nuenen"),
        (5680, 5684, "Best"),
        (5690, 5694, "Son en Breugel"),
        (6020, 6029, "Cranendonck (Budel)"),
    ),
}


def seed(ctx) -> None:
    regions = ctx["regions"]
    taken = {row.low for row in db.session.scalars(select(PostcodeRange))}
    for region_name, rows in POSTCODE_RANGES.items():
        for low, high, label in rows:
            if low not in taken:  # seed-demo --force runs again over the same rows
                db.session.add(PostcodeRange(low=low, high=high, label=label,
                                             region=regions[region_name]))
