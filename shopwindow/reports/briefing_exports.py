"""A briefing pack as Markdown and as a tagged PDF (same content, same order)."""

from django.template.loader import render_to_string
from django.utils import timezone

from shopwindow.core.markdown import render_markdown
from shopwindow.reports.models import BriefingItem, BriefingItemKind, BriefingPack
from shopwindow.reports.pdf import html_to_pdf


def _saving_line(item: BriefingItem) -> str:
    record = item.innovation
    parts = []
    if record.annual_saving_gbp is not None:
        parts.append(f"annual saving £{round(record.annual_saving_gbp):,}")
    if record.one_off_cost_gbp is not None:
        parts.append(f"one-off cost £{round(record.one_off_cost_gbp):,}")
    parts.append(
        f"evidence level {record.evidence_level.level}, {record.get_verification_display().lower()}"
    )
    return "; ".join(parts)


def briefing_markdown(pack: BriefingPack, items: list[BriefingItem], *, site_url: str) -> str:
    lines = [
        f"# {pack.title}",
        "",
        f"Prepared {timezone.localdate():%-d %B %Y} from Shopwindow.",
        "",
    ]
    if pack.introduction.strip():
        lines += [pack.introduction.strip(), ""]
    records = [i for i in items if i.kind == BriefingItemKind.RECORD]
    barriers = [i for i in items if i.kind == BriefingItemKind.BARRIER]
    if records:
        lines += ["## Records", ""]
        for item in records:
            record = item.innovation
            label = " (illustrative example)" if record.is_illustrative else ""
            lines += [
                f"### {record.title}{label}",
                "",
                record.summary,
                "",
                f"- {_saving_line(item)}",
                f"- {site_url}{record.get_absolute_url()}",
                "",
            ]
    if barriers:
        lines += ["## Barriers and asks of government", ""]
        for item in barriers:
            record = item.innovation
            lines.append(f"- **Barrier:** {item.barrier}")
            if item.ask_of_government:
                lines.append(f"  **Ask of government:** {item.ask_of_government}")
            lines.append(f"  From: [{record.title}]({site_url}{record.get_absolute_url()})")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def briefing_pdf(pack: BriefingPack, items: list[BriefingItem], *, site_url: str) -> bytes:
    html = render_to_string(
        "reports/briefings/pdf.html",
        {
            "pack": pack,
            "introduction": render_markdown(pack.introduction),
            "records": [(i, _saving_line(i)) for i in items if i.kind == BriefingItemKind.RECORD],
            "barriers": [i for i in items if i.kind == BriefingItemKind.BARRIER],
            "site_url": site_url,
            "prepared": timezone.localdate(),
        },
    )
    return html_to_pdf(html)
