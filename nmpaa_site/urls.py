from django.conf import settings
from django.urls import include, path
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from pages.safety import quick_exit
from pages.views import search

from .two_factor_login import TwoFactorLoginView

# The Wagtail login is the only login: Django's own admin is not installed.
urlpatterns = [
    # Ahead of wagtail-2fa's own view of the same name and path (see two_factor_login.py).
    path(
        settings.WAGTAILADMIN_PATH + "2fa/auth",
        TwoFactorLoginView.as_view(),
        name="wagtail_2fa_auth",
    ),
    path(settings.WAGTAILADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search, name="search"),
    path("exit/", quick_exit, name="quick-exit"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(
            template_name="robots.txt",
            content_type="text/plain",
            extra_context={"admin_path": settings.WAGTAILADMIN_PATH},
        ),
        name="robots-txt",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

# /healthz is answered by core.health.HealthCheckMiddleware, ahead of host checks.
handler400 = "core.errors.bad_request"
handler403 = "core.errors.permission_denied"
handler500 = "core.errors.server_error"
