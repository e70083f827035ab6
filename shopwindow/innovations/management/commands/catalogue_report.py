"""Print the catalogue's coverage: records by nation, theme, function, saving kind, evidence level
and status, sources by kind, and every figure without a supporting source."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from shopwindow.innovations.coverage import catalogue_coverage


class Command(BaseCommand):
    help = "Print the real catalogue's coverage and any figure without a source."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--strict", action="store_true", help="exit 1 if a coverage minimum is not met"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        coverage = catalogue_coverage()
        self.stdout.write(f"Published real records: {coverage.records}")
        self.stdout.write(f"With audited or evaluated figures: {coverage.audited_or_evaluated}")
        self.stdout.write(f"Discontinued or fell short: {coverage.ended_or_fell_short}")
        self.stdout.write(f"With adoptions by other councils: {coverage.with_adoptions}")
        for heading, rows in coverage.tables():
            self.stdout.write(f"\n{heading}")
            width = max(len(label) for label, _ in rows)
            for label, count in rows:
                self.stdout.write(f"  {label.ljust(width)}  {count:>4}")
        self.stdout.write(f"\nFigures without a supporting source: {len(coverage.unsourced)}")
        for record_id, path in coverage.unsourced:
            self.stdout.write(f"  {record_id}: {path}")
        unmet = coverage.unmet_minimums()
        self.stdout.write("\nCoverage minimums: " + ("all met" if not unmet else "NOT met"))
        for line in unmet:
            self.stdout.write(f"  - {line}")
        if unmet and options["strict"]:
            raise SystemExit(1)
