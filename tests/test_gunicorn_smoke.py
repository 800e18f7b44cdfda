"""Start the real gunicorn with production settings and fetch a page and a static file."""

import re

import pytest

from tests.production_server import current_database_url, get, production_gunicorn


@pytest.mark.django_db(transaction=True)
def test_gunicorn_serves_home_page_and_static_file(tmp_path, site):
    home = site.root_page.specific
    with production_gunicorn(tmp_path, current_database_url()) as (base, _):
        status, headers, body = get(f"{base}/")
        assert status == 200
        assert home.title.encode() in body
        assert "gunicorn" not in headers.get("Server", "").lower()

        css_url = re.search(r'<link rel="stylesheet" href="([^"]+)"', body.decode())[1]
        assert ".css" in css_url and css_url != "/static/css/site.css", css_url
        status, headers, css = get(base + css_url)
        assert status == 200
        assert b"--colour-brand" in css
        assert "max-age" in headers.get("Cache-Control", "")
