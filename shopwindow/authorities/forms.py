"""The councils list's filter form: a GET form, so every filter lives in the URL."""

from typing import TypedDict

from django import forms

from shopwindow.authorities.vocabularies import AuthorityType, Nation, Region


def _with_all(label: str, choices: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("", label), *choices]


class CouncilFilters(TypedDict):
    q: str | None
    nation: str | None
    region: str | None
    authority_type: str | None
    current: bool | None


class CouncilFilterForm(forms.Form):
    q = forms.CharField(
        label="Search by name", required=False, max_length=100, help_text="For example, South Hams"
    )
    nation = forms.ChoiceField(
        label="Nation", required=False, choices=_with_all("All nations", Nation.choices)
    )
    region = forms.ChoiceField(
        label="Region", required=False, choices=_with_all("All regions", Region.choices)
    )
    type = forms.ChoiceField(
        label="Type of council",
        required=False,
        choices=_with_all("All types", AuthorityType.choices),
    )
    former = forms.BooleanField(label="Include former councils", required=False)

    def filters(self) -> CouncilFilters:
        """Keyword arguments for selectors.filter_authorities; invalid fields are left out."""
        self.is_valid()  # Django drops invalid fields from cleaned_data
        data = self.cleaned_data
        return {
            "q": data.get("q") or None,
            "nation": data.get("nation") or None,
            "region": data.get("region") or None,
            "authority_type": data.get("type") or None,
            "current": None if data.get("former") else True,
        }
