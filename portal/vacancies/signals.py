"""Hooks of the vacancies feature for higher packages. See portal.signals."""
from portal.signals import signals

# sender: the Organisation whose vacancy list a member opens. A receiver returns
# {vacancy_id: (applications, new applications)} (applicants counts them).
listed = signals.signal("vacancies-listed")

# sender: the Vacancy about to be published. A receiver returns how many other parts describe
# the job (the phrasebook's phrases): a vacancy without a summary needs at least one.
content_parts = signals.signal("vacancy-content-parts")

# sender: the new draft copy, with source= the vacancy it was copied from. Receivers copy
# what they keep about a vacancy (phrases, texts per language); they flush.
duplicated = signals.signal("vacancy-duplicated")

# sender: the Vacancy on its employer's page (/vacatures/<id>), while rendering. A receiver
# returns a piece of HTML for the page (the talent pool's "help me find candidates" and whether
# it was asked for), or None.
shown = signals.signal("vacancy-shown")
