"""A council's comparators and the services it runs, and the pages that explain both methods."""

from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from shopwindow.authorities.models import Authority
from shopwindow.core.markdown import render_markdown
from shopwindow.tailoring import functions as functions_table
from shopwindow.tailoring import powers as powers_table
from shopwindow.tailoring import selectors


def _council_or_404(gss: str) -> Authority:
    council = selectors.authority_by_identifier(gss)
    if council is None:
        raise Http404(f"No council has the code {gss}")
    return council


def _doc(name: str) -> str:
    # The method pages render the same Markdown the repository documents, so they cannot drift.
    # The file's "# Title" line is dropped: the page template gives the h1.
    text = (Path(settings.BASE_DIR) / "docs" / name).read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    return rest if first.startswith("# ") else text


@require_safe
def comparators(request: HttpRequest, gss: str) -> HttpResponse:
    council = _council_or_404(gss)
    # An unknown scope falls back to the default rather than erroring: it is a page switch.
    scope = request.GET.get("scope", "nation")
    scope = scope if scope in selectors.SCOPES else "nation"
    found = list(selectors.comparators_for(council, scope))
    return render(
        request,
        "tailoring/comparators.html",
        {
            "council": council,
            "comparators": found,
            "scope": scope,
            "method": selectors.method_for(council, scope),
            "reason": "" if found else selectors.no_comparators_reason(council),
        },
    )


@require_safe
def powers(request: HttpRequest, gss: str) -> HttpResponse:
    council = _council_or_404(gss)
    return render(
        request,
        "tailoring/powers.html",
        {
            "council": council,
            "powers": powers_table.powers_for(council),
            "functions": functions_table.functions_for(council),
        },
    )


@require_safe
def comparators_method(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "tailoring/method.html",
        {
            "title": "How we choose comparable councils",
            "body": render_markdown(_doc("comparators.md")),
        },
    )


@require_safe
def powers_method(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "tailoring/method.html",
        {
            "title": "Which councils run which services",
            "body": render_markdown(_doc("powers.md")),
            "columns": [label for _, label in powers_table.SUMMARY_COLUMNS],
            "matrix": powers_table.summary_matrix(),
            "function_matrix": functions_table.function_matrix(
                kind for kind, _ in powers_table.SUMMARY_COLUMNS
            ),
        },
    )
