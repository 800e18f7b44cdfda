"""RSS and Atom feeds of new and removed appeals. A removal names nobody: it only says that
an appeal came down, so readers who shared it know to stop."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from .listing import live_appeals
from .records import AppealClosure


class AppealsFeed(Feed):
    description = "New missing-person appeals, and notice when one is removed."

    def __init__(self, index):
        super().__init__()
        self.index = index

    def title(self):
        return self.index.title

    def link(self):
        return self.index.url

    def items(self):
        closures = AppealClosure.objects.filter(appeal__path__startswith=self.index.path)
        entries = [
            ("new", appeal, appeal.first_published_at) for appeal in live_appeals(self.index)
        ]
        entries += [("removed", closure, closure.closed_at) for closure in closures]
        return sorted(entries, key=lambda entry: entry[2], reverse=True)[:50]

    def item_title(self, item):
        kind, obj, _ = item
        if kind == "removed":
            return "An appeal has been removed"
        return f"Missing: {obj.title}"

    def item_description(self, item):
        kind, obj, _ = item
        if kind == "removed":
            return "This appeal has been removed. Please delete any copies you shared."
        return (
            f"Missing since {obj.last_seen_on:%B %-d, %Y} from {obj.last_seen_city}, "
            f"{obj.get_last_seen_state_display()}."
        )

    def item_link(self, item):
        kind, obj, _ = item
        if kind == "removed":
            return f"{self.index.url}#removed-{obj.pk}"
        return obj.url

    def item_guid(self, item):
        kind, obj, _ = item
        return f"{kind}-{obj.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item[2]


class AppealsAtomFeed(AppealsFeed):
    feed_type = Atom1Feed
    subtitle = AppealsFeed.description
