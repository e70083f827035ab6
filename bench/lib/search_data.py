"""Synthetic innovation records for the search benchmark, and loading them into a database.

Records are recombined from the demo content (sentences, titles, tags), so their vocabulary
and lengths are like real records. Run inside Django (bench/search.py starts it as
`python bench/lib/search_data.py N OUT.json`, with DATABASE_URL set): the first IMPORTED records go
through the importer (services.imports.run_import, so the generated records are proven valid);
the rest are written in bulk to the same tables and then the search index is rebuilt with
shopwindow.search.indexing.rebuild() — the same code that indexes a saved record. The importer
writes a revision and diffs every record, which takes minutes at 100,000 records.
"""

import json
import os
import random
import re
import sys
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "shopwindow" / "innovations" / "demo"
IMPORTED = 300
SEED = 20260401


def _demo_records() -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for path in sorted(DEMO.glob("*.json")):
        records.extend(json.loads(path.read_text())["records"])
    return records


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) > 20]


def generate(count: int, gss_codes: list[str]) -> list[dict[str, Any]]:
    """`count` valid records in the Innovation Record format, deterministic for a seed."""
    rng = random.Random(SEED + count)
    demo = _demo_records()
    titles = [r["title"] for r in demo]
    summaries = [s for r in demo for s in _sentences(r["summary"])]
    approach = [s for r in demo for s in _sentences(r["approach"])]
    problems = [s for r in demo for s in _sentences(r.get("problem", ""))] or approach
    tags = sorted({t for r in demo for t in r.get("tags", []) if t != "illustrative"})
    steps = [s for r in demo for s in (r.get("guidance") or {}).get("steps", [])]
    barriers = [b for r in demo for b in r.get("barriers", [])]
    from shopwindow.innovations.vocabularies import SERVICE_AREA_CODES, THEME_CODES

    title_words = sorted({w for t in titles for w in t.split() if len(w) > 3})
    records = []
    for n in range(count):
        base = rng.choice(titles).split()
        base[rng.randrange(len(base))] = rng.choice(title_words)
        title = " ".join(base)[:110].strip()
        summary = " ".join(rng.sample(summaries, 2))[:390].strip()
        record: dict[str, Any] = {
            "id": f"bench-{n:06d}",
            "title": title,
            "summary": summary,
            "problem": " ".join(rng.sample(problems, 2)),
            "approach": " ".join(rng.sample(approach, rng.randint(2, 5))),
            "themes": rng.sample(THEME_CODES, rng.randint(1, 3)),
            "service_areas": rng.sample(SERVICE_AREA_CODES, rng.randint(1, 2)),
            "lead_authorities": rng.sample(gss_codes, rng.randint(1, 2)),
            "status": rng.choice(["pilot", "implemented", "implemented", "scaled", "discontinued"]),
            "evidence": {
                "level": rng.choice([1, 2, 2, 3, 3, 4, 5]),
                "verification": rng.choice(
                    ["self-reported", "self-reported", "peer-reviewed", "independently-evaluated"]
                ),
            },
            "tags": rng.sample(tags, 2),
        }
        if rng.random() < 0.75:
            record["outcomes"] = {"annual_saving_gbp": int(rng.lognormvariate(12.5, 1.4))}
        if steps and rng.random() < 0.6:
            record["guidance"] = {"steps": rng.sample(steps, min(3, len(steps)))}
        if barriers and rng.random() < 0.3:
            record["barriers"] = rng.sample(barriers, 1)
        records.append(record)
    return records


