"""Follow pages: manage what you follow, follow or unfollow one thing, and unsubscribe by link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from shopwindow.accounts.models import User
from shopwindow.follows import selectors, services
from shopwindow.follows.forms import FollowForm, TopicsForm
from shopwindow.follows.models import FollowKind


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    current = selectors.follows_of(user)
    initial = {
        "themes": [f.code for f in current if f.kind == FollowKind.THEME],
        "service_areas": [f.code for f in current if f.kind == FollowKind.SERVICE_AREA],
    }
    form = TopicsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.set_follows(user, FollowKind.THEME, form.cleaned_data["themes"])
        services.set_follows(user, FollowKind.SERVICE_AREA, form.cleaned_data["service_areas"])
        messages.success(request, "Your follows have been saved.")
        return redirect("follows:manage")
    return render(
        request,
        "follows/manage.html",
        {"form": form, "followed": selectors.described_follows(user)},
    )


def _back(request: HttpRequest, target: str) -> HttpResponseBase:
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("follows:manage")


@login_required
@require_POST
def follow(request: HttpRequest) -> HttpResponseBase:
    form = FollowForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That cannot be followed.")
        return redirect("follows:manage")
    try:
        services.follow(_user(request), form.cleaned_data["kind"], form.cleaned_data["code"])
    except services.FollowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "You are following it. You will get a weekly email digest.")
    return _back(request, form.cleaned_data["next"])


@login_required
@require_POST
def follow_topics(request: HttpRequest) -> HttpResponseBase:
    """Follow several themes and service areas at once ("theme:<code>", "service:<code>")."""
    user = _user(request)
    kinds = {"theme": FollowKind.THEME, "service": FollowKind.SERVICE_AREA}
    count = 0
    for topic in request.POST.getlist("topic"):
        kind, _, code = topic.partition(":")
        if kind not in kinds:
            continue
        try:
            services.follow(user, kinds[kind], code)
        except services.FollowError:
            continue  # a skill whose theme no longer exists is skipped, not an error
        count += 1
    messages.success(request, f"You now follow {count} themes and service areas.")
    return _back(request, request.POST.get("next", ""))


@login_required
@require_POST
def unfollow(request: HttpRequest) -> HttpResponseBase:
    form = FollowForm(request.POST)
    if form.is_valid():
        services.unfollow(_user(request), form.cleaned_data["kind"], form.cleaned_data["code"])
        messages.success(request, "You are no longer following it.")
        return _back(request, form.cleaned_data["next"])
    return redirect("follows:manage")


# The token is the credential (no sign-in); mail clients' RFC 8058 one-click POST has no CSRF
# token, and the action only ever removes the token owner's own follows.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    user = services.user_for_token(token)
    if user is None:
        return render(request, "follows/unsubscribe_invalid.html", status=404)
    if request.method == "POST":
        services.unsubscribe_all(user)
        return render(request, "follows/unsubscribed.html")
    return render(
        request, "follows/unsubscribe.html", {"count": selectors.follows_of(user).count()}
    )
