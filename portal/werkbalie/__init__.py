"""The Werkbalie agenda (issue 18): advisers (UWV or the municipal employer service point) and
coordinators publish desk hours per azc; residents book a short talk from a QR poster or the
notice board, or staff book one for them at the desk; a private link shows, moves or cancels
it; reminders go as for activities; staff mark who came, write a short outcome, and link or
start an application with the resident's consent.

Modules: models, slots (computed slots), services (desk hours), booking (appointments),
housekeeping (tick jobs), queries, desk (staff glue), views, views_applications,
views_public."""
