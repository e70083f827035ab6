"""Comparator: one of a council's 15 nearest neighbours, precomputed by build_comparators."""

from django.db import models

from shopwindow.authorities.models import Authority


class ComparatorScope(models.TextChoices):
    NATION = "nation", "Councils in the same nation"
    UK = "uk", "Councils across the UK"


class Comparator(models.Model):
    """`comparator` is the `rank`-th nearest council to `authority` within its comparison group.

    `distance` is rebased for this council (its farthest group member is 1), so it is not
    symmetric; `standardised_distance` is the weighted Euclidean distance before rebasing, which is.
    """

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="comparators")
    comparator = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="comparator_of"
    )
    # Within the council's own nation (the default) or across the UK: nations' councils run
    # different functions and their deprivation indices are national (docs/comparators.md).
    scope = models.CharField(
        max_length=10, choices=ComparatorScope.choices, default=ComparatorScope.NATION
    )
    rank = models.PositiveSmallIntegerField(help_text="1 is the most similar council")
    distance = models.FloatField(help_text="0 is identical; 1 is the farthest council in the group")
    standardised_distance = models.FloatField(
        help_text="Weighted Euclidean distance between standardised profiles, before rebasing"
    )

    class Meta:
        ordering = ["authority", "scope", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "scope", "rank"], name="comparator_unique_scope_rank"
            ),
            models.UniqueConstraint(
                fields=["authority", "scope", "comparator"], name="comparator_unique_scope_pair"
            ),
            models.CheckConstraint(
                condition=~models.Q(authority=models.F("comparator")),
                name="comparator_not_self",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.authority} → {self.comparator} (#{self.rank})"
