"""The index's cards: every live appeal with its first photo, in one query however many
there are, filtered by state and year in Python (a charity lists dozens, not thousands)."""

from django.apps import apps

from core.page_cache import generation_cached
from core.us_states import US_STATES

from .pictures import CARD_SPEC, picture, with_first_photo

STATE_NAMES = dict(US_STATES)


def live_appeals(index):
    """The index's live appeals, newest first, each with its `card_picture`: one query."""
    # By name: the page models import this module.
    pages = apps.get_model("appeals", "AppealPage").objects.child_of(index).live()
    appeals = list(with_first_photo(pages, CARD_SPEC).order_by("-first_published_at", "-pk"))
    for appeal in appeals:
        appeal.card_picture = picture(appeal, CARD_SPEC, appeal.share_image_alt)
    return appeals


def _choice(raw, allowed):
    return raw if raw in allowed else ""


def appeal_cards(index, query):
    """The cards to show for the query string's `state` and `year`, and the filter choices."""
    appeals = generation_cached(f"appeal-cards:{index.pk}", lambda: live_appeals(index)) or []
    states = sorted({appeal.last_seen_state for appeal in appeals})
    years = sorted({appeal.last_seen_on.year for appeal in appeals}, reverse=True)
    state = _choice(query.get("state", ""), states)
    year = _choice(query.get("year", ""), [str(y) for y in years])
    shown = [
        appeal
        for appeal in appeals
        if (not state or appeal.last_seen_state == state)
        and (not year or appeal.last_seen_on.year == int(year))
    ]
    return {
        "appeals": shown,
        "any_appeals": bool(appeals),
        "state_choices": [(code, STATE_NAMES[code]) for code in states],
        "year_choices": years,
        "chosen_state": state,
        "chosen_year": year,
    }
