"""Talk to the originator: the message form on /innovations/<id>/contact/.

The contact's address never reaches the page: templates get the record and the contact's name
and role only."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from shopwindow.accounts import audit
from shopwindow.accounts.models import User
from shopwindow.accounts.permissions import approved_council_ids
from shopwindow.adoption import messaging
from shopwindow.adoption.forms import MessageForm
from shopwindow.authorities.models import Authority
from shopwindow.core.email import absolute_url
from shopwindow.innovations.selectors import get_published


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact(request: HttpRequest, record_id: str) -> HttpResponseBase:
    innovation = get_published(record_id)
    if innovation is None:
        raise Http404("No published record with that id")
    context: dict[str, object] = {"innovation": innovation}
    if not innovation.contact_email:
        return render(request, "adoption/contact_none.html", context, status=404)
    user = request.user
    assert isinstance(user, User)
    councils = Authority.objects.filter(pk__in=approved_council_ids(user)).order_by("name")
    if not councils.exists():
        return render(request, "adoption/contact_members_only.html", context, status=403)
    form = MessageForm(request.POST or None, councils=councils)
    if request.method == "POST" and form.is_valid():
        try:
            messaging.send_message(
                sender=user,
                innovation=innovation,
                council=form.cleaned_data["council"],
                body=form.cleaned_data["body"],
                record_link=absolute_url(innovation.get_absolute_url()),
                origin=audit.origin(request),
            )
        except messaging.RateLimited:
            limits = messaging.limits()
            return render(
                request,
                "adoption/contact_limited.html",
                {
                    **context,
                    "per_hour": limits[messaging.HOURLY][0],
                    "per_day": limits[messaging.DAILY][0],
                },
                status=429,
            )
        return redirect("adoption:contact-sent", record_id=innovation.record_id)
    context.update({"form": form, "single_council": councils.count() == 1})
    return render(request, "adoption/contact.html", context)


@login_required
def contact_sent(request: HttpRequest, record_id: str) -> HttpResponse:
    innovation = get_published(record_id)
    if innovation is None:
        raise Http404("No published record with that id")
    return render(request, "adoption/contact_sent.html", {"innovation": innovation})
