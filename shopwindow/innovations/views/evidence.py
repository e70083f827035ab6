"""Evidence documents (innovations.evidence_files): an uploaded PDF is served to everyone while a
published record lists it among its sources, and otherwise only to the people who may see the
record's draft (its council members and moderators). Anyone else gets a 404, as for the record.
"""

from django.http import FileResponse, Http404, HttpRequest, HttpResponseBase
from django.views.decorators.http import require_http_methods

from shopwindow.accounts.permissions import can
from shopwindow.innovations.evidence_files import evidence_storage, name_for
from shopwindow.innovations.models import Innovation, SourceDocument
from shopwindow.innovations.vocabularies import WorkflowStatus


def _may_read(request: HttpRequest, record_pk: int, name: str) -> bool:
    public = SourceDocument.objects.filter(
        innovation_id=record_pk,
        innovation__workflow_status=WorkflowStatus.PUBLISHED,
        file=name,
    ).exists()
    if public:
        return True
    if not request.user.is_authenticated:
        return False
    innovation = Innovation.objects.filter(pk=record_pk).first()
    return innovation is not None and can(request.user, "view", "innovation_record", innovation)


@require_http_methods(["GET", "HEAD"])
def evidence_file(request: HttpRequest, record_pk: int, token: str) -> HttpResponseBase:
    name = name_for(record_pk, token)
    if name is None or not _may_read(request, record_pk, name):
        raise Http404("No evidence document at this address")
    storage = evidence_storage()
    if not storage.exists(name):
        raise Http404("No evidence document at this address")
    response = FileResponse(storage.open(name, "rb"), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="evidence-{token[:8]}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    if request.user.is_authenticated:
        response["Cache-Control"] = "private, no-store"
    return response
