"""Partial dates ("2015", "2015-04", "2015-04-01"): stored as year, month, day; shown as given."""

import datetime as dt
import re
from dataclasses import dataclass

PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_PATTERN = re.compile(PARTIAL_DATE_PATTERN)


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Parse YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError saying what is wrong."""
        if not isinstance(text, str) or not _PATTERN.match(text):
            raise ValueError("must be a date as YYYY, YYYY-MM or YYYY-MM-DD")
        parts = [int(p) for p in text.split("-")]
        year = parts[0]
        month = parts[1] if len(parts) > 1 else None
        day = parts[2] if len(parts) > 2 else None
        if year < 1000:
            raise ValueError("must have a four-digit year")
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            raise ValueError(f"'{text}' is not a real date") from None
        return cls(year, month, day)

    @classmethod
    def from_parts(
        cls, year: int | None, month: int | None, day: int | None
    ) -> "PartialDate | None":
        if year is None:
            return None
        return cls(year, month, day if month is not None else None)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text

    @property
    def sort_date(self) -> dt.date:
        """The first day the partial date could mean, for ordering."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def display(self) -> str:
        """Human form: 2015, April 2015, 1 April 2015."""
        date = self.sort_date
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return date.strftime("%B %Y")
        return f"{date.day} {date.strftime('%B %Y')}"


def parse_optional(text: str | None) -> PartialDate | None:
    return PartialDate.parse(text) if text else None
