"""Help requests: raising one, seeing it with its shortlist, and inviting associates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from shopwindow.accounts import audit
from shopwindow.accounts.models import User
from shopwindow.accounts.permissions import approved_council_ids, can
from shopwindow.associates import selectors, services
from shopwindow.associates.forms import HelpRequestForm, InviteForm
from shopwindow.authorities.models import Authority
from shopwindow.innovations.record_picker import SEARCH_ACTION


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
def request_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "associates/requests.html",
        {
            "requests": selectors.requests_for(request.user)[:100],
            "can_create": can(request.user, "create", "help_request"),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def request_new(request: HttpRequest) -> HttpResponseBase:
    councils = (
        Authority.objects.filter(pk__in=approved_council_ids(request.user), is_current=True)
        .exclude(gss="")
        .order_by("name")
    )
    if not councils.exists():
        raise PermissionDenied("Only council members can raise help requests")
    form = HelpRequestForm(request.POST or None, councils=councils)
    if request.POST.get("action") == SEARCH_ACTION:
        form.show_without_errors()  # a search for records to link, not the request yet
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        help_request = services.create_help_request(
            author=_user(request),
            council=data["council"],
            data=data,
            linked=data["linked"],
            origin=audit.origin(request),
        )
        messages.success(request, "Your help request has been raised.")
        return redirect("associates:request-detail", help_request.pk)
    return render(request, "associates/request_new.html", {"form": form})


@login_required
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    help_request = selectors.visible_request(request.user, pk)
    if help_request is None:
        raise Http404("No help request with that id")
    may_invite = can(request.user, "edit", "help_request", help_request)
    invited = {
        i.associate_id: i for i in help_request.invitations.select_related("associate__user")
    }
    context = {
        "help_request": help_request,
        "may_invite": may_invite,
        "invitations": list(invited.values()) if may_invite else [],
        "shortlist": [
            (m, invited.get(m.candidate.id)) for m in selectors.shortlist_for(help_request)
        ]
        if may_invite
        else [],
        "engagements": help_request.engagements.select_related("associate__user")
        if may_invite
        else [],
    }
    return render(request, "associates/request_detail.html", context)


@login_required
@require_POST
def request_invite(request: HttpRequest, pk: int) -> HttpResponseBase:
    help_request = selectors.visible_request(request.user, pk)
    if help_request is None:
        raise Http404("No help request with that id")
    form = InviteForm(request.POST)
    if not form.is_valid():
        raise Http404("No associate chosen")
    profile = selectors.vetted_profiles().filter(pk=form.cleaned_data["associate"]).first()
    if profile is None:
        raise Http404("No vetted associate with that id")
    reasons = next(
        (m.reasons for m in selectors.shortlist_for(help_request) if m.candidate.id == profile.pk),
        [],
    )
    try:
        services.invite(
            help_request=help_request,
            profile=profile,
            actor=_user(request),
            reasons=reasons,
            origin=audit.origin(request),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"You invited {profile.name}. We emailed them.")
    return redirect("associates:request-detail", help_request.pk)
