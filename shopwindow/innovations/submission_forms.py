"""The submission form's question pages: one form per task-list section.

Fields are optional at the form level: what is valid is decided once, by
services.validation.validate_record on the assembled record. Each form turns what was typed into
the record's values (`to_values`) and puts the validator's problems back on the right field
(`apply_errors`), so the GOV.UK error summary links to it. Lists of rows (metrics, sources, steps,
risks, barriers, councils) are RowSets: "Add another" buttons and "Remove" checkboxes, no JS.
"""

import re
from typing import Any

from django import forms
from django.http import QueryDict

from shopwindow.authorities.models import Authority
from shopwindow.innovations.error_messages import message_for, unsourced_message
from shopwindow.innovations.services.validation import UNSOURCED, RecordError
from shopwindow.innovations.vocabularies import FUNCTIONS, SERVICE_AREAS, THEMES, RecordStatus

MAX_ROWS = 40
_INDEX = re.compile(r"^([a-z_.]+)\[(\d+)\](?:\.([a-z_]+))?$")


def number_or_text(text: str | None) -> Any:
    """A typed number as a number ("£1,200" -> 1200); anything else as typed, for the validator
    to name; empty as None."""
    text = (text or "").strip()
    if not text:
        return None
    cleaned = text.replace(",", "").replace("£", "").strip()
    try:
        return int(cleaned)
    except ValueError:
        pass
    try:
        return float(cleaned)
    except ValueError:
        return text


def lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def plain_message(label: str, problem: str) -> str:
    if problem == UNSOURCED:
        return unsourced_message(label)
    if problem == "is required":
        return f"Enter {label[0].lower()}{label[1:]}"
    if problem == "must list at least one":
        return f"Select at least one: {label[0].lower()}{label[1:]}"
    return f"{label} {problem}"


def council_choices() -> list[tuple[str, str]]:
    councils = Authority.objects.filter(is_current=True).exclude(gss="").order_by("name")
    return [("", "Select a council")] + [(a.gss, a.name) for a in councils]


def _text(label: str, help_text: str = "", rows: int = 0, **messages: str) -> forms.CharField:
    """An optional text field; `messages` word its errors by kind (see error_messages)."""
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label, required=False, help_text=help_text, widget=widget, error_messages=messages
    )


def add_error_once(form: forms.Form, name: str, message: str) -> None:
    """GOV.UK shows one error per field: the first problem found with it."""
    if not form.has_error(name):
        form.add_error(name, message)


class RowForm(forms.Form):
    """One row of a list; subclasses list `spec_fields` (form field -> record key)."""

    spec_fields: dict[str, str] = {}
    numeric: set[str] = set()
    remove = forms.BooleanField(label="Remove this row", required=False)

    def to_row(self) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for name, key in self.spec_fields.items():
            raw = self[name].value()
            value = number_or_text(raw) if name in self.numeric else (raw or "").strip()
            if value not in (None, ""):
                row[key] = value
        return row


class RowSet:
    """A list of RowForms posted as `<name>-count` plus `<name>-<i>-<field>`."""

    def __init__(
        self,
        name: str,
        form_class: type[RowForm],
        *,
        noun: str,
        data: QueryDict | None = None,
        files: Any = None,
        initial: list[dict[str, Any]] | None = None,
        add: bool = False,
    ) -> None:
        self.name, self.noun, self.form_class = name, noun, form_class
        if data is not None:
            try:
                count = max(0, min(int(data.get(f"{name}-count", "0")), MAX_ROWS))
            except ValueError:
                count = 0
            self.forms = [form_class(data, files, prefix=f"{name}-{i}") for i in range(count)]
        else:
            self.forms = [
                form_class(initial=self._initial(row), prefix=f"{name}-{i}")
                for i, row in enumerate(initial or [])
            ]
        if add or not self.forms:
            self.forms.append(form_class(prefix=f"{name}-{len(self.forms)}"))
        self.kept: list[int] = []

    def _initial(self, row: dict[str, Any]) -> dict[str, Any]:
        return {
            name: row.get(key) for name, key in self.form_class.spec_fields.items() if key in row
        }

    @property
    def count(self) -> int:
        return len(self.forms)

    def rows(self) -> list[dict[str, Any]]:
        """The rows kept (not removed, not empty); remembers which form each came from."""
        result, self.kept = [], []
        for i, form in enumerate(self.forms):
            if form.is_bound and form["remove"].value() in (True, "on", "true"):
                continue
            row = form.to_row()
            if row:
                result.append(row)
                self.kept.append(i)
        return result

    def add_error(self, index: int, key: str | None, message: str) -> None:
        if index >= len(self.kept):
            return
        form = self.forms[self.kept[index]]
        names = [n for n, k in form.spec_fields.items() if k == key] or list(form.spec_fields)
        add_error_once(form, names[0], message)

    def add_problem(self, index: int, key: str | None, problem: str) -> None:
        """A validator problem with one row's field, worded from the field's label."""
        if index >= len(self.kept):
            return
        form = self.forms[self.kept[index]]
        names = [n for n, k in form.spec_fields.items() if k == key] or list(form.spec_fields)
        message = message_for(form.fields[names[0]], problem)
        self.add_error(index, key, f"{self.noun.capitalize()} {index + 1}: {message}")

    def error_items(self) -> list[dict[str, str]]:
        return [
            {"text": str(error), "href": f"#{form[name].auto_id}"}
            for form in self.forms
            for name in form.fields
            for error in form.errors.get(name, [])
        ]


