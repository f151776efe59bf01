# The recruiter-workspace fixtures (an employer, its member, applications) serve the tour tests too.
from tests.applicants.conftest import *  # noqa: F401,F403