def bulk_load(records: list[dict[str, Any]]) -> None:
    """Write records straight to the tables the importer writes (no revisions)."""
    from django.db import transaction
    from django.utils import timezone

    from shopwindow.authorities.models import Authority
    from shopwindow.innovations.models import (
        Barrier,
        EvidenceLevel,
        GuidanceStep,
        Innovation,
        LeadAuthority,
        ServiceArea,
        Theme,
    )
    from shopwindow.innovations.vocabularies import WorkflowStatus

    themes = {t.code: t.pk for t in Theme.objects.all()}
    areas = {a.code: a.pk for a in ServiceArea.objects.all()}
    levels = {e.level: e for e in EvidenceLevel.objects.all()}
    authorities = dict(Authority.objects.exclude(gss="").values_list("gss", "pk"))
    now = timezone.now()
    theme_link = Innovation.themes.through
    area_link = Innovation.service_areas.through
    for start in range(0, len(records), 2000):
        chunk = records[start : start + 2000]
        with transaction.atomic():
            rows = []
            for i, r in enumerate(chunk):
                saving = (r.get("outcomes") or {}).get("annual_saving_gbp")
                rows.append(
                    Innovation(
                        record_id=r["id"],
                        title=r["title"],
                        summary=r["summary"],
                        problem=r["problem"],
                        approach=r["approach"],
                        status=r["status"],
                        annual_saving_gbp=Decimal(saving) if saving is not None else None,
                        evidence_level=levels[r["evidence"]["level"]],
                        verification=r["evidence"]["verification"],
                        tags=r["tags"],
                        workflow_status=WorkflowStatus.PUBLISHED,
                        published_at=now - timedelta(minutes=start + i),
                    )
                )
            created = Innovation.objects.bulk_create(rows)
            links_t, links_a, leads, steps, barriers = [], [], [], [], []
            for innovation, r in zip(created, chunk, strict=True):
                links_t += [
                    theme_link(innovation=innovation, theme_id=themes[c]) for c in r["themes"]
                ]
                links_a += [
                    area_link(innovation=innovation, servicearea_id=areas[c])
                    for c in r["service_areas"]
                ]
                leads += [
                    LeadAuthority(innovation=innovation, authority_id=authorities[c], position=p)
                    for p, c in enumerate(r["lead_authorities"])
                ]
                for p, s in enumerate((r.get("guidance") or {}).get("steps", [])):
                    steps.append(
                        GuidanceStep(
                            innovation=innovation,
                            position=p,
                            title=s["title"],
                            detail=s.get("detail", ""),
                        )
                    )
                for p, b in enumerate(r.get("barriers", [])):
                    barriers.append(
                        Barrier(
                            innovation=innovation,
                            position=p,
                            barrier=b["barrier"],
                            ask_of_government=b.get("ask_of_government", ""),
                        )
                    )
            theme_link.objects.bulk_create(links_t)
            area_link.objects.bulk_create(links_a)
            LeadAuthority.objects.bulk_create(leads)
            GuidanceStep.objects.bulk_create(steps)
            Barrier.objects.bulk_create(barriers)


def main() -> None:
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from shopwindow.authorities.models import Authority
    from shopwindow.innovations.services.imports import run_import
    from shopwindow.search.indexing import rebuild

    count, out = int(sys.argv[1]), Path(sys.argv[2])
    gss = sorted(
        Authority.objects.filter(is_current=True)
        .exclude(gss="")
        .exclude(authority_type__in=["combined-authority", "strategic-authority"])
        .values_list("gss", flat=True)
    )
    records = generate(count, gss)
    head = records[: min(IMPORTED, count)]
    document = {"schema": "shopwindow/innovation-record/1", "records": head}
    run_import(json.dumps(document).encode(), publish=True)
    bulk_load(records[len(head) :])
    indexed = rebuild()
    # What Datasette loads: the same records, flattened.
    names = dict(Authority.objects.exclude(gss="").values_list("gss", "name"))
    by_gss = {
        a["gss"]: a
        for a in Authority.objects.exclude(gss="").values(
            "gss", "nation", "region", "authority_type"
        )
    }
    with out.open("w") as handle:
        json.dump({"records": records, "names": names, "authorities": by_gss}, handle)
    print(f"loaded {count} records ({len(head)} through the importer), indexed {indexed}")
    os.environ.setdefault("BENCH_LOADED", "1")


if __name__ == "__main__":
    main()
