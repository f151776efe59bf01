"""Events of an account that higher packages act on. See portal.signals."""
from portal.signals import signals

# sender: a staff User whose role, region or azc locations changed, or who was disabled
# (flushed). Packages that link work to a person drop the links the new scope no longer
# covers: an organisation's contact adviser, the adviser a question is assigned to.
staff_changed = signals.signal("staff-changed")
