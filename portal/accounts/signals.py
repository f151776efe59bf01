"""Events of an account that higher packages act on. See portal.signals."""
from portal.signals import signals

# sender: a staff User whose role, region or azc locations changed, or who was disabled
# (flushed). Packages that link work to a person drop the links the new scope no longer
# covers: an organisation's contact adviser, the adviser a question is assigned to.
staff_changed = signals.signal("staff-changed")

# sender: the signed-in staff User whose home page (accounts.home) is shown, while rendering.
# Receivers return a list of portal.accounts.home.WorkLine: the work waiting for that user
# (their own queries, scoped through portal.access). Lines are shown by `order`.
home_shown = signals.signal("staff-home-shown")
