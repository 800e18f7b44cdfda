"""For a superuser at the server: remove a staff member's lost 2FA device(s).

They then sign in with their password and are asked to set up a new device.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from django_otp import devices_for_user


class Command(BaseCommand):
    help = "Remove every 2FA device (authenticator apps and recovery codes) of one user."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f'No user "{username}".') from error
        devices = list(devices_for_user(user, confirmed=None))
        for device in devices:
            device.delete()
        self.stdout.write(
            f"Removed {len(devices)} 2FA device(s) of {username}. At their next sign-in "
            "they will be asked to set up a new authenticator app."
        )
