"""Admin-only views: the signed consent, streamed to staff who may see consent records."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404

from .records import ConsentRecord


def consent_document(request, pk):
    if not request.user.has_perm("appeals.view_consentrecord"):
        raise PermissionDenied
    record = get_object_or_404(ConsentRecord, pk=pk)
    response = FileResponse(record.document.open("rb"), as_attachment=True)
    response["Cache-Control"] = "private, no-store"
    return response
