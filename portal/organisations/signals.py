"""Events of an organisation that higher packages act on (vacancies go offline and come
back). Receivers return how many of their items they changed; see portal.signals."""
from portal.signals import signals

# sender: the Organisation, after its status changed and was flushed
suspended = signals.signal("organisation-suspended")
reinstated = signals.signal("organisation-reinstated")
# sender: the Organisation, moved to another region (flushed); old_region_id: where it was.
# What belongs to the organisation's region (open reports, questions waiting for an adviser)
# follows it, so nothing stays behind with advisers who no longer see the organisation.
region_moved = signals.signal("organisation-region-moved")
