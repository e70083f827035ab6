"""Forms for follows: the themes and service areas checkboxes, and one follow or unfollow."""

from django import forms

from shopwindow.follows.models import FollowKind
from shopwindow.innovations.models import ServiceArea, Theme


class TopicsForm(forms.Form):
    themes = forms.MultipleChoiceField(
        label="Themes", required=False, widget=forms.CheckboxSelectMultiple
    )
    service_areas = forms.MultipleChoiceField(
        label="Service areas", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["themes"].choices = list(Theme.objects.values_list("code", "label"))  # type: ignore[attr-defined]
        self.fields["service_areas"].choices = list(  # type: ignore[attr-defined]
            ServiceArea.objects.values_list("code", "label")
        )


class FollowForm(forms.Form):
    kind = forms.ChoiceField(choices=FollowKind.choices)
    code = forms.CharField(max_length=80)
    next = forms.CharField(max_length=300, required=False)
