"""The sequential scale's steps (legend buckets) for counts and money on the hex map."""

import math
from collections.abc import Iterable
from dataclasses import dataclass

from shopwindow.core.charts import palette
from shopwindow.core.charts.base import Number, ValueFormat, format_count, is_whole, nice_step


@dataclass(frozen=True)
class Bucket:
    """A step of the sequential scale: values above `lower` and up to `upper`."""

    lower: Number
    upper: Number
    colour: str
    label: str

    def holds(self, value: Number) -> bool:
        return self.lower < value <= self.upper


def sequential_buckets(
    values: Iterable[Number],
    *,
    value_format: ValueFormat = format_count,
    breaks: Iterable[Number] | None = None,
    steps: int = 5,
) -> list[Bucket]:
    """The legend steps for positive values (zero and no data are a separate "none" entry).

    Without `breaks`, steps are equal and "nice" (1, 2, 2.5 or 5 times a power of ten), at
    most `steps` of them, the last reaching the largest value. `breaks` gives each step's
    upper bound instead. Whole-number data reads "1 to 5", "6 to 10"; fractional data reads
    "Up to 2.5", "More than 2.5 to 5".
    """
    positive = [value for value in values if value > 0]
    if not positive:
        return []
    largest = max(positive)
    whole = all(is_whole(value) for value in positive)
    if breaks is not None:
        uppers: list[Number] = sorted(set(breaks))
        if not uppers or uppers[-1] < largest or uppers[0] <= 0 or len(uppers) > steps:
            raise ValueError(
                f"breaks must be 1 to {steps} positive upper bounds reaching the largest value"
            )
    else:
        step = nice_step(float(largest) / steps, whole=whole)
        if whole:
            step = max(step, 1.0)
        count = max(1, math.ceil(float(largest) / step - 1e-9))
        uppers = [int(step * i) if whole else step * i for i in range(1, count + 1)]
    colours = palette.sequential_colours(len(uppers))
    buckets = []
    lower: Number = 0
    for upper, colour in zip(uppers, colours, strict=True):
        if whole and is_whole(upper):
            first = int(lower) + 1
            label = (
                value_format(upper)
                if first == upper
                else f"{value_format(first)} to {value_format(upper)}"
            )
        elif lower == 0:
            label = f"Up to {value_format(upper)}"
        else:
            label = f"More than {value_format(lower)} to {value_format(upper)}"
        buckets.append(Bucket(lower=lower, upper=upper, colour=colour, label=label))
        lower = upper
    return buckets
