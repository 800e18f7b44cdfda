"""The site's URLs plus views that fail on purpose, to exercise the error handling."""

from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from nmpaa_site.urls import handler400, handler403, handler500  # noqa: F401
from nmpaa_site.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("deliberate failure for the test")


def database_down_view(request):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


@csrf_exempt
def database_down_form(request):
    if request.method == "POST":
        raise OperationalError("server closed the connection unexpectedly")
    return HttpResponse("form")


def forbidden_view(request):
    raise PermissionDenied


def protected_form(request):
    return HttpResponse("ok")


urlpatterns = [
    path("test/broken/", broken_view),
    path("test/database-down/", database_down_view),
    path("test/database-down-form/", database_down_form),
    path("test/forbidden/", forbidden_view),
    path("test/protected-form/", protected_form),
    *site_urlpatterns,
]
