"""The page where signed-in users create and revoke personal API tokens, and the API's
interactive documentation (Swagger UI, served from this site under its Content Security Policy).

Who may create a token is the permission matrix's api_token row (accounts.permissions.can):
council members, associates, moderators and admins. A member of no council sees why not, and can
still see and revoke the tokens they made while they belonged to one.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from shopwindow.accounts import audit
from shopwindow.accounts.models import User
from shopwindow.accounts.permissions import can
from shopwindow.api import selectors, services
from shopwindow.api.forms import TokenForm

NEW_TOKEN_SESSION_KEY = "api_new_token"  # noqa: S105 - a session key name


def docs(request: HttpRequest) -> HttpResponse:
    """Swagger UI from the swagger-ui-dist npm package (laid out by `make frontend`), started by
    a static script: no CDN, no inline script."""
    return render(
        request,
        "api/docs.html",
        {"title": "Shopwindow API", "openapi_url": reverse("api:openapi-json")},
    )


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    may_create = can(user, "create", "api_token")
    if request.method == "POST":
        if not may_create:
            raise PermissionDenied("Only council members and associates can create API tokens")
        form = TokenForm(request.POST)
        if form.is_valid():
            token, value = services.create_token(
                user=user, name=form.cleaned_data["name"], origin=audit.origin(request)
            )
            # Shown once, on the next page only: the value is not stored anywhere else.
            request.session[NEW_TOKEN_SESSION_KEY] = {"name": token.name, "value": value}
            return redirect("api-tokens:list")
    else:
        form = TokenForm()
    new_token = request.session.pop(NEW_TOKEN_SESSION_KEY, None)
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "may_create": may_create,
            "tokens": selectors.tokens_for(user),
            "new_token": new_token,
        },
    )


@login_required
@require_POST
def revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if services.revoke_token(user=user, token_id=token_id, origin=audit.origin(request)):
        messages.success(request, "Token revoked. It can no longer be used.")
    else:
        messages.error(request, "That token was not found or was already revoked.")
    return redirect("api-tokens:list")
