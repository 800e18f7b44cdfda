import pytest


@pytest.fixture
def staff_password():
    return "correct horse battery staple"


@pytest.fixture
def superuser(db, staff_password):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser(
        username="director", email="director@example.org", password=staff_password
    )


@pytest.fixture
def editor(db, staff_password):
    """An editor who may use the admin but cannot see outreach submissions."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user(
        username="editor", email="editor@example.org", password=staff_password
    )
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user
