"""The council picker: anyone can choose a council for this visit; it is kept in the session."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from shopwindow.authorities.models import Authority
from shopwindow.tailoring.forms import CouncilChoiceForm
from shopwindow.tailoring.selectors import SESSION_KEY, chosen_council


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


@require_http_methods(["GET", "HEAD", "POST"])
def your_council(request: HttpRequest) -> HttpResponse:
    next_url = _next_url(request)
    if request.method == "POST" and request.POST.get("action") == "clear":
        request.session.pop(SESSION_KEY, None)
        messages.success(request, "You have cleared your council.")
        return HttpResponseRedirect(next_url or reverse("tailoring:your-council"))

    if request.method == "POST":
        form = CouncilChoiceForm(request.POST)
        if form.is_valid():
            council = Authority.objects.get(gss=form.cleaned_data["council"], is_current=True)
            request.session[SESSION_KEY] = council.gss
            messages.success(request, f"Your council is now {council.name}.")
            return HttpResponseRedirect(next_url or reverse("tailoring:your-council"))
    else:
        current = chosen_council(request)
        form = CouncilChoiceForm(initial={"council": current.gss if current else ""})
    return render(
        request,
        "tailoring/your_council.html",
        {
            "form": form,
            "council": chosen_council(request),
            "from_session": bool(request.session.get(SESSION_KEY)),
            "next_url": next_url,
        },
    )
