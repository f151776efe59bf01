"""What waits for each role, for the staff home page (accounts.home). The lines come from the
features' own queries, scoped through portal.access; this package sits on top of them and
hands the lines down through portal.accounts.signals.home_shown (see portal/accounts/home.py).
One module per role; portal/blueprints.py imports them, which connects the receivers."""

from portal.home import admin, adviser, coordinator, member  # noqa: E402,F401  (connect the receivers)