class SectionForm(forms.Form):
    """A task-list section. `rowsets` maps a record path (like `outcomes.metrics`) to a RowSet."""

    paths: dict[str, str] = {}  # record path -> form field name
    # Fields and rowsets (by name) in the order the page shows them, for the error summary;
    # empty: the fields in order, then the rowsets.
    page_order: tuple[str, ...] = ()

    def __init__(self, *args: Any, record: dict[str, Any], **kwargs: Any) -> None:
        self.add_target: str = kwargs.pop("add", "")
        self.owner: Authority | None = kwargs.pop("owner", None)
        super().__init__(*args, **kwargs)
        self.record = record
        self.rowsets: dict[str, RowSet] = {}
        self.extra_errors: list[dict[str, str]] = []
        if not self.is_bound:
            self.initial = self.initial_from(record)

    def initial_from(self, record: dict[str, Any]) -> dict[str, Any]:
        return {}

    def make_rowset(
        self, path: str, name: str, form_class: type[RowForm], noun: str, initial: Any
    ) -> RowSet:
        rowset = RowSet(
            name,
            form_class,
            noun=noun,
            data=self.data if self.is_bound else None,  # type: ignore[arg-type]
            files=self.files if self.is_bound else None,
            initial=list(initial or []),
            add=self.add_target == name,
        )
        self.rowsets[path] = rowset
        return rowset

    def to_values(self) -> dict[str, Any]:
        raise NotImplementedError

    def apply_errors(self, errors: list[RecordError]) -> None:
        for error in errors:
            match = _INDEX.match(error.path)
            if match and match.group(1) in self.rowsets:
                rowset = self.rowsets[match.group(1)]
                rowset.add_problem(int(match.group(2)), match.group(3), error.problem)
                continue
            name = self.paths.get(error.path) or self.paths.get(error.path.split("[")[0])
            if name is None and error.path in self.rowsets:
                rowset = self.rowsets[error.path]
                name = None
                if rowset.forms:
                    first = rowset.forms[0]
                    add_error_once(
                        first,
                        next(iter(first.spec_fields)),
                        plain_message(rowset.noun.capitalize(), error.problem),
                    )
                continue
            if name is None:
                name = next(iter(self.fields))
            add_error_once(self, name, message_for(self.fields[name], error.problem))

    def error_items(self) -> list[dict[str, str]]:
        """Every error, in the order the page shows the fields (GOV.UK error summary), each
        linking to its field."""
        rowsets = {rowset.name: rowset for rowset in self.rowsets.values()}
        order = self.page_order or (*self.fields, *rowsets)
        items: list[dict[str, str]] = []
        for name in order:
            if name in rowsets:
                items += rowsets[name].error_items()
            elif name in self.errors:
                items += [
                    {"text": str(e), "href": f"#{self.anchor(name)}"} for e in self.errors[name]
                ]
        return items

    def anchor(self, name: str) -> str:
        field = self[name]
        if isinstance(field.field.widget, (forms.CheckboxSelectMultiple, forms.RadioSelect)):
            return str(field.auto_id)  # GOV.UK gives the first item the prefix as its id
        return str(field.auto_id)


# --- About the innovation ------------------------------------------------------------------------


