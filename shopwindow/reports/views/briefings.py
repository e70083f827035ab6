"""Briefing packs (moderators only): pick records and barriers, order them, introduce, export."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from shopwindow.accounts import audit
from shopwindow.accounts.decorators import moderator_required
from shopwindow.core.markdown import render_markdown
from shopwindow.innovations.vocabularies import THEMES
from shopwindow.reports import briefing_exports, briefing_selectors, briefing_services
from shopwindow.reports.forms import BriefingPackForm
from shopwindow.reports.models import BriefingItem, BriefingPack

PICK_LIMIT = 200  # search results shown at once; a search narrows them


def _pack(pk: int) -> BriefingPack:
    return get_object_or_404(BriefingPack, pk=pk)


def _site(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@moderator_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request, "reports/briefings/index.html", {"packs": briefing_selectors.briefing_packs()}
    )


@moderator_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponseBase:
    form = BriefingPackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        pack = briefing_services.create_pack(
            actor=request.user, origin=audit.origin(request), **form.cleaned_data
        )
        return redirect(pack)
    return render(request, "reports/briefings/form.html", {"form": form, "pack": None})


@moderator_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponseBase:
    pack = _pack(pk)
    initial = {"title": pack.title, "introduction": pack.introduction}
    form = BriefingPackForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        briefing_services.update_pack(
            pack=pack, actor=request.user, origin=audit.origin(request), **form.cleaned_data
        )
        messages.success(request, "Briefing pack saved")
        return redirect(pack)
    return render(request, "reports/briefings/form.html", {"form": form, "pack": pack})


@moderator_required
@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    pack = _pack(pk)
    return render(
        request,
        "reports/briefings/detail.html",
        {
            "pack": pack,
            "items": briefing_selectors.pack_items(pack),
            "introduction": render_markdown(pack.introduction),
        },
    )


def _search(request: HttpRequest) -> tuple[str, str]:
    query = request.GET.get("q", "").strip()[:100]
    theme = request.GET.get("theme", "")
    return query, theme if theme in {code for code, _, _ in THEMES} else ""


def _theme_select(theme: str) -> dict[str, object]:
    items = [{"value": "", "text": "All themes"}] + [
        {"value": code, "text": label, "selected": code == theme} for code, label, _ in THEMES
    ]
    return {"id": "theme", "name": "theme", "label": {"text": "Theme"}, "items": items}


@moderator_required
@require_http_methods(["GET", "POST"])
def pick_records(request: HttpRequest, pk: int) -> HttpResponseBase:
    pack = _pack(pk)
    if request.method == "POST":
        ids = [int(v) for v in request.POST.getlist("records") if v.isdigit()]
        chosen = list(briefing_selectors.pickable_records().filter(pk__in=ids))
        if not chosen:
            messages.error(request, "Select at least one record")
            return redirect("briefings:pick-records", pk=pack.pk)
        added = briefing_services.add_records(
            pack=pack, actor=request.user, records=chosen, origin=audit.origin(request)
        )
        messages.success(request, f"{len(added)} record{'s' if len(added) != 1 else ''} added")
        return redirect(pack)
    query, theme = _search(request)
    records = list(briefing_selectors.pickable_records(query=query, theme=theme)[:PICK_LIMIT])
    items = [
        {
            "value": str(r.pk),
            "text": f"{r.title}{' (illustrative)' if r.is_illustrative else ''}",
            "hint": {"text": r.summary},
        }
        for r in records
    ]
    return render(
        request,
        "reports/briefings/pick.html",
        {
            "pack": pack,
            "kind": "records",
            "query": query,
            "theme_select": _theme_select(theme),
            "checkboxes": {
                "name": "records",
                "idPrefix": "records",
                "fieldset": {
                    "legend": {"text": "Choose records", "classes": "govuk-fieldset__legend--m"}
                },
                "items": items,
            },
            "count": len(items),
        },
    )


@moderator_required
@require_http_methods(["GET", "POST"])
def pick_barriers(request: HttpRequest, pk: int) -> HttpResponseBase:
    pack = _pack(pk)
    if request.method == "POST":
        ids = [int(v) for v in request.POST.getlist("barriers") if v.isdigit()]
        chosen = list(briefing_selectors.pickable_barriers().filter(pk__in=ids))
        if not chosen:
            messages.error(request, "Select at least one barrier")
            return redirect("briefings:pick-barriers", pk=pack.pk)
        added = briefing_services.add_barriers(
            pack=pack, actor=request.user, barriers=chosen, origin=audit.origin(request)
        )
        messages.success(request, f"{len(added)} barrier{'s' if len(added) != 1 else ''} added")
        return redirect(pack)
    query, theme = _search(request)
    barriers = list(briefing_selectors.pickable_barriers(query=query, theme=theme)[:PICK_LIMIT])
    items = [
        {
            "value": str(b.pk),
            "text": b.barrier,
            "hint": {
                "text": (
                    f"Ask of government: {b.ask_of_government}. " if b.ask_of_government else ""
                )
                + f"From: {b.innovation.title}"
            },
        }
        for b in barriers
    ]
    return render(
        request,
        "reports/briefings/pick.html",
        {
            "pack": pack,
            "kind": "barriers",
            "query": query,
            "theme_select": _theme_select(theme),
            "checkboxes": {
                "name": "barriers",
                "idPrefix": "barriers",
                "fieldset": {
                    "legend": {"text": "Choose barriers", "classes": "govuk-fieldset__legend--m"}
                },
                "items": items,
            },
            "count": len(items),
        },
    )


def _item(pack: BriefingPack, item_pk: int) -> BriefingItem:
    return get_object_or_404(BriefingItem, pk=item_pk, pack=pack)


@moderator_required
@require_POST
def move(request: HttpRequest, pk: int, item_pk: int) -> HttpResponseBase:
    pack = _pack(pk)
    direction = request.POST.get("direction", "")
    if direction in ("up", "down"):
        briefing_services.move_item(
            item=_item(pack, item_pk),
            actor=request.user,
            direction=direction,
            origin=audit.origin(request),
        )
    return redirect(f"{pack.get_absolute_url()}#item-{item_pk}")


@moderator_required
@require_POST
def remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponseBase:
    pack = _pack(pk)
    briefing_services.remove_item(
        item=_item(pack, item_pk), actor=request.user, origin=audit.origin(request)
    )
    messages.success(request, "Item removed")
    return redirect(pack)


@moderator_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, pk: int) -> HttpResponseBase:
    pack = _pack(pk)
    if request.method == "POST":
        briefing_services.delete_pack(pack=pack, actor=request.user, origin=audit.origin(request))
        messages.success(request, f"Briefing pack ‘{pack.title}’ deleted")
        return redirect("briefings:index")
    return render(request, "reports/briefings/delete.html", {"pack": pack})


@moderator_required
@require_safe
def download(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    pack = _pack(pk)
    if file_format not in ("pdf", "md"):
        raise Http404("Briefings download as pdf or md")
    items = briefing_selectors.pack_items(pack)
    name = slugify(pack.title)[:60] or "briefing"
    if file_format == "pdf":
        body = briefing_exports.briefing_pdf(pack, items, site_url=_site(request))
        response = HttpResponse(body, content_type="application/pdf")
    else:
        text = briefing_exports.briefing_markdown(pack, items, site_url=_site(request))
        response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    briefing_services.record_export(
        pack=pack, actor=request.user, file_format=file_format, origin=audit.origin(request)
    )
    return response
