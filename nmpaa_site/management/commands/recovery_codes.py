"""Give a staff member fresh one-time recovery codes for when their phone is not at hand.

Each code works once at the two-factor prompt, in place of the authenticator app. Running
it again replaces the old codes.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

RECOVERY_DEVICE_NAME = "Recovery codes"


def replace_recovery_codes(user, count=10):
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(count)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


class Command(BaseCommand):
    help = "Print 10 new one-time 2FA recovery codes for a user (old ones stop working)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--count", type=int, default=10)

    def handle(self, *args, username, count, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f'No user "{username}".') from error
        codes = replace_recovery_codes(user, count)
        self.stdout.write(f"Recovery codes for {username} (each works once; keep them safe):")
        for code in codes:
            self.stdout.write(f"  {code}")
