"""Events of an organisation that higher packages act on (vacancies go offline and come
back). Receivers return how many of their items they changed; see portal.signals."""
from portal.signals import signals

# sender: the Organisation, after its status changed and was flushed
suspended = signals.signal("organisation-suspended")
reinstated = signals.signal("organisation-reinstated")
