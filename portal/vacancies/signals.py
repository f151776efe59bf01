"""Hooks of the vacancies feature for higher packages. See portal.signals."""
from portal.signals import signals

# sender: the Organisation whose vacancy list a member opens. A receiver returns
# {vacancy_id: (applications, new applications)} (applicants counts them).
listed = signals.signal("vacancies-listed")
