"""Staff sessions end after a working day, and after an idle hour."""

import time

from core.staff_sessions import LAST_SEEN, STARTED


def age_session(client, **fields):
    session = client.session
    for key, seconds_ago in fields.items():
        session[key] = time.time() - seconds_ago
    session.save()


def test_active_staff_session_continues(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/").status_code == 200


def test_session_older_than_a_working_day_ends(client, editor):
    client.force_login(editor)
    client.get("/admin/")
    age_session(client, **{STARTED: 8 * 3600 + 60, LAST_SEEN: 30})
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_idle_session_ends(client, editor):
    client.force_login(editor)
    client.get("/admin/")
    age_session(client, **{STARTED: 3 * 3600, LAST_SEEN: 3600 + 60})
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
