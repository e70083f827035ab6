"""One engagement: its state, the moves the user may make, and the close-out draft record."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from shopwindow.accounts import audit
from shopwindow.accounts.models import User
from shopwindow.associates import engagements, selectors
from shopwindow.associates.forms import AgreeForm, CancelForm, CompleteForm, DaysForm
from shopwindow.associates.vocabularies import EngagementStatus as S

# The form each move needs (None: a button only).
MOVE_FORMS: dict[str, type[forms.Form] | None] = {
    S.AGREED: AgreeForm,
    S.ACTIVE: None,
    S.COMPLETED: CompleteForm,
    S.CANCELLED: CancelForm,
}
MOVE_LABELS: dict[str, str] = {
    S.AGREED: "Agree the terms",
    S.ACTIVE: "Start the work",
    S.COMPLETED: "Complete and rate",
    S.CANCELLED: "Cancel the engagement",
}


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _forms(engagement: Any, moves: list[str], data: Any = None, posted: str = "") -> dict[str, Any]:
    built: dict[str, Any] = {}
    for move in moves:
        form_class = MOVE_FORMS[move]
        if form_class is None:
            continue
        initial = {}
        if move == S.AGREED:
            initial = {
                "start_on": engagement.start_on,
                "end_on": engagement.end_on,
                "days_agreed": engagement.days_agreed,
            }
        if move == S.COMPLETED:
            initial = {"days_used": engagement.days_used}
        built[move] = form_class(data if move == posted else None, initial=initial, prefix=move)
    return built


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def engagement_detail(request: HttpRequest, pk: int) -> HttpResponseBase:
    engagement = selectors.visible_engagement(request.user, pk)
    if engagement is None:
        raise Http404("No engagement with that id")
    user = _user(request)
    moves = engagements.allowed_moves(engagement, user)
    posted = request.POST.get("move", "") if request.method == "POST" else ""
    move_forms = _forms(engagement, moves, request.POST, posted)
    days_form = DaysForm(
        request.POST if posted == "days" else None,
        initial={"days_used": engagement.days_used},
        prefix="days",
    )
    party = engagements.party_of(engagement, user)
    if request.method == "POST":
        try:
            if posted == "days":
                if days_form.is_valid():
                    engagements.record_days(
                        engagement=engagement,
                        user=user,
                        days_used=days_form.cleaned_data["days_used"],
                    )
                    messages.success(request, "Days used saved.")
                    return redirect("associates:engagement", engagement.pk)
            elif posted == "draft":
                record = engagements.create_draft_record(
                    engagement=engagement, user=user, origin=audit.origin(request)
                )
                messages.success(
                    request,
                    f"Draft record “{record.title}” ({record.record_id}) created for "
                    f"{engagement.help_request.council.name} to complete and submit.",
                )
                return redirect("associates:engagement", engagement.pk)
            elif posted in moves:
                form = move_forms.get(posted)
                if form is None or form.is_valid():
                    data = dict(form.cleaned_data) if form is not None else {}
                    if "rating" in data:
                        data["rating"] = int(data["rating"])
                    engagements.move(
                        engagement=engagement,
                        user=user,
                        to=posted,
                        origin=audit.origin(request),
                        **data,
                    )
                    messages.success(request, f"The engagement is now {S(posted).label.lower()}.")
                    return redirect("associates:engagement", engagement.pk)
            else:
                raise PermissionDenied("That move is not open to you")
        except ValidationError as error:
            form = move_forms.get(posted)
            if form is not None and hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.error(request, " ".join(error.messages))
    return render(
        request,
        "associates/engagement.html",
        {
            "engagement": engagement,
            "party": party,
            "moves": [(m, MOVE_LABELS[m], move_forms.get(m)) for m in moves],
            "days_form": days_form if party and engagement.status == S.ACTIVE else None,
            "offer_draft": party == engagements.ASSOCIATE
            and engagement.status == S.COMPLETED
            and not engagement.draft_record_id,
            "to_complete": engagements.TO_COMPLETE,
        },
    )
