"""Closing an appeal takes it down everywhere, at once."""

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.storage import default_storage

import pytest

from appeals.closing import close_appeal
from appeals.names import APPROVERS_GROUP
from appeals.records import AppealClosure, ClosureReason
from core.page_cache import GENERATION_KEY

pytestmark = pytest.mark.django_db


def photo_files(appeal):
    image = appeal.photo.image
    image.get_rendition("width-40")
    return [image.file.name] + [r.file.name for r in image.renditions.all()]


def test_a_closed_appeal_answers_410_with_a_neutral_message(client, appeal, committed):
    url = appeal.url
    with committed():
        close_appeal(appeal, ClosureReason.FOUND_SAFE)
    response = client.get(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "This appeal has been removed." in html
    assert "Get help now" in html
    assert "Example Person" not in html and "Exampleville" not in html
    assert client.get(url + "poster/").status_code == 404


def test_a_closed_appeal_leaves_the_index_sitemap_and_search(client, appeal, committed):
    with committed():
        close_appeal(appeal, ClosureReason.WITHDRAWN_FAMILY)
    assert "Example Person" not in client.get(appeal.get_parent().url).content.decode()
    assert appeal.url not in client.get("/sitemap.xml").content.decode()
    results = client.get("/search/", {"q": "Example Person"}).content.decode()
    assert f'href="{appeal.url}"' not in results


def test_closing_retires_the_page_cache(appeal, committed):
    cache.set(GENERATION_KEY, "before")
    with committed():
        close_appeal(appeal, ClosureReason.FOUND_SAFE)
    assert cache.get(GENERATION_KEY) != "before"


def test_photos_of_a_closed_appeal_are_no_longer_stored(appeal, committed):
    files = photo_files(appeal)
    assert all(default_storage.exists(name) for name in files)
    with committed():
        close_appeal(appeal, ClosureReason.PERSON_REQUEST)
    assert not any(default_storage.exists(name) for name in files)


def test_only_approvers_can_close_an_appeal_in_the_admin(client, appeal, django_user_model):
    from django.contrib.auth.models import Permission

    url = f"/admin/appeals/{appeal.pk}/close/"
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    client.post(url, {"reason": "found_safe"})
    assert not AppealClosure.objects.exists()

    editor.groups.add(Group.objects.get(name=APPROVERS_GROUP))
    assert "Why is it closing?" in client.get(url).content.decode()
    response = client.post(url, {"reason": "not-a-reason"})
    assert response.status_code == 200 and not AppealClosure.objects.exists()
    response = client.post(url, {"reason": "found_safe"})
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert not appeal.live
    assert AppealClosure.objects.get().closed_by == editor


def test_appeals_are_served_from_the_page_cache_until_closed(client, appeal, settings, committed):
    from django.core.cache import cache

    from core.page_cache import HEADER

    settings.PAGE_CACHE_SECONDS = 3600
    settings.CONTENT_CACHE = True
    cache.clear()
    for url in (appeal.get_parent().url, appeal.url):
        first, second = client.get(url), client.get(url)
        assert (first[HEADER], second[HEADER]) == ("miss", "hit"), url
    with committed():
        close_appeal(appeal, ClosureReason.FOUND_SAFE)
    assert client.get(appeal.url).status_code == 410
    assert "Example Person" not in client.get(appeal.get_parent().url).content.decode()
    cache.clear()
