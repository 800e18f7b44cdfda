"""Admin-only views: the signed consent (streamed to staff who may see consent records) and
"Close this appeal" (for approvers)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from .closing import close_appeal
from .models import AppealPage
from .records import ClosureReason, ConsentRecord
from .review import review_rows
from .workflow import is_approver


def consent_document(request, pk):
    if not request.user.has_perm("appeals.view_consentrecord"):
        raise PermissionDenied
    record = get_object_or_404(ConsentRecord, pk=pk)
    response = FileResponse(record.document.open("rb"), as_attachment=True)
    response["Cache-Control"] = "private, no-store"
    return response


class CloseForm(forms.Form):
    reason = forms.ChoiceField(choices=ClosureReason.choices, widget=forms.RadioSelect)


def close(request, pk):
    appeal = get_object_or_404(AppealPage, pk=pk)
    if not is_approver(request.user):
        raise PermissionDenied
    if hasattr(appeal, "closure"):
        messages.info(request, f"The appeal for {appeal.title} is already closed.")
        return redirect("wagtailadmin_explore", appeal.get_parent().pk)
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        close_appeal(appeal, form.cleaned_data["reason"], request.user)
        messages.success(
            request,
            f'The appeal for {appeal.title} is closed: its page answers "This appeal has been '
            'removed." and its photos are deleted.',
        )
        return redirect("wagtailadmin_explore", appeal.get_parent().pk)
    return TemplateResponse(
        request,
        "appeals/admin/close.html",
        {"appeal": appeal, "form": form, "action": reverse("appeals_close", args=[pk])},
    )


def review_report(request):
    if not is_approver(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "appeals/admin/review_report.html",
        {"rows": review_rows(), "header_title": "Appeals to review"},
    )
