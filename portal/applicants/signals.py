"""Hooks of the recruiter workspace for higher packages. See portal.signals."""
from portal.signals import signals

# sender: the Application on its detail page. Receivers return template values (tours adds
# "tours", "tour_state_labels", "attendance_labels").
detail_shown = signals.signal("applicant-detail-shown")
