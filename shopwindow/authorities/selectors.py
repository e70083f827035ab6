"""Reads for authorities. Pages and the API both call these, so both show the same councils."""

from django.db.models import Prefetch, Q, QuerySet

from shopwindow.authorities.models import Authority


def _base() -> QuerySet[Authority]:
    return Authority.objects.select_related("parent_county", "combined_authority")


def current_authorities() -> QuerySet[Authority]:
    return _base().filter(is_current=True)


def filter_authorities(
    *,
    nation: str | None = None,
    region: str | None = None,
    authority_type: str | None = None,
    current: bool | None = True,
    q: str | None = None,
) -> QuerySet[Authority]:
    """Councils matching every filter given. `current=None` means current and former alike.

    Filter values are vocabulary codes, validated by the caller (form or API).
    """
    queryset = _base()
    if current is not None:
        queryset = queryset.filter(is_current=current)
    if nation:
        queryset = queryset.filter(nation=nation)
    if region:
        queryset = queryset.filter(region=region)
    if authority_type:
        queryset = queryset.filter(authority_type=authority_type)
    if q and q.strip():
        term = q.strip()
        queryset = queryset.filter(
            Q(name__icontains=term) | Q(official_name__icontains=term) | Q(gss__iexact=term)
        )
    return queryset.order_by("name", "official_name")


def get_authority(identifier: str) -> Authority | None:
    """One council by GSS code, else by register code (the pre-2015 NI councils have no GSS).

    Its predecessors, successors and members are prefetched for the council page and the API.
    """
    related = _base().order_by("name")
    queryset = _base().prefetch_related(
        Prefetch("replaced_by", queryset=related),
        Prefetch("predecessors", queryset=related),
        Prefetch("constituent_members", queryset=related),
        Prefetch("districts", queryset=related),
    )
    identifier = identifier.strip()
    if not identifier:
        return None
    authority = queryset.filter(gss=identifier.upper()).first()
    if authority is None:
        authority = queryset.filter(code=identifier.upper()).first()
    return authority
