"""A record picker for forms that link published records (a help request's "builds on", the
records an associate helped deliver), in place of typing internal ids.

Without JavaScript: the form has a search box and a "Search records" button. Searching posts
the form, which comes back with everything typed kept, no errors shown, and checkboxes for the
records whose titles match, beside the records already ticked. Ticked records are kept across
searches. The checkbox values are record ids; people only ever see titles.
"""

from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.forms.utils import ErrorDict

from shopwindow.innovations.models import Innovation
from shopwindow.innovations.selectors import published_innovations

SEARCH_ACTION = "find-records"
MAX_FOUND = 20


def _titles(*, include_illustrative: bool = False) -> QuerySet[Innovation]:
    """Published records, ids and titles only (no relations)."""
    return (
        published_innovations(include_illustrative=include_illustrative)
        .select_related(None)
        .prefetch_related(None)
        .only("record_id", "title")
    )


def published_by_title(query: str, *, limit: int = MAX_FOUND) -> QuerySet[Innovation]:
    """Published records whose title contains every word of the query, by title."""
    words = [w for w in query.split() if w][:8]
    if not words:
        return Innovation.objects.none()
    condition = Q()
    for word in words:
        condition &= Q(title__icontains=word)
    return _titles().filter(condition).order_by("title", "record_id")[:limit]


class RecordsField(forms.MultipleChoiceField):
    """Ticked record ids; an empty value (an empty list posted as "") means none."""

    def to_python(self, value: Any) -> list[str]:
        return [v for v in super().to_python(value) if v]


def records_field(label: str, hint: str) -> forms.MultipleChoiceField:
    return RecordsField(
        label=label,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=hint,
        error_messages={"invalid_choice": "Select records from the search results"},
    )


def search_field() -> forms.CharField:
    return forms.CharField(
        label="Search published records by title",
        required=False,
        max_length=200,
        help_text="For example, ‘waste’ or ‘shared planning’",
    )


class RecordPickerMixin:
    """For a form with a records_field named `picker_field` and a search_field `record_search`.

    Call `setup_picker(selected)` at the end of __init__, with the record ids picked before (for
    an unbound form); `picked_records()` in clean_<picker_field>."""

    picker_field = "linked"
    found: list[Innovation]

    def setup_picker(self, selected: list[str] | None = None) -> None:
        form: Any = self
        if form.is_bound:
            selected = [v for v in form.data.getlist(form.add_prefix(self.picker_field)) if v]
            query = str(form.data.get(form.add_prefix("record_search"), "")).strip()
        else:
            form.initial[self.picker_field] = list(selected or [])
            query = ""
        chosen = {
            r.record_id: r
            for r in _titles(include_illustrative=True).filter(record_id__in=list(selected or []))
        }
        self.found = list(published_by_title(query)) if query else []
        ordered = [chosen[i] for i in dict.fromkeys(selected or []) if i in chosen]
        ordered += [r for r in self.found if r.record_id not in chosen]
        form.fields[self.picker_field].choices = [(r.record_id, r.title) for r in ordered]
        self.searched = query if form.is_bound else ""

    def picked_records(self) -> list[Innovation]:
        form: Any = self
        ids = list(form.cleaned_data.get(self.picker_field) or [])
        found = {
            r.record_id: r for r in _titles(include_illustrative=True).filter(record_id__in=ids)
        }
        return [found[i] for i in dict.fromkeys(ids) if i in found]

    def show_without_errors(self) -> None:
        """After a search the form is shown again to carry on: nothing is submitted yet, so no
        field is marked as wrong."""
        form: Any = self
        form.full_clean()
        form._errors = ErrorDict()
