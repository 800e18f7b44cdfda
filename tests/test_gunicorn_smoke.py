"""Start the real gunicorn with production settings and fetch a page and a static file."""

import re

from django.db import connection

import pytest

from scripts.harness import Visitor, production_server


@pytest.mark.django_db(transaction=True)
def test_gunicorn_serves_home_page_and_static_file(tmp_path, site):
    home = site.root_page.specific
    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
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
