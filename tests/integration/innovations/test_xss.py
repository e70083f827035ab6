"""XSS: hostile text in every Markdown and plain-text field of a record never becomes executable
markup: on the public record page, the draft preview, the Markdown preview, check your answers."""

from collections import Counter
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client

from shopwindow.accounts.models import User
from shopwindow.authorities.models import Authority
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.services.submission import SECTIONS
from shopwindow.innovations.services.validation import validate_record
from tests.factories import create_innovation, innovation_record

from .conftest import signed_in

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click me](javascript:alert(1))",
    "<svg onload=alert(1)>",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "![image](javascript:alert(1))",
    '"><script>alert(1)</script>',
    "' onmouseover='alert(1)",
    '<a href="javascript:alert(1)">link</a>',
    "[mixed case](JaVaScRiPt:alert(1))",
    "[entity](&#106;avascript:alert(1))",
    '<iframe src="javascript:alert(1)"></iframe>',
    "<body onload=alert(1)>",
    '![x](x" onerror="alert(1))',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "[vb](vbscript:msgbox(1))",
    "<style>body{display:none}</style>",
    "<<script>script>alert(1)<</script>/script>",
    "[space]( javascript:alert(1))",
    "[ref][1]\n\n[1]: javascript:alert(1)",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<details open ontoggle=alert(1)>",
    "[tab](java\tscript:alert(1))",
]
DANGEROUS_TAGS = {"script", "img", "svg", "iframe", "object", "embed", "style", "math", "body",
                  "details", "base", "meta", "link"}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DANGEROUS_TAGS:
            self.tags[tag] += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            cleaned = "".join((value or "").split()).lower()
            if name in URL_ATTRIBUTES and cleaned.startswith(("javascript:", "data:", "vbscript:")):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name == "style":
                self.problems.append(f"<{tag} style={value!r}>")


def executable(html: str, baseline: str) -> list[str]:
    """Event handlers, script URLs and dangerous tags that the baseline page does not have."""
    page, base = _Collector(), _Collector()
    page.feed(html)
    base.feed(baseline)
    extra = page.tags - base.tags
    return page.problems + [f"extra <{tag}> x{n}" for tag, n in extra.items()]


def hostile_record(payload: str, n: int) -> dict[str, Any]:
    text = f"{payload} text"
    record = innovation_record(
        id=f"xss-{n}",
        title=f"Record {n} {payload}"[:120],
        summary=f"A summary long enough to be valid: {payload}"[:400],
        problem=f"# Problem\n\n{payload}",
        approach=f"Approach\n\n{payload}\n\n* {payload}",
        other_partners=[text],
        outcomes={
            "saving_basis": text,
            "metrics": [{"name": text, "unit": text[:80], "period": text[:120]}],
        },
        evidence={
            "level": 2,
            "verification": "self-reported",
            "sources": [
                {
                    "title": text,
                    "url": "https://example.org/source",
                    "publisher": text[:200],
                    "kind": "council-report",
                    "supports": ["outcomes.metrics[0]"],
                }
            ],
        },
        guidance={
            "steps": [{"title": text, "detail": f"Detail {payload}", "duration_weeks": 2}],
            "legal_basis": text,
            "prerequisites": [text],
            "risks": [{"risk": text, "mitigation": text}],
            "lessons": [text],
        },
        barriers=[{"barrier": text, "ask_of_government": text}],
        contact={"name": text[:200], "role": text[:200], "email": "someone@example.gov.uk"},
    )
    # Titles and summaries must be plain text: the validator refuses tags there, so keep the
    # payload where it is accepted and check the refusal otherwise.
    for key, safe in (
        ("title", f"Record number {n}"),
        ("summary", "A plain summary of the record"),
    ):
        if any(e.path == key for e in validate_record(record)):
            record[key] = safe
    assert validate_record(record) == [], validate_record(record)
    return record


@pytest.fixture
def baseline(south_hams_member: User) -> str:
    plain = create_innovation(id="plain-baseline", title="A plain record for comparison")
    return signed_in(south_hams_member).get(f"/innovations/{plain.record_id}/").content.decode()


def test_there_are_enough_payloads() -> None:
    assert len(PAYLOADS) >= 15


@pytest.mark.parametrize(("n", "payload"), list(enumerate(PAYLOADS)))
def test_record_page_and_preview(
    n: int, payload: str, baseline: str, south_hams_member: User, moderator: User
) -> None:
    record = hostile_record(payload, n)
    innovation = create_innovation(**dict(record.items()))
    url = f"/innovations/{innovation.record_id}/"
    for client in (Client(), signed_in(south_hams_member)):
        html = client.get(url).content.decode()
        assert "Detail" in html
        assert executable(html, baseline) == [], payload
    preview = signed_in(moderator).get(url + "preview/").content.decode()
    assert executable(preview, baseline) == [], payload


@pytest.mark.parametrize(("n", "payload"), list(enumerate(PAYLOADS)))
def test_form_preview_and_check_answers(
    n: int, payload: str, baseline: str, south_hams_member: User
) -> None:
    client = signed_in(south_hams_member)
    south_hams = Authority.objects.get(gss="E07000044")
    client.post("/innovations/new/", {"council": str(south_hams.pk)})
    draft = Innovation.objects.get(owner_council=south_hams, workflow_status="draft")
    record = hostile_record(payload, n)
    record["id"] = draft.record_id
    draft.draft_data = {
        "record": record,
        "completed": [s.key for s in SECTIONS],
        "visited": [s.key for s in SECTIONS],
    }
    draft.save()
    base = f"/innovations/{draft.record_id}"
    pages = [
        client.get(f"{base}/edit/check/").content.decode(),
        client.get(f"{base}/preview/").content.decode(),
        client.get(f"{base}/edit/guidance/").content.decode(),
        client.post(
            f"{base}/edit/about/",
            {"action": "preview", "problem": payload, "approach": payload, "title": payload},
        ).content.decode(),
    ]
    for html in pages:
        assert executable(html, baseline) == [], payload
