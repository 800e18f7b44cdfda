"""Staff sessions end after a working day, and after an idle spell, whichever comes first.

SESSION_COOKIE_AGE caps the whole session (set at login, never extended); an idle
timestamp, refreshed at most once a minute to spare the database, ends it earlier.
"""

import time

from django.conf import settings
from django.contrib.auth import logout

STARTED = "nmpaa_session_started"
LAST_SEEN = "nmpaa_session_last_seen"
REFRESH_EVERY = 60


class StaffSessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            self.enforce_limits(request)
        return self.get_response(request)

    def enforce_limits(self, request):
        now = time.time()
        session = request.session
        started = session.setdefault(STARTED, now)
        last_seen = session.get(LAST_SEEN, now)
        too_old = now - started > settings.SESSION_COOKIE_AGE
        idle = now - last_seen > settings.SESSION_IDLE_TIMEOUT
        if too_old or idle:
            logout(request)
            return
        if now - last_seen >= REFRESH_EVERY or LAST_SEEN not in session:
            session[LAST_SEEN] = now
