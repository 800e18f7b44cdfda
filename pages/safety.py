"""The quick exit: the one URL every "Exit this page" control goes through."""

from urllib.parse import urlsplit

from django.http import HttpResponseRedirect
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from pages.models import SiteSettings

FALLBACK_EXIT_URL = "https://www.google.com/"


def exit_destination(request):
    """The neutral page staff chose, or a search engine if that is missing or unsafe."""
    url = SiteSettings.for_request(request).quick_exit_url or ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return FALLBACK_EXIT_URL
    return url


@never_cache
@require_GET
def quick_exit(request):
    """Forget this visitor (session, sign-in, unsaved form data), then leave without a referrer."""
    request.session.flush()
    response = HttpResponseRedirect(exit_destination(request))
    # The neutral site must not learn which page the visitor left.
    response["Referrer-Policy"] = "no-referrer"
    # Browsers that honour it also drop this site's cookies and stored data.
    response["Clear-Site-Data"] = '"cookies", "storage"'
    response["X-Robots-Tag"] = "noindex"
    # Every cookie this visitor brought (CSRF token, messages; the session goes above).
    for name in request.COOKIES:
        response.delete_cookie(name)
    return response