class AboutForm(SectionForm):
    title = _text(
        "Title",
        "A short name for the innovation, in plain text",
        required="Enter a title",
    )
    summary = _text(
        "Summary",
        "What was done and what it achieved, in 20 to 400 characters",
        rows=3,
        required="Enter a summary",
    )
    problem = _text(
        "The problem",
        "The situation before. You can use Markdown, like **bold** and lists",
        rows=6,
        required="Enter the problem: the situation before",
    )
    approach = _text(
        "What you did",
        "The approach taken. You can use Markdown, like **bold** and lists",
        rows=8,
        required="Enter what you did",
    )
    themes = forms.MultipleChoiceField(
        label="Themes",
        required=False,
        choices=[(code, label) for code, label, _ in THEMES],
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
        error_messages={"required": "Select at least one theme"},
    )
    service_areas = forms.MultipleChoiceField(
        label="Service areas",
        required=False,
        choices=[(code, label) for code, label, _ in SERVICE_AREAS],
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
        error_messages={"required": "Select at least one service area"},
    )
    functions = forms.MultipleChoiceField(
        label="Council functions it changes (optional)",
        required=False,
        choices=FUNCTIONS,
        widget=forms.CheckboxSelectMultiple,
        help_text="Finer than service areas: trading standards, not regulatory services",
    )
    status = forms.ChoiceField(
        label="Where is it now?",
        required=False,
        choices=RecordStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select where it is now"},
    )
    started_month = forms.CharField(label="Month", required=False)
    started_year = forms.CharField(label="Year", required=False)

    paths = {
        "title": "title",
        "summary": "summary",
        "problem": "problem",
        "approach": "approach",
        "themes": "themes",
        "service_areas": "service_areas",
        "functions": "functions",
        "status": "status",
        "started_on": "started_month",
        "id": "title",
    }
    markdown_fields = ("problem", "approach")

    def initial_from(self, record: dict[str, Any]) -> dict[str, Any]:
        initial = {k: record.get(k) for k in self.paths if k not in {"started_on", "id"}}
        started = str(record.get("started_on") or "")
        if started:
            parts = started.split("-")
            initial["started_year"] = parts[0]
            initial["started_month"] = str(int(parts[1])) if len(parts) > 1 else ""
        return initial

    def to_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        year = (data.get("started_year") or "").strip()
        month = (data.get("started_month") or "").strip()
        started: str | None = None
        if year or month:
            started = year if not month else f"{year}-{month.zfill(2)}"
        return {
            "title": (data.get("title") or "").strip(),
            "summary": (data.get("summary") or "").strip(),
            "problem": (data.get("problem") or "").strip(),
            "approach": (data.get("approach") or "").strip(),
            "themes": list(data.get("themes") or []),
            "service_areas": list(data.get("service_areas") or []),
            "functions": list(data.get("functions") or []),
            "status": data.get("status") or None,
            "started_on": started,
        }

    def apply_errors(self, errors: list[RecordError]) -> None:
        for error in errors:
            if error.path == "started_on":
                add_error_once(
                    self,
                    "started_month",
                    "The date it started must be a real month and year, like 4 2015, "
                    "or just a year",
                )
            else:
                super().apply_errors([error])

    def date_params(self) -> dict[str, Any]:
        errors = self.errors.get("started_month") if self.is_bound else None
        item_classes = "govuk-input--width-2" + (" govuk-input--error" if errors else "")
        params: dict[str, Any] = {
            "id": "started_on",
            "namePrefix": "started",
            "fieldset": {
                "legend": {
                    "text": "When did it start? (optional)",
                    "classes": "govuk-fieldset__legend--s",
                }
            },
            "hint": {"text": "A year, or a month and year. For example, 4 2015 or 2015"},
            "items": [
                {
                    "id": self["started_month"].auto_id,
                    "name": "month",
                    "label": "Month",
                    "classes": item_classes,
                    "value": self["started_month"].value() or "",
                },
                {
                    "id": self["started_year"].auto_id,
                    "name": "year",
                    "label": "Year",
                    "classes": "govuk-input--width-4" + (" govuk-input--error" if errors else ""),
                    "value": self["started_year"].value() or "",
                },
            ],
        }
        if errors:
            params["errorMessage"] = {"text": " ".join(str(e) for e in errors)}
        return params

    def add_prefix(self, field_name: str) -> str:
        # The GOV.UK date input posts "<namePrefix>-month"; keep the same names here.
        if field_name in {"started_month", "started_year"}:
            return field_name.replace("_", "-")
        return super().add_prefix(field_name)
