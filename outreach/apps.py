from django.apps import AppConfig
from django.db.models.signals import post_save


class OutreachConfig(AppConfig):
    name = "outreach"
    verbose_name = "Outreach sign-ups"

    def ready(self):
        # Here, as Django asks for signal handlers: tasks.py needs the models loaded.
        from .tasks import staff_address_saved

        post_save.connect(
            staff_address_saved, sender="pages.SiteSettings", dispatch_uid="outreach-held"
        )
