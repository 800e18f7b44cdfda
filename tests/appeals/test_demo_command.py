import io

from django.core.management import CommandError, call_command
from django.test import override_settings

import pytest

from appeals.models import AppealPage

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_demo_appeals_say_they_are_not_real_people(client, site):
    call_command("create_demo_appeals", stdout=io.StringIO())
    appeals = AppealPage.objects.live()
    assert appeals.count() == 2
    for appeal in appeals:
        assert "Example — not a real person" in client.get(appeal.url).content.decode()


@override_settings(DEBUG=False, SETTINGS_MODULE="nmpaa_site.settings.production")
def test_demo_command_refuses_production_settings(site):
    with pytest.raises(CommandError, match="development only"):
        call_command("create_demo_appeals", stdout=io.StringIO())
    assert not AppealPage.objects.exists()
