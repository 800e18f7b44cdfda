import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nmpaa_site.settings.production")

application = get_wsgi_application()


def warm_up():
    """Load now what a process would otherwise load on its first request (about half a
    second: the URLconf's views, the templates, the cache client), without opening any
    connection. gunicorn loads this module once in the master (preload_app), so every
    worker it forks, recycled ones included, answers its first visitor at full speed."""
    from pathlib import Path

    from django.conf import settings
    from django.core.cache import caches
    from django.template.loader import get_template
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (imports every view module)
    for folder in settings.TEMPLATES[0]["DIRS"]:
        for template in Path(folder).rglob("*.html"):
            get_template(str(template.relative_to(folder)))
    for cache in caches.all(initialized_only=False):
        getattr(cache, "_cache", None)  # Redis: imports the client; connects on first use


warm_up()
