"""Trainings, workshops, information meetings, job fairs and employer sessions (issue 18).

Residents sign up without an account, from a QR poster or the azc's notice board; they get a
private link to see, cancel or erase their sign-up. Places are kept by the database (seat
pools); a full activity fills a waiting list that moves up by itself. Staff (the azc's
coordinators, the region's advisers, admins) create activities, print posters and lists, and
tick attendance; the dashboard shows the figures, which survive the retention purge.

Modules: models, services (staff rules), signup (sign-up, waiting list, cancel, erase),
attendance, housekeeping (tick jobs), queries, reach (mail and text messages), views (staff),
views_public (residents and employers)."""
