"""Security headers on every HTML response; the admin's CSP relaxed on its path only."""

import pytest

STRICT_CSP_PARTS = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
]


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_public_security_headers(response):
    policy = response["Content-Security-Policy"]
    for part in STRICT_CSP_PARTS:
        assert part in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions
    assert "Server" not in response


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/search/?q=help", "/no-such-page/"])
def test_public_html_responses_carry_the_strict_headers(client, site, path):
    response = client.get(path)
    assert response.status_code in {200, 404}
    assert response["Content-Type"].startswith("text/html")
    assert_public_security_headers(response)


@pytest.mark.urls("tests.hardening.urls")
def test_error_pages_carry_the_strict_headers(db):
    from django.test import Client

    response = Client(raise_request_exception=False).get("/test/broken/")
    assert response.status_code == 500
    assert_public_security_headers(response)


def test_admin_page_works_with_the_relaxed_policy_confined_to_admin(client, site, superuser):
    client.force_login(superuser)
    admin = client.get("/admin/")
    assert admin.status_code == 200
    assert b"wagtail" in admin.content.lower()
    directives = csp_directives(admin)
    assert "'unsafe-inline'" in directives["script-src"]
    assert "'unsafe-inline'" in directives["style-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert admin["X-Robots-Tag"] == "noindex, nofollow"

    # The same signed-in editor still gets the strict policy on the public site.
    public = client.get("/")
    assert public.status_code == 200
    assert_public_security_headers(public)
    assert "X-Robots-Tag" not in public


def test_page_editor_opens_under_the_admin_policy(client, site, superuser):
    client.force_login(superuser)
    response = client.get(f"/admin/pages/{site.root_page.pk}/edit/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in csp_directives(response)["script-src"]


def preview_in_panel(client, page, title):
    """What the editor's preview panel does: send the form, then load the preview."""
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    url = f"/admin/pages/{page.pk}/edit/preview/"
    form = {"title": title, "slug": page.slug, "intro": rich_text(""), "body": streamfield([])}
    assert client.post(url, nested_form_data(form)).json()["is_valid"]
    return client.get(url, {"in_preview_panel": "true"})


def test_preview_may_be_framed_by_the_admin_and_public_pages_never(client, site, superuser):
    client.force_login(superuser)

    preview = preview_in_panel(client, site.root_page, "Draft shown in the preview")

    assert preview.status_code == 200
    assert "Draft shown in the preview" in preview.text
    assert csp_directives(preview)["frame-ancestors"] == ["'self'"]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    # Otherwise the page's own strict policy: the preview shows what visitors will get.
    assert "unsafe-inline" not in preview["Content-Security-Policy"]

    draft = client.get(f"/admin/pages/{site.root_page.pk}/view_draft/")
    assert csp_directives(draft)["frame-ancestors"] == ["'self'"]
    assert draft["X-Frame-Options"] == "SAMEORIGIN"

    public = client.get("/")
    assert csp_directives(public)["frame-ancestors"] == ["'none'"]
    assert public["X-Frame-Options"] == "DENY"
