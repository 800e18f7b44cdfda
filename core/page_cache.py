"""Whole-page cache for anonymous visitors, shared by every app server through the cache.

Invalidation is one "generation" value: every stored page is tagged with the generation that
was current when its rendering began, and any content change sets a new generation (see
pages/signals.py). A site this size has a few dozen pages, so re-rendering all of them after a
publish costs a few seconds of CPU in total, and in exchange no change can ever miss a page
that lists, links to or shows it (menus, cards, related pages, footer settings).

A response is stored only if it cannot differ between anonymous visitors: no session or
messages cookie on the request, no cookie set on the response, no CSRF token used, no
logged-in user, no preview, status 200, and no Cache-Control that forbids it. Forms with
errors come from POST, which is never cached.
"""

import contextvars
import hashlib
import pickle
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.http.request import split_domain_port
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.http import parse_etags

from .content_security import is_admin_path
from .sites import find_site

GENERATION_KEY = "page-cache:generation"
HEADER = "X-Page-Cache"
# Headers the middleware sets itself, or that only make sense once.
UNSTORED_HEADERS = {"set-cookie", "date", HEADER.lower()}


def _start_generation():
    # A fresh random value, never a counter: if the key is evicted, restarting at 1 could
    # match pages stored under an old 1.
    cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    return cache.get(GENERATION_KEY)


def invalidate_all_pages():
    """Retire every stored page, once the change that calls it is committed.

    After commit, so no request can read the new generation and still see the old rows.
    """
    transaction.on_commit(_new_generation, robust=True)


def _new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


# The generation read at the start of the request being served, so that everything cached
# for it is checked against one value read in one round trip.
_request_generation = contextvars.ContextVar("page_cache_generation", default=None)
BYPASS = object()
# This process's copies of what it fetched, as (generation, pickled value): pickled so no
# request can change another's objects, tagged so a thread finishing an older request can
# never pass its value off as current.
_local = {}
LOCAL_ENTRIES = 2000


def generation_cached(key, compute):
    """compute() once per content generation, shared by every app server.

    For the small things every page needs (site, settings, menus, the page object, its
    listings): the same generation that retires cached pages retires these, so they are
    never staler than the page cache. A value of None is never stored.
    """
    generation = _request_generation.get()
    if not settings.CONTENT_CACHE or generation is BYPASS:
        return compute()
    key = "content-cache:" + key
    if generation is None:
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or _start_generation()
        entry = found.get(key)
    else:
        local = _local.get(key)
        if local is not None and local[0] == generation:
            return pickle.loads(local[1])
        entry = cache.get(key)
    if entry is not None and entry[0] == generation:
        value = entry[1]
    else:
        value = compute()
        if value is None:
            return None
        cache.set(key, (generation, value), timeout=settings.PAGE_CACHE_SECONDS or None)
    if len(_local) >= LOCAL_ENTRIES:
        _local.clear()
    _local[key] = (generation, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    return value


class GenerationCachedSettingMixin:
    """For a Wagtail site setting: read once per content generation, not once per request."""

    @classmethod
    def for_site(cls, site):
        load = super().for_site
        if site is None:
            return load(site)
        return generation_cached(f"settings:{cls._meta.label_lower}:{site.pk}", lambda: load(site))


def remember_site(request):
    """Set the Wagtail site for this request (Wagtail reads it back), from the shared cache
    unless this request reads everything from the database.

    The site comes with its home page already made specific, so routing starts without a
    query.
    """
    try:
        host, port = request.get_host(), request.get_port()
    except Exception:  # DisallowedHost: let the normal stack answer 400.
        return
    hostname = split_domain_port(host)[0]
    site = generation_cached(f"site:{host}:{port}", lambda: find_site(hostname, port))
    if site is not None:
        request._wagtail_site = site


def _excluded(path):
    return is_admin_path(path) or path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS))


def _has_no_session_or_messages_cookie(request):
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _vary_allows_sharing(response):
    # Only Cookie is safe: the cookies a stored page could depend on are checked above.
    if not response.has_header("Vary"):
        return True
    vary = {field.strip().lower() for field in cc_delim_re.split(response["Vary"])}
    return vary <= {"cookie", ""}


def _forbids_storing(response):
    cache_control = response.get("Cache-Control", "").lower()
    return any(word in cache_control for word in ("private", "no-store", "no-cache"))


def _used_something_personal(request, response):
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return True
    if response.cookies:
        return True
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    return bool(getattr(request, "is_preview", False))


class PageCacheMiddleware:
    """Serve and store whole pages for anonymous GETs; mark everything else private."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self._key(request) if settings.PAGE_CACHE_SECONDS > 0 else None
        if key is None and (_excluded(request.path) or not settings.CONTENT_CACHE):
            # The admin and the like always read from the database.
            token = _request_generation.set(BYPASS)
            try:
                if not _excluded(request.path):
                    remember_site(request)
                response = self.get_response(request)
            finally:
                _request_generation.reset(token)
            self._mark_private_if_personal(request, response)
            return response

        found = cache.get_many([GENERATION_KEY, key] if key else [GENERATION_KEY])
        generation = found.get(GENERATION_KEY) or _start_generation()
        entry = found.get(key) if key else None
        if entry is not None and entry[0] == generation:
            return self._from_entry(request, entry)

        # Staff and visitors with a session read everything from the database.
        shared = _has_no_session_or_messages_cookie(request)
        token = _request_generation.set(generation if shared else BYPASS)
        try:
            remember_site(request)
            response = self.get_response(request)
        finally:
            _request_generation.reset(token)
        if key is None:
            self._mark_private_if_personal(request, response)
            return response
        if self._can_store(request, response):
            self._store(key, generation, response)
            response[HEADER] = "miss"
        else:
            self._mark_private_if_personal(request, response)
        return response

    def _key(self, request):
        if request.method not in ("GET", "HEAD") or _excluded(request.path):
            return None
        # Wagtail previews run through the middleware as a "dummy" request for the page's URL.
        if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
            return None
        if not _has_no_session_or_messages_cookie(request):
            return None
        try:
            host = request.get_host()
        except Exception:  # DisallowedHost: let the normal stack answer 400.
            return None
        url = f"{request.scheme}://{host}{request.get_full_path()}"
        return "page-cache:" + hashlib.sha256(url.encode()).hexdigest()

    def _can_store(self, request, response):
        return (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not _forbids_storing(response)
            and _vary_allows_sharing(response)
            and not _used_something_personal(request, response)
        )

    def _store(self, key, generation, response):
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_CACHE_MAX_AGE,
            s_maxage=settings.PAGE_CACHE_S_MAXAGE,
        )
        etag = '"' + hashlib.md5(response.content, usedforsecurity=False).hexdigest() + '"'
        response["ETag"] = etag
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in UNSTORED_HEADERS
        ]
        entry = (generation, response.content, headers, etag)
        cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)

    def _from_entry(self, request, entry):
        _generation, content, headers, etag = entry
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match and etag in parse_etags(if_none_match):
            response = HttpResponseNotModified()
        else:
            response = HttpResponse(content)
        for name, value in headers:
            if not (response.status_code == 304 and name.lower() == "content-length"):
                response[name] = value
        response[HEADER] = "hit"
        return response

    def _mark_private_if_personal(self, request, response):
        """Staff pages, forms and anything with a session must stay out of shared caches."""
        if response.has_header("Cache-Control") or response.streaming:
            return
        if _used_something_personal(request, response) or not (
            _has_no_session_or_messages_cookie(request)
        ):
            patch_cache_control(response, private=True, no_store=True)
