"""Who must pass a second factor (TOTP, or a recovery code) to use the Wagtail admin.

Required for superusers and for anyone who can see outreach submissions: members of any
group the form kinds declare (outreach.kinds.GROUPS: outreach reviewers, family caseworkers),
or anyone holding any permission of the `outreach` app.
Other editors may opt in (the "Enable 2FA" permission, or by adding a device); once they
have a device it is always asked for. Public pages never ask.
"""

import django_otp
from wagtail_2fa.middleware import VerifyUserMiddleware

from core.content_security import is_admin_path
from outreach.kinds import GROUPS

SUBMISSIONS_APP_LABEL = "outreach"


def can_see_submissions(user):
    if user.groups.filter(name__in=GROUPS).exists():
        return True
    return any(perm.startswith(SUBMISSIONS_APP_LABEL + ".") for perm in user.get_all_permissions())


def requires_two_factor(user):
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or can_see_submissions(user)
        or user.has_perm("wagtailadmin.enable_2fa")
        or django_otp.user_has_device(user, confirmed=True)
    )


class TwoFactorMiddleware(VerifyUserMiddleware):
    def process_request(self, request):
        response = super().process_request(request)
        if is_admin_path(request.path_info):
            # wagtail-2fa's menu hook reads this to decide whether to hide the menu.
            request.user.enable_2fa = requires_two_factor(request.user)
        return response

    def _require_verified_user(self, request):
        if not is_admin_path(request.path_info):
            return False
        if not requires_two_factor(request.user):
            return False
        return super()._require_verified_user(request)
