"""Be found for work (issue 19): an opt-in profile a resident makes from a QR poster or at the
desk with staff, controls through a private link (renew by a tap, withdraw = erased at once)
and that expires after six months unless renewed; advisers of the region search the profiles
and propose a resident for a vacancy, and only an accepted proposal becomes an application the
employer sees. The employer never sees a profile.

Modules: models, tally (counts that survive purges), forms, profiles (create, renew, erase),
housekeeping (expiry, reminders: tick jobs), views_public (the resident's pages), views_desk
(assisted creation), poster; matching, proposals, views_staff, views_proposals (advisers'
matching and the proposals)."""
