import pytest

from appeals.closing import close_appeal
from appeals.records import ClosureReason
from tests.appeals.factories import AppealPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["feed/", "feed/atom/"])
def test_feed_lists_new_appeals_and_removals_without_details(client, appeal, path, committed):
    other = AppealPageFactory(parent=appeal.get_parent(), title="Example Staying")
    feed = client.get(appeal.get_parent().url + path).content.decode()
    assert "Missing: Example Person" in feed and "Missing: Example Staying" in feed
    with committed():
        close_appeal(appeal, ClosureReason.FOUND_SAFE)
    feed = client.get(appeal.get_parent().url + path).content.decode()
    assert "An appeal has been removed" in feed
    assert "Example Person" not in feed and "Found safe" not in feed
    assert appeal.url not in feed
    assert other.url in feed
