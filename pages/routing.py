"""How a request finds its page, and whether a visitor may see it, in as few queries as possible.

Wagtail's own router takes two queries per level of the tree and its view-restriction check
two more; these do the same work in one lookup each, cached per content generation.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Left, Length
from django.http import Http404

from wagtail.models import Page, PageViewRestriction

from core.page_cache import generation_cached


def ancestor_paths(page):
    """Tree paths of the page and its ancestors, worked out from its own path with no query."""
    step = page.steplen
    return [page.path[:length] for length in range(step, len(page.path) + step, step)]


def restricted_paths():
    """Tree paths of every page a view restriction covers directly or through an alias."""
    restricted = PageViewRestriction.objects.values_list("page__path", "page__aliases__path")
    return {path for pair in restricted for path in pair if path}


def _restricted():
    return generation_cached("restricted-paths", restricted_paths)


def public(pages):
    """The pages of a queryset that no view restriction covers, in the same query.

    The rule of `restricted_paths`: a restriction covers its page, the aliases of its page,
    and everything below them (Wagtail's `.public()` forgets the aliases). Search backends
    take only field lookups, hence the `pk__in`.
    """
    covering = PageViewRestriction.objects.filter(
        Q(page__path=Left(OuterRef("path"), Length("page__path")))
        | Q(page__aliases__path=Left(OuterRef("path"), Length("page__aliases__path")))
    )
    return pages.filter(pk__in=Page.objects.exclude(Exists(covering)).values("pk"))


class FewQueriesPageMixin:
    """Checks view restrictions in one query instead of two (Wagtail's default)."""

    def get_view_restrictions(self):
        # A restriction applies if it is on this page or an ancestor, or on the page an
        # ancestor (or this page) is an alias of, as in Wagtail's own version.
        paths = ancestor_paths(self)
        if not set(paths) & _restricted():
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
        ).distinct()


def page_at(url_path):
    """The specific page at this full URL path, cached per content generation; None if none."""
    return generation_cached(
        f"page:{url_path}", lambda: Page.objects.filter(url_path=url_path).specific().first()
    )


class PathRouterMixin:
    """For the home page: finds any page below it by its full URL path in one lookup."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        page = page_at(self.url_path + "/".join(path_components) + "/")
        if page is not None:
            return page.route(request, [])
        # Not a page: a sub-route of a routable page (a form's thank-you page) or a 404. The
        # deepest page above it, found in one query, routes the rest or answers 404.
        prefixes = [
            self.url_path + "/".join(path_components[:depth]) + "/"
            for depth in range(1, len(path_components))
        ]
        nearest = (
            Page.objects.filter(url_path__in=prefixes)
            .order_by("-depth")
            .values_list("url_path", flat=True)
            .first()
        )
        if nearest is None:
            raise Http404  # not even the first step is a page
        page = page_at(nearest)
        rest = path_components[nearest.count("/") - self.url_path.count("/") :]
        return page.route(request, rest)
