"""One login only (Wagtail's), configurable admin path, strong passwords, no indexing."""

from importlib import reload

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import clear_url_caches

import pytest


def test_django_admin_is_not_installed_or_reachable(client, db):
    assert "django.contrib.admin" not in settings.INSTALLED_APPS
    for path in ("/django-admin/", "/admin/auth/user/"):
        assert client.get(path).status_code in {302, 404}
    assert client.get("/django-admin/").status_code == 404


@pytest.mark.parametrize(
    "password, reason",
    [("Sh0rt!pass", "too short"), ("password1234", "too common"), ("384950129384756", "numeric")],
)
def test_weak_passwords_are_refused(password, reason):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_passphrase_is_accepted():
    validate_password("granite lantern orchard 42")


@pytest.mark.django_db
def test_admin_login_is_noindex(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"


@pytest.fixture
def admin_moved(settings):
    import nmpaa_site.urls

    settings.WAGTAILADMIN_PATH = "staff-7f3a/"
    clear_url_caches()
    reload(nmpaa_site.urls)
    yield
    settings.WAGTAILADMIN_PATH = "admin/"
    clear_url_caches()
    reload(nmpaa_site.urls)


@pytest.mark.django_db
def test_admin_path_is_configurable(client, admin_moved, site):
    assert client.get("/staff-7f3a/login/").status_code == 200
    assert client.get("/admin/login/").status_code == 404
    response = client.get("/robots.txt")
    assert "Disallow: /staff-7f3a/" in response.content.decode()
