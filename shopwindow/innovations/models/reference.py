"""Reference tables for the spec's vocabularies: themes, service areas and evidence levels."""

from django.db import models


class Theme(models.Model):
    code = models.SlugField(max_length=40, unique=True)
    label = models.CharField(max_length=80)
    description = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.label


class ServiceArea(models.Model):
    code = models.SlugField(max_length=40, unique=True)
    label = models.CharField(max_length=80)
    description = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.label


class EvidenceLevel(models.Model):
    """A Nesta Standards of Evidence level, 1 (account of impact) to 5 (scaled)."""

    level = models.PositiveSmallIntegerField(unique=True)
    label = models.CharField(max_length=80)
    description = models.CharField(max_length=300)

    class Meta:
        ordering = ["level"]

    def __str__(self) -> str:
        return f"Level {self.level}: {self.label}"
