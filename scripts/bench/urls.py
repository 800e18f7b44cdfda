"""The site's URLs plus the benchmark's floor; loaded only by scripts/bench/settings.py."""

from django.http import HttpResponse
from django.urls import include, path

from nmpaa_site.urls import urlpatterns as site_urlpatterns


def constant(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("benchmark/constant/", constant),
    path("", include(site_urlpatterns)),
]
