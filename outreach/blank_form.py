"""The empty sign-up form, rendered once per content generation and filled in per visitor.

A blank form page is the same for every anonymous visitor except for two values: the CSRF
token and the signed one-time form token. Rendering its widgets costs far more than anything
else in a sign-up, so the page is rendered once with placeholders in their place, kept in
the content cache (retired by any publish or settings change, like every cached page), and
each visitor gets a copy with fresh tokens of their own. Staff and previews always get a
full render.
"""

import hashlib
from functools import cache

from django.http import HttpResponse
from django.middleware.csrf import get_token

from core.page_cache import generation_cached

from . import form_tokens

# Fixed strings, not random ones: the cached copy is shared by every app server.
CSRF_HOLE = "csrf-token-placeholder-4d1f0c"
FORM_TOKEN_HOLE = "form-token-placeholder-9b27e5"


@cache
def form_fingerprint(form_class):
    """Changes when a deploy changes the form's fields, choices, starting values or wording,
    so no stale copy is served (a box that used to start ticked, say)."""
    parts = [form_class.__qualname__]
    for name, field in form_class().fields.items():
        choices = [str(value) for value, _label in getattr(field, "choices", ())]
        parts.append(
            f"{name}:{type(field).__name__}:{field.required}:{field.initial!r}:"
            f"{field.label}:{field.help_text}:{','.join(choices)}"
        )
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def blank_form_response(request, page, form_class, render):
    """The blank form for this visitor; `render()` gives the full TemplateResponse."""
    if getattr(request, "is_preview", False) or request.user.is_authenticated:
        return render()
    key = (
        f"blank-form:{request.scheme}:{request.get_host()}:{page.pk}:{form_fingerprint(form_class)}"
    )
    template = generation_cached(key, lambda: _render_with_placeholders(render()))
    if template is None:
        return render()
    html = template.replace(CSRF_HOLE, get_token(request)).replace(
        FORM_TOKEN_HOLE, form_tokens.issue_token(page.form_kind)
    )
    return HttpResponse(html)


def _render_with_placeholders(response):
    response.context_data.update(csrf_token=CSRF_HOLE, form_token=FORM_TOKEN_HOLE)
    html = response.render().content.decode()
    if response.status_code != 200 or CSRF_HOLE not in html or FORM_TOKEN_HOLE not in html:
        return None  # a template that does not show both tokens is never stored
    return html
