"""Applying to the roster, the associate's dashboard and their invitations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from shopwindow.accounts import audit
from shopwindow.accounts.models import User
from shopwindow.associates import selectors, services
from shopwindow.associates.forms import ApplicationForm
from shopwindow.associates.vocabularies import InvitationStatus
from shopwindow.core.hooks import panels_at
from shopwindow.innovations.record_picker import SEARCH_ACTION


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def apply(request: HttpRequest) -> HttpResponseBase:
    profile = selectors.profile_of(request.user)
    form = ApplicationForm(request.POST or None, request.FILES or None, profile=profile)
    if request.POST.get("action") == SEARCH_ACTION:
        form.show_without_errors()  # a search for records delivered, not the application yet
    elif request.method == "POST" and form.is_valid():
        try:
            services.save_application(
                user=_user(request),
                data=form.cleaned_data,
                delivered=form.cleaned_data["delivered"],
                cv_upload=form.cleaned_data["cv"],
                origin=audit.origin(request),
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error("cv", error.messages)
        else:
            messages.success(request, "Your application has been saved.")
            return redirect("associates:dashboard")
    return render(request, "associates/apply.html", {"form": form, "profile": profile})


def _skill_topics(profile: object) -> list[str]:
    """The themes and service areas among the associate's skills, as follow topics."""
    skills = getattr(profile, "skills", None) or []
    return [skill for skill in skills if skill.partition(":")[0] in {"theme", "service"}]


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    profile = selectors.profile_of(request.user)
    context = {
        "profile": profile,
        "invitations": selectors.invitations_for(request.user)[:20],
        "engagements": selectors.engagements_for(request.user).filter(associate=profile)
        if profile
        else [],
        "experience": selectors.experience(profile) if profile else None,
        "skill_topics": _skill_topics(profile),
        "panels": panels_at("associates-dashboard", request),
    }
    return render(request, "associates/dashboard.html", context)


@login_required
def invitations(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "associates/invitations.html",
        {"invitations": selectors.invitations_for(request.user)},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def invitation(request: HttpRequest, pk: int) -> HttpResponseBase:
    found = selectors.invitations_for(request.user).filter(pk=pk).first()
    if found is None:
        raise Http404("No invitation with that id")
    error = ""
    if request.method == "POST":
        answer = request.POST.get("answer")
        if answer not in {"accept", "decline"}:
            error = "Choose whether to accept or decline"
        else:
            try:
                engagement = services.respond(
                    invitation=found,
                    user=_user(request),
                    accept=answer == "accept",
                    origin=audit.origin(request),
                )
            except ValidationError as exc:
                error = " ".join(exc.messages)
            else:
                if engagement is not None:
                    messages.success(request, "You accepted. The council will confirm the terms.")
                    return redirect("associates:engagement", engagement.pk)
                messages.success(request, "You declined the invitation.")
                return redirect("associates:invitations")
    return render(
        request,
        "associates/invitation.html",
        {
            "invitation": found,
            "help_request": found.help_request,
            "error": error,
            "open": found.status == InvitationStatus.INVITED,
        },
    )
