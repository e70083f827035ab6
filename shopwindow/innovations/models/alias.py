"""Old addresses of records: every id a record has had, so that an old link still finds it.

A draft's id is a placeholder (`draft-…`) until it first gets a title; a moderator may rename a
record. Each time a record's id changes the old id is kept here, and the record's pages answer
the old address with a permanent redirect to the current one (innovations.aliases).
"""

from django.db import models


class RecordAlias(models.Model):
    old_id = models.SlugField(max_length=80, unique=True)
    innovation = models.ForeignKey(
        "innovations.Innovation", on_delete=models.CASCADE, related_name="aliases"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_id"]
        verbose_name_plural = "record aliases"

    def __str__(self) -> str:
        return f"{self.old_id} → {self.innovation_id}"
