"""The site's URLs plus views that use a CSRF token, a session or a form, for cache tests."""

from django import forms
from django.http import HttpResponse
from django.template import RequestContext, Template
from django.urls import include, path

from nmpaa_site.urls import urlpatterns as site_urlpatterns


class EmailForm(forms.Form):
    email = forms.EmailField()


FORM_PAGE = Template(
    "<form method='post'>{% csrf_token %}{{ form.as_p }}</form>"
    "{% if form.errors %}<p>There is a problem</p>{% endif %}"
)


def form_view(request):
    form = EmailForm(request.POST if request.method == "POST" else None)
    return HttpResponse(FORM_PAGE.render(RequestContext(request, {"form": form})))


def session_view(request):
    request.session["visits"] = request.session.get("visits", 0) + 1
    return HttpResponse(f"Visit {request.session['visits']}")


def plain_view(request):
    return HttpResponse("The same for everyone")


urlpatterns = [
    path("test/form/", form_view),
    path("test/session/", session_view),
    path("test/plain/", plain_view),
    path("", include(site_urlpatterns)),
]
