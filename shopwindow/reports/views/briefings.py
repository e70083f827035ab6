"""Briefing packs (moderators only): pick records and barriers, order them, introduce, export."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from shopwindow.accounts import audit
from shopwindow.accounts.decorators import moderator_required
from shopwindow.core.email import absolute_url
from shopwindow.core.markdown import render_markdown
from shopwindow.innovations.models import Barrier, Innovation
from shopwindow.innovations.vocabularies import THEMES
from shopwindow.reports import briefing_exports, briefing_selectors, briefing_services
from shopwindow.reports.forms import BriefingPackForm
from shopwindow.reports.models import BriefingItem, BriefingPack

PICK_LIMIT = 200  # search results shown at once; a search narrows them


def _pack(pk: int) -> BriefingPack:
    return get_object_or_404(BriefingPack, pk=pk)


def _site() -> str:
    """The service's public address (SITE_URL), not whatever host the request came in on: the
    pack is a document that travels, so its links must be the canonical ones."""
    return absolute_url("/").rstrip("/")


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


@dataclass(frozen=True)
class _Picker:
    """What differs between choosing records and choosing barriers for a pack."""

    kind: str  # "records" or "barriers": the form field, the URL name and the words
    candidates: Callable[..., QuerySet[Any]]
    add: Callable[..., list[BriefingItem]]
    option: Callable[[Any], dict[str, object]]


def _record_option(record: Innovation) -> dict[str, object]:
    illustrative = " (illustrative)" if record.is_illustrative else ""
    return {
        "value": str(record.pk),
        "text": f"{record.title}{illustrative}",
        "hint": {"text": record.summary},
    }


def _barrier_option(barrier: Barrier) -> dict[str, object]:
    ask = f"Ask of government: {barrier.ask_of_government}. " if barrier.ask_of_government else ""
    return {
        "value": str(barrier.pk),
        "text": barrier.barrier,
        "hint": {"text": f"{ask}From: {barrier.innovation.title}"},
    }


def _add_records(
    *, pack: BriefingPack, actor: Any, chosen: list[Any], origin: audit.Origin | None
) -> list[BriefingItem]:
    return briefing_services.add_records(pack=pack, actor=actor, records=chosen, origin=origin)


def _add_barriers(
    *, pack: BriefingPack, actor: Any, chosen: list[Any], origin: audit.Origin | None
) -> list[BriefingItem]:
    return briefing_services.add_barriers(pack=pack, actor=actor, barriers=chosen, origin=origin)


PICKERS = {
    "records": _Picker(
        "records", briefing_selectors.pickable_records, _add_records, _record_option
    ),
    "barriers": _Picker(
        "barriers", briefing_selectors.pickable_barriers, _add_barriers, _barrier_option
    ),
}


def _pick(request: HttpRequest, pk: int, picker: _Picker) -> HttpResponseBase:
    pack = _pack(pk)
    singular = picker.kind.removesuffix("s")
    if request.method == "POST":
        ids = [int(v) for v in request.POST.getlist(picker.kind) if v.isdigit()]
        chosen = list(picker.candidates().filter(pk__in=ids))
        if not chosen:
            messages.error(request, f"Select at least one {singular}")
            return redirect(f"briefings:pick-{picker.kind}", pk=pack.pk)
        added = picker.add(
            pack=pack, actor=request.user, chosen=chosen, origin=audit.origin(request)
        )
        messages.success(request, f"{len(added)} {singular}{'s' if len(added) != 1 else ''} added")
        return redirect(pack)
    query, theme = _search(request)
    items = [picker.option(c) for c in picker.candidates(query=query, theme=theme)[:PICK_LIMIT]]
    legend = {"text": f"Choose {picker.kind}", "classes": "govuk-fieldset__legend--m"}
    checkboxes = {"name": picker.kind, "idPrefix": picker.kind, "fieldset": {"legend": legend}}
    return render(
        request,
        "reports/briefings/pick.html",
        {
            "pack": pack,
            "kind": picker.kind,
            "query": query,
            "theme_select": _theme_select(theme),
            "checkboxes": {**checkboxes, "items": items},
            "count": len(items),
        },
    )


@moderator_required
@require_http_methods(["GET", "POST"])
def pick_records(request: HttpRequest, pk: int) -> HttpResponseBase:
    return _pick(request, pk, PICKERS["records"])


@moderator_required
@require_http_methods(["GET", "POST"])
def pick_barriers(request: HttpRequest, pk: int) -> HttpResponseBase:
    return _pick(request, pk, PICKERS["barriers"])


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
        body = briefing_exports.briefing_pdf(pack, items, site_url=_site())
        response = HttpResponse(body, content_type="application/pdf")
    else:
        text = briefing_exports.briefing_markdown(pack, items, site_url=_site())
        response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    briefing_services.record_export(
        pack=pack, actor=request.user, file_format=file_format, origin=audit.origin(request)
    )
    return response
