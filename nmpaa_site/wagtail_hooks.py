"""Self-service recovery codes in the admin, for staff who already use an authenticator app."""

from django.urls import path, reverse

from wagtail import hooks

from .two_factor_login import RecoveryCodesView


@hooks.register("register_admin_urls")
def recovery_code_urls():
    return [path("2fa/recovery-codes/", RecoveryCodesView.as_view(), name="recovery_codes")]


@hooks.register("register_account_menu_item")
def recovery_codes_menu_item(request):
    return {
        "url": reverse("recovery_codes"),
        "label": "Recovery codes",
        "help_text": "One-time codes to sign in when your phone is not at hand.",
    }
