from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import Button

from .dashboard import AppealsDueForReviewPanel
from .models import AppealPage
from .records import ConsentRecord, PoliceVerification
from .views import close, consent_document, review_report
from .workflow import is_approver


class ConsentRecordViewSet(ModelViewSet):
    model = ConsentRecord
    icon = "doc-full"
    menu_label = "Consent records"
    url_prefix = "appeals/consent"
    url_namespace = "appeals_consent"
    form_fields = [
        "appeal",
        "given_by",
        "relationship",
        "given_on",
        "scope_web",
        "scope_print",
        "scope_social",
        "document",
    ]
    list_display = ["appeal", "given_by", "given_on", "document_link"]


class PoliceVerificationViewSet(ModelViewSet):
    model = PoliceVerification
    icon = "tick-inverse"
    menu_label = "Police verifications"
    url_prefix = "appeals/verifications"
    url_namespace = "appeals_verifications"
    form_fields = ["appeal", "agency", "contact", "method", "verified_on", "review_on"]
    list_display = ["appeal", "agency", "verified_on", "review_on"]


class AppealsViewSetGroup(ModelViewSetGroup):
    menu_label = "Appeals"
    menu_icon = "user"
    menu_order = 240
    items = (ConsentRecordViewSet, PoliceVerificationViewSet)


@hooks.register("register_admin_viewset")
def register_appeal_viewsets():
    return AppealsViewSetGroup()


@hooks.register("register_admin_urls")
def register_appeal_admin_urls():
    return [
        path(
            "appeals/consent/<int:pk>/document/",
            consent_document,
            name="appeals_consent_document",
        ),
        path("appeals/<int:pk>/close/", close, name="appeals_close"),
        path("appeals/review/", review_report, name="appeals_review"),
    ]


class ApproversMenuItem(MenuItem):
    def is_shown(self, request):
        return is_approver(request.user)


@hooks.register("register_reports_menu_item")
def register_review_report():
    return ApproversMenuItem(
        "Appeals to review", reverse("appeals_review"), icon_name="date", order=900
    )


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    panels.append(AppealsDueForReviewPanel())


@hooks.register("register_page_header_buttons")
def close_appeal_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, AppealPage) and is_approver(user):
        yield Button(
            "Close this appeal",
            reverse("appeals_close", args=[page.pk]),
            icon_name="cross",
            priority=55,
        )
