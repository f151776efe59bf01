"""Hooks of the resident pages for higher packages. See portal.signals."""
from portal.signals import signals

# sender: the Application shown on its private status page /s/<token>, while rendering (the
# resident's locale applies). Receivers return template values: "tours" (tours), "notes"
# (placements), "help_links" (aftercare).
status_shown = signals.signal("status-page-shown")

# sender: the vacancy id, with language= and location_id=; a landing page was read. A receiver
# returns True when it wrote to the session (the view then commits).
vacancy_viewed = signals.signal("vacancy-viewed")

# sender: the azc Location of the notice board /l/<code>, while rendering (the resident's
# locale applies). Receivers return a piece of HTML to show below the vacancies (activities to
# sign up for, Werkbalie hours), or None.
board_shown = signals.signal("board-page-shown")

# sender: the Application whose personal data is erased (the resident's "erase my data" or the
# retention purge), with now=. Higher packages blank their own free text about the person
# (placement notes, aftercare comments) in the same transaction: flush, never commit.
erased = signals.signal("application-erased")
