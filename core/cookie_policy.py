"""Every cookie the site sets or expires is HttpOnly, SameSite and, over HTTPS, Secure.

Django and Wagtail expire some cookies without these attributes (the session cookie on sign-out
and quick exit, the messages cookie, any cookie passed to delete_cookie), and browsers may
refuse or mishandle such a Set-Cookie. This fills them in on the way out, whoever set the
cookie. No script on the site reads a cookie.
"""

from django.conf import settings


class CookiePolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        for morsel in response.cookies.values():
            morsel["httponly"] = True
            morsel["samesite"] = morsel["samesite"] or settings.SESSION_COOKIE_SAMESITE
            # Secure whenever the site's own cookies are (production over HTTPS).
            morsel["secure"] = morsel["secure"] or settings.SESSION_COOKIE_SECURE
        return response
