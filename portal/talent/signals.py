"""Hooks inside the talent package (see portal.signals), so the profile services need not
import the proposal services that build on them."""
from portal.signals import signals

# sender: the Profile about to be deleted (the resident withdrew consent, or it expired), with
# now= and reason= ("withdrawn" | "expired"). Receivers act on what goes with it (open
# proposals are cancelled and their advisers told) before the row and its proposals are
# deleted, in the same transaction: flush, never commit.
profile_leaving = signals.signal("talent-profile-leaving")
