"""Tailoring pages: a council's comparators, powers and recommended options, the method pages,
and the council picker.

Included at the site root before the authorities app, so these specific paths under /councils/
are matched before its /councils/<gss>/ pattern.
"""

from django.urls import path

from shopwindow.tailoring.views import councils, picker, recommended

app_name = "tailoring"

urlpatterns = [
    path(
        "councils/how-we-choose-comparators/",
        councils.comparators_method,
        name="comparators-method",
    ),
    path("councils/who-runs-what/", councils.powers_method, name="powers-method"),
    path("councils/how-we-score-fit/", recommended.fit_method, name="fit-method"),
    path("councils/<str:gss>/comparators/", councils.comparators, name="comparators"),
    path("councils/<str:gss>/powers/", councils.powers, name="powers"),
    path("councils/<str:gss>/recommended/", recommended.recommended, name="recommended"),
    path("your-council/", picker.your_council, name="your-council"),
]
