from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "appeals"
    verbose_name = "Missing-person appeals"

    def ready(self):
        from . import photos

        photos.connect()
