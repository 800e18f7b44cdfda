"""Find the site's pages and forms by following links from the home page (stdlib only).

Shared by hostile_inputs.py, load_test.py and fault_test.py, which test whatever forms the
site has without being told their addresses.
"""

import http.cookiejar
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID_ELEMENTS = {"input", "br", "hr", "img", "meta", "link", "source", "wbr", "area", "col"}


@dataclass
class Form:
    page_url: str
    action: str
    method: str
    fields: dict = field(default_factory=dict)  # name -> (kind, default value)

    @property
    def is_search(self):
        return self.method == "get" and "q" in self.fields


class PageParser(HTMLParser):
    def __init__(self, page_url):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.links = []
        self.forms = []
        self.select = None
        self.unseen = None  # [tag, depth] of an element hidden from people (a honeypot's box)

    def track_unseen(self, tag, attrs):
        if self.unseen is None:
            if "hidden" in attrs or attrs.get("aria-hidden") == "true":
                self.unseen = [tag, 1]
        elif tag == self.unseen[0]:
            self.unseen[1] += 1

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in VOID_ELEMENTS:
            self.track_unseen(tag, attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(urllib.parse.urljoin(self.page_url, attrs["href"]))
        elif tag == "form":
            action = urllib.parse.urljoin(self.page_url, attrs.get("action") or self.page_url)
            method = (attrs.get("method") or "get").lower()
            self.forms.append(Form(self.page_url, action, method))
        elif tag == "option" and self.forms and self.select and attrs.get("value"):
            kind, value = self.forms[-1].fields[self.select]
            if not value:
                self.forms[-1].fields[self.select] = (kind, attrs["value"])
        elif not self.forms or not attrs.get("name"):
            return
        elif tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "reset"}:
                return
            if self.unseen is not None:
                kind = "unseen"  # a person never sees it, so never fills it in
            if kind in {"checkbox", "radio"}:
                self.forms[-1].fields.setdefault(attrs["name"], (kind, attrs.get("value", "on")))
            else:
                self.forms[-1].fields[attrs["name"]] = (kind, attrs.get("value", ""))
        elif tag == "textarea":
            self.forms[-1].fields[attrs["name"]] = ("textarea", "")
        elif tag == "select":
            self.select = attrs["name"]
            self.forms[-1].fields[self.select] = ("select", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        if self.unseen is not None and tag == self.unseen[0]:
            self.unseen[1] -= 1
            if not self.unseen[1]:
                self.unseen = None


def new_session():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)), jar


def fetch(opener, url, data=None, headers=None, timeout=30):
    """(status, body text) for any status; None status when the server did not answer."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace"), response.url
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace"), url
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        return None, str(error), url


def discover(base_url, max_pages=80):
    """Every same-site page reachable from the home page, and the forms on them."""
    opener, _ = new_session()
    origin = urllib.parse.urlsplit(base_url).netloc
    queue, seen, forms = [base_url.rstrip("/") + "/"], set(), []
    while queue and len(seen) < max_pages:
        url = urllib.parse.urldefrag(queue.pop(0))[0]
        parts = urllib.parse.urlsplit(url)
        if url in seen or parts.netloc != origin or parts.path.startswith(("/admin", "/static")):
            continue
        seen.add(url)
        status, body, _ = fetch(opener, url)
        if status != 200:
            continue
        parser = PageParser(url)
        parser.feed(body)
        forms.extend(parser.forms)
        queue.extend(link for link in parser.links if link not in seen)
    unique = {(form.action, form.method): form for form in forms}
    return sorted(seen), list(unique.values())


def sign_up_forms(forms):
    """POST forms other than the search box: the outreach sign-ups."""
    return [form for form in forms if form.method == "post" and not form.is_search]


def valid_value(name, kind, default):
    """A plausible value for a field, so one hostile field at a time gets past the others."""
    lowered = name.lower()
    if kind == "unseen":
        return ""
    if kind == "email" or "email" in lowered:
        return "tester@example.org"
    if kind == "tel" or "phone" in lowered:
        return "+12025550123"
    if kind in {"checkbox", "radio", "select", "hidden"}:
        return default
    if kind == "url":
        return "https://example.org/"
    if kind == "date":
        return "2000-01-01"
    if "zip" in lowered or "postal" in lowered:
        return "20001"
    if kind == "number":
        return "20"
    return default or "Test value"


class FormPageUnavailable(Exception):
    """The form's page did not load, so a person would have had no form to send."""

    def __init__(self, status, body):
        super().__init__(status)
        self.status, self.body = status, body


def is_clean_error_page(body):
    """A 5xx a visitor can live with: plain words and the phone number, no technical detail."""
    return "tel:" in body and not any(word in body for word in ("Traceback", "OperationalError"))


def form_payload(opener, form, overrides=None):
    """Fresh CSRF token from the form's page, valid values, then the overrides."""
    status, body, _ = fetch(opener, form.page_url)
    if status != 200:
        raise FormPageUnavailable(status, body)
    parser = PageParser(form.page_url)
    parser.feed(body)
    fresh = next((f for f in parser.forms if f.action == form.action), form)
    values = {
        name: valid_value(name, kind, default) for name, (kind, default) in fresh.fields.items()
    }
    values.update(overrides or {})
    return values
