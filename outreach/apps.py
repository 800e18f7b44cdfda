from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "outreach"
    verbose_name = "Outreach sign-ups"

    def ready(self):
        from django.db.models.signals import post_save

        from pages.models import SiteSettings

        from .tasks import staff_address_saved

        post_save.connect(staff_address_saved, sender=SiteSettings, dispatch_uid="outreach-held")
