"""Every cookie the site sets or expires is Secure, SameSite and HttpOnly.

Walked through the real gunicorn with production settings behind an HTTPS proxy.
"""

import http.client
import re
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher

import pytest

from outreach.models import SignUpPage
from scripts.harness import production_server
from tests.outreach.helpers import VALID_DATA

CSRF, SESSION = "__Host-csrftoken", "__Host-sessionid"
STAFF_PASSWORD = "granite lantern 42"
PUBLIC_PATHS = [
    "/",
    "/search/?q=help",
    "/no-such-page/",
    "/sitemap.xml",
    "/robots.txt",
    "/admin/login/",
    "/exit/",
]


class Visitor:
    """One browser behind the HTTPS proxy: keeps its cookies, follows no redirect."""

    def __init__(self, base):
        self.netloc = urlsplit(base).netloc
        self.jar = {}
        self.set_cookies = []  # (path, Set-Cookie header)

    def request(self, method, path, form=None):
        headers = {"Host": "localhost", "X-Forwarded-Proto": "https"}
        if self.jar:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.jar.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = "https://localhost" + path
        connection = http.client.HTTPConnection(self.netloc, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.set_cookies.append((path, header))
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.jar.pop(name, None)
                else:
                    self.jar[name] = morsel.value
        return response.status, text

    def post(self, path, form):
        """POST with the CSRF cookie's own value as the token, as Django accepts."""
        return self.request("POST", path, form | {"csrfmiddlewaretoken": self.jar[CSRF]})


def missing_attributes(header):
    (morsel,) = SimpleCookie(header).values()
    return [
        attribute
        for attribute, present in (
            ("Secure", morsel["secure"]),
            ("HttpOnly", morsel["httponly"]),
            ("SameSite", morsel["samesite"].lower() in {"lax", "strict"}),
        )
        if not present
    ]


@pytest.mark.django_db(transaction=True)
def test_every_cookie_set_or_expired_is_secure_samesite_and_httponly(tmp_path, site, database_url):
    sign_up = SignUpPage(title="Volunteer", slug="volunteer", form_kind="advocate")
    site.root_page.add_child(instance=sign_up)
    form_path = "/volunteer/"
    get_user_model().objects.create_superuser(
        "director",
        "director@example.org",
        # The production server does not accept the test settings' fast hasher.
        password=None,
    )
    get_user_model().objects.filter(username="director").update(
        password=PBKDF2PasswordHasher().encode(STAFF_PASSWORD, "saltsaltsalt", iterations=1000)
    )

    with production_server(
        database_url,
        folder=tmp_path,
        HTTPS="true",
        ALLOWED_HOSTS="localhost",
        OUTREACH_MIN_FILL_SECONDS="0",
    ) as server:
        visitor = Visitor(server.url)
        for path in PUBLIC_PATHS:
            status, _text = visitor.request("GET", path)
            assert status < 500, path

        status, page = visitor.request("GET", form_path)
        assert status == 200
        token = re.search(r'name="form_token" value="([^"]+)"', page)[1]
        form = VALID_DATA["advocate"] | {"form_token": token}
        status, text = visitor.post(form_path, form)
        assert status in {302, 303}, text

        # Staff sign in (django-axes, wagtail-2fa), sign out, sign in and leave by quick exit.
        login = {"username": "director", "password": STAFF_PASSWORD}
        assert visitor.post("/admin/login/", login)[0] == 302
        assert visitor.post("/admin/logout/", {})[0] == 302
        assert visitor.post("/admin/login/", login)[0] == 302
        assert SESSION in visitor.jar
        assert visitor.request("GET", "/exit/")[0] == 302
        assert visitor.jar == {}

    names = {SimpleCookie(header).popitem()[0] for _path, header in visitor.set_cookies}
    assert {CSRF, SESSION, "messages"} <= names
    problems = [
        (path, header.split("=", 1)[0], missing)
        for path, header in visitor.set_cookies
        if (missing := missing_attributes(header))
    ]
    assert problems == [], visitor.set_cookies
