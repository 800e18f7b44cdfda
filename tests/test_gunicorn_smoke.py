"""The production server answers: gunicorn, production settings, hashed static files."""

import re

import pytest

from scripts.harness import Visitor, production_server


@pytest.mark.django_db(transaction=True)
def test_gunicorn_serves_home_page_and_static_file(tmp_path, site, database_url):
    home = site.root_page.specific
    with production_server(database_url, folder=tmp_path) as server:
        visitor = Visitor(server.url)
        status, headers, html = visitor.get("/")
        assert status == 200
        assert home.title in html
        assert "gunicorn" not in headers.get("Server", "").lower()

        css_url = re.search(r'<link rel="stylesheet" href="([^"]+)"', html)[1]
        assert ".css" in css_url and css_url != "/static/css/site.css", css_url
        status, headers, css = visitor.get(css_url)
        assert status == 200
        assert "--colour-brand" in css
        assert "max-age" in headers.get("Cache-Control", "")
