"""Moderators vet applications at /moderation/associates/ and download CVs (as attachments)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from shopwindow.accounts import audit
from shopwindow.accounts.decorators import moderator_required
from shopwindow.accounts.models import User
from shopwindow.accounts.services import record_event
from shopwindow.associates import cv, selectors, services
from shopwindow.associates.forms import VetForm
from shopwindow.associates.models import AssociateProfile
from shopwindow.associates.views.public import public_view
from shopwindow.associates.vocabularies import NATION_LABELS, REGION_LABELS, skill_label


@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "associates/moderation/queue.html",
        {
            "waiting": selectors.moderation_queue(),
            "vetted": selectors.vetted_profiles()[:50],
        },
    )


@moderator_required
@require_http_methods(["GET", "HEAD", "POST"])
def detail(request: HttpRequest, pk: int) -> HttpResponseBase:
    profile = get_object_or_404(AssociateProfile.objects.select_related("user"), pk=pk)
    form = VetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        moderator = request.user
        assert isinstance(moderator, User)
        try:
            services.vet(
                profile=profile,
                moderator=moderator,
                decision=form.cleaned_data["decision"],
                message=form.cleaned_data["message"],
                origin=audit.origin(request),
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, f"Decision saved for {profile.name}. We emailed them.")
            return redirect("associates:moderation-queue")
    return render(
        request,
        "associates/moderation/detail.html",
        {
            "profile": profile,
            "form": form,
            "skills": [skill_label(s) for s in profile.skills],
            "areas": [NATION_LABELS.get(n, n) for n in profile.nations]
            + [REGION_LABELS.get(r, r) for r in profile.regions],
            "public": public_view(profile),
        },
    )


@moderator_required
def cv_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    profile = get_object_or_404(AssociateProfile, pk=pk)
    if not profile.cv_file:
        raise Http404("No CV")
    try:
        stored = cv.open_cv(profile.cv_file)
    except FileNotFoundError:
        raise Http404("The CV file is missing") from None
    record_event(
        actor=request.user,
        action="associate.cv_downloaded",
        target=profile,
        origin=audit.origin(request),
    )
    response = FileResponse(
        stored,
        as_attachment=True,
        filename=f"cv-associate-{profile.pk}.{profile.cv_kind}",
        content_type=cv.CONTENT_TYPES.get(profile.cv_kind, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
