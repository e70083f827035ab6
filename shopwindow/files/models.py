"""StoredFile: one file's bytes in the database, written and read only through `storage`."""

from django.db import models


class StoredFile(models.Model):
    """A file's bytes under a unique name ("cvs/3f2a….pdf", "reports/….pdf").

    Works the same on SQLite (BLOB) and PostgreSQL (bytea). Files are small (CVs at most
    ASSOCIATES_CV_MAX_BYTES, report PDFs a few hundred kilobytes), so each is one row.
    """

    name = models.CharField(max_length=255, unique=True)
    content = models.BinaryField()
    size = models.PositiveBigIntegerField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.size} bytes)"
