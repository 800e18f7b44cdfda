import pytest

from tests.appeals.factories import (
    AppealIndexPageFactory,
    AppealPageFactory,
    ConsentRecordFactory,
    PoliceVerificationFactory,
)


@pytest.fixture
def appeal_index(site, home_page):
    return AppealIndexPageFactory(parent=home_page)


@pytest.fixture
def appeal(appeal_index):
    page = AppealPageFactory(parent=appeal_index, title="Example Person")
    ConsentRecordFactory(appeal=page)
    PoliceVerificationFactory(appeal=page)
    return page
