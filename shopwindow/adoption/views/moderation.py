"""/moderation/adoptions/: moderators confirm or reject adoptions that plans fed to records."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from shopwindow.accounts import audit
from shopwindow.accounts.decorators import moderator_required
from shopwindow.accounts.models import User
from shopwindow.adoption import selectors, services
from shopwindow.adoption.forms import DecisionForm
from shopwindow.core.email import absolute_url


@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    rows = [(a, selectors.plan_for_adoption(a)) for a in selectors.adoptions_to_confirm()]
    return render(request, "adoption/moderation/queue.html", {"rows": rows})


@moderator_required
@require_http_methods(["GET", "HEAD", "POST"])
def decide(request: HttpRequest, pk: int) -> HttpResponseBase:
    adoption = selectors.adoptions_to_confirm().filter(pk=pk).first()
    if adoption is None:
        raise Http404("No adoption waiting for a decision")
    plan = selectors.plan_for_adoption(adoption)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirm = form.cleaned_data["decision"] == "confirm"
        assert isinstance(request.user, User)
        services.decide_adoption(
            moderator=request.user,
            adoption=adoption,
            confirm=confirm,
            reason=form.cleaned_data["reason"],
            plan_link=absolute_url(plan.get_absolute_url()) if plan else "",
            origin=audit.origin(request),
        )
        verb = "confirmed" if confirm else "did not confirm"
        messages.success(
            request,
            f"You {verb} {adoption.authority.name}'s adoption of {adoption.innovation.title}.",
        )
        return redirect(reverse("adoption:moderation-queue"))
    return render(
        request,
        "adoption/moderation/decide.html",
        {"adoption": adoption, "plan": plan, "form": form},
    )
