"""The two-factor prompt: a code from the authenticator app, or a one-time recovery code.

wagtail-2fa 1.8's own form asks django-otp to try every device, which django-otp 1.7
refuses ("choose a device"), so no code would ever be accepted. This form picks the device
by the code's shape (six digits: the app; otherwise: a recovery code), so a wrong app code
never throttles the recovery codes or the other way round.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.views.generic import FormView, TemplateView

from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa.views import LoginView as Wagtail2FALoginView

from .management.commands.recovery_codes import replace_recovery_codes


class TwoFactorCodeForm(forms.Form):
    otp_token = forms.CharField(label="Code", max_length=20, strip=True)

    def __init__(self, user, *args, **kwargs):
        self.user = user
        self.device = None
        super().__init__(*args, **kwargs)
        self.fields["otp_token"].widget.attrs.update(
            {"autofocus": "autofocus", "autocomplete": "one-time-code"}
        )

    def candidate_devices(self, token):
        model = TOTPDevice if token.isdigit() and len(token) == 6 else StaticDevice
        return model.objects.filter(user=self.user, confirmed=True)

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"].replace(" ", "")
        for device in self.candidate_devices(token):
            allowed, _ = device.verify_is_allowed()
            if not allowed:
                raise forms.ValidationError("Too many wrong codes. Wait a minute and try again.")
            if device.verify_token(token):
                self.device = device
                return token
        raise forms.ValidationError("That code is not right. Check it and try again.")


class TwoFactorLoginView(Wagtail2FALoginView):
    form_class = TwoFactorCodeForm

    def form_valid(self, form):
        otp_login(self.request, form.device)
        return FormView.form_valid(self, form)


class RecoveryCodesView(TemplateView):
    """Show fresh recovery codes once. Only for staff with an authenticator app, so codes
    never replace setting one up; new codes replace the old ones."""

    template_name = "two_factor/recovery_codes.html"

    def dispatch(self, request, *args, **kwargs):
        has_app = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
        if not has_app or not request.user.is_verified():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request):
        codes = replace_recovery_codes(request.user)
        return self.render_to_response(self.get_context_data(codes=codes))
