"""The Authority model: one row per UK council, current or former."""

from django.db import models
from django.urls import reverse

from shopwindow.authorities.vocabularies import (
    DISTRICT_LEVEL_TYPES,
    AuthorityType,
    Nation,
    Region,
)


class Authority(models.Model):
    """A UK local authority, keyed by its GSS code. Former councils stay, marked by end_date."""

    # Unique when present. The 25 Northern Ireland councils abolished in 2015 never had a GSS
    # code, so they are blank here and addressed by their register code instead.
    gss = models.CharField("GSS code", max_length=9, blank=True, db_index=True)
    code = models.CharField(
        "register code", max_length=8, unique=True, help_text="mySociety three-to-four letter code"
    )
    official_name = models.CharField(max_length=200)
    name = models.CharField("short name", max_length=120)
    nation = models.CharField(max_length=20, choices=Nation.choices)
    region = models.CharField(max_length=30, choices=Region.choices, blank=True)
    authority_type = models.CharField(max_length=30, choices=AuthorityType.choices)
    parent_county = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="districts",
        help_text="For a non-metropolitan district, the county council above it",
    )
    combined_authority = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="constituent_members",
        help_text="The combined authority (or the GLA) this council belongs to",
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    is_current = models.BooleanField(default=True)
    replaced_by = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="predecessors"
    )
    population = models.PositiveIntegerField(null=True, blank=True)
    population_source = models.CharField(max_length=60, blank=True)
    area_sq_km = models.FloatField(null=True, blank=True)
    density = models.FloatField("people per square kilometre", null=True, blank=True)
    deprivation_score = models.FloatField(
        null=True, blank=True, help_text="mySociety composite UK index: higher is more deprived"
    )
    deprivation_quintile = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="1 is the most deprived fifth of councils"
    )
    imd_2025_rank = models.PositiveSmallIntegerField(
        "IoD 2025 rank",
        null=True,
        blank=True,
        help_text="England only: rank of average score among 296 districts (1 = most deprived)",
    )
    imd_2025_score = models.FloatField("IoD 2025 average score", null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    hex_q = models.SmallIntegerField(null=True, blank=True)
    hex_r = models.SmallIntegerField(null=True, blank=True)
    notes = models.TextField(blank=True, help_text="Corrections applied on load, with reasons")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "authorities"
        indexes = [
            models.Index(fields=["authority_type", "is_current"]),
            models.Index(fields=["nation", "region"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["gss"], condition=~models.Q(gss=""), name="authority_gss_unique_when_set"
            ),
        ]

    def __str__(self) -> str:
        return self.official_name

    def get_absolute_url(self) -> str:
        return reverse("authorities:detail", kwargs={"gss": self.identifier})

    @property
    def identifier(self) -> str:
        """The code in this council's URLs: its GSS code, else its register code."""
        return self.gss or self.code

    @property
    def is_district_level(self) -> bool:
        return self.authority_type in DISTRICT_LEVEL_TYPES
