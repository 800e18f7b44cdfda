"""The sign-up form behind each SignUpPage: GET shows it, POST saves it and redirects."""

import logging

from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse

from core import errors
from core.contacts import CONTACTS

from . import form_tokens, kinds, spam
from .blank_form import blank_form_response
from .submissions import save_submission

logger = logging.getLogger("outreach")


def render_form(request, page, form, status=200, form_token=None):
    context = page.get_context(request) | {
        "page": page,
        "form": form.describe_fields(),
        "error_summary": form.error_summary() if form.is_bound else [],
        "form_token": form_token or form_tokens.issue_token(page.form_kind),
        "token_field": form_tokens.TOKEN_FIELD,
        "honeypot_field": spam.HONEYPOT_FIELD,
    }
    return TemplateResponse(request, page.template, context, status=status)


def database_unavailable(request, page, form):
    """Nothing was saved: show the visitor their answers again, with a way to call instead.

    The same signed token goes back in the form, so if the database did keep the row after
    all, sending again saves nothing twice. If the page itself cannot be drawn without the
    database, the plain 503 page shows the answers instead.
    """
    phone = CONTACTS.phone_with_digits
    form.add_error(
        None,
        "We could not save your answers because of a problem on our side, and nothing was "
        "stored. Your answers are still here: press the button again in a minute, or call us "
        f"on {phone}.",
    )
    try:
        response = render_form(
            request, page, form, status=503, form_token=request.POST.get(form_tokens.TOKEN_FIELD)
        )
        response.render()
    except errors.DATABASE_ERRORS:
        return errors.database_unavailable(request)
    response["Retry-After"] = str(errors.RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def ask_again(request, page, form, message, form_token=None):
    """Show the form again with everything typed, its errors and one line saying why."""
    form.is_valid()
    form.add_error(None, message)
    return render_form(request, page, form, status=400, form_token=form_token)


def sign_up(request, page):
    kind = page.form_kind
    form_class = kinds.get(kind).form
    if request.method == "GET":
        return blank_form_response(
            request, page, form_class, lambda: render_form(request, page, form_class())
        )
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])

    if spam.is_rate_limited(request, kind):
        return TemplateResponse(request, "outreach/rate_limited.html", {"page": page}, status=429)
    form = form_class(request.POST)
    form_token_sent = request.POST.get(form_tokens.TOKEN_FIELD)
    try:
        spam.check_honeypot(request.POST)
        form_token = form_tokens.one_time_id(request.POST, kind)
    except spam.LooksLikeABot as reason:
        spam.log_rejection(kind, reason)
        return TemplateResponse(request, "outreach/rejected.html", {"page": page}, status=400)
    except form_tokens.FormExpired:
        return ask_again(
            request,
            page,
            form,
            "This form was open for a long time, so for your safety we need you to send it "
            "again. Check your answers, then press the button.",
        )
    except form_tokens.SentTooFast:
        spam.log_sent_too_fast(kind)
        return ask_again(
            request,
            page,
            form,
            "Please check your answers, then press Send again.",
            form_token=form_token_sent,
        )

    # An invalid form goes back with the same token: the minimum fill time still counts from
    # when the form was first shown, and the token saves nothing until the form is valid.
    try:
        if not form.is_valid():
            return render_form(request, page, form, status=400, form_token=form_token_sent)
        save_submission(kind, form, form_token)
    except errors.DATABASE_ERRORS:
        # The traceback goes to the log only; the visitor keeps what they typed.
        logger.exception("outreach submission not saved: database unavailable form=%s", kind)
        return database_unavailable(request, page, form)
    return HttpResponseRedirect(thanks_url(request, page))


def thanks_url(request, page):
    # The form posts to the page's own address, so the thank-you page is just below it;
    # page.url would look up every site's root path again.
    return request.path + page.reverse_subpage("thanks_view")
