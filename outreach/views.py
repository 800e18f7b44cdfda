"""The sign-up form behind each SignUpPage: GET shows it, POST saves it and redirects."""

from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse

from . import spam
from .blank_form import blank_form_response
from .forms import SIGN_UP_FORMS
from .submissions import save_submission


def render_form(request, page, form, status=200):
    context = page.get_context(request) | {
        "page": page,
        "form": form.describe_fields(),
        "error_summary": form.error_summary() if form.is_bound else [],
        "form_token": spam.issue_token(page.form_kind),
        "token_field": spam.TOKEN_FIELD,
        "honeypot_field": spam.HONEYPOT_FIELD,
    }
    return TemplateResponse(request, page.template, context, status=status)


def sign_up(request, page):
    kind = page.form_kind
    form_class = SIGN_UP_FORMS[kind]
    if request.method == "GET":
        return blank_form_response(
            request, page, form_class, lambda: render_form(request, page, form_class())
        )
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])

    if spam.is_rate_limited(request, kind):
        return TemplateResponse(request, "outreach/rate_limited.html", {"page": page}, status=429)
    form = form_class(request.POST)
    try:
        form_token = spam.check_submission(request.POST, kind)
    except spam.LooksLikeABot as reason:
        spam.log_rejection(kind, reason)
        return TemplateResponse(request, "outreach/rejected.html", {"page": page}, status=400)
    except spam.FormExpired:
        form.is_valid()
        form.add_error(
            None,
            "This form was open for a long time, so for your safety we need you to send it "
            "again. Check your answers, then press the button.",
        )
        return render_form(request, page, form, status=400)

    if not form.is_valid():
        return render_form(request, page, form, status=400)
    save_submission(form, form_token)
    return HttpResponseRedirect(page.url + page.reverse_subpage("thanks_view"))
