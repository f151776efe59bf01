"""Events of a placement that higher packages act on (aftercare schedules its check-ins).
See portal.signals."""
from portal.signals import signals

# sender: the new Placement, flushed, its application moved to hired
hired = signals.signal("placement-hired")
