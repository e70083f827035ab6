"""Authority vocabularies from the Innovation Record spec: nations, regions and authority types.

Codes are what URLs, API filters and exports use; labels are what people read.
"""

from django.db import models


class Nation(models.TextChoices):
    ENGLAND = "england", "England"
    WALES = "wales", "Wales"
    SCOTLAND = "scotland", "Scotland"
    NORTHERN_IRELAND = "northern-ireland", "Northern Ireland"


class Region(models.TextChoices):
    NORTH_EAST = "north-east", "North East"
    NORTH_WEST = "north-west", "North West"
    YORKSHIRE = "yorkshire-and-the-humber", "Yorkshire and The Humber"
    EAST_MIDLANDS = "east-midlands", "East Midlands"
    WEST_MIDLANDS = "west-midlands", "West Midlands"
    EAST_OF_ENGLAND = "east-of-england", "East of England"
    LONDON = "london", "London"
    SOUTH_EAST = "south-east", "South East"
    SOUTH_WEST = "south-west", "South West"
    WALES = "wales", "Wales"
    SCOTLAND = "scotland", "Scotland"
    NORTHERN_IRELAND = "northern-ireland", "Northern Ireland"


class AuthorityType(models.TextChoices):
    COUNTY = "county", "County council"
    NON_METROPOLITAN_DISTRICT = "non-metropolitan-district", "Non-metropolitan district"
    UNITARY = "unitary", "Unitary authority"
    METROPOLITAN_DISTRICT = "metropolitan-district", "Metropolitan district"
    LONDON_BOROUGH = "london-borough", "London borough"
    CITY_OF_LONDON = "city-of-london", "City of London"
    WELSH_PRINCIPAL_AREA = "welsh-principal-area", "Welsh principal area"
    SCOTTISH_COUNCIL = "scottish-council", "Scottish council"
    NI_DISTRICT = "ni-district", "Northern Ireland district"
    COMBINED_AUTHORITY = "combined-authority", "Combined authority"
    STRATEGIC_AUTHORITY = "strategic-authority", "Greater London Authority"


# District-level councils: every council that runs lower-tier services for its area
# (the 361 local authority districts in ONS's geography).
DISTRICT_LEVEL_TYPES = frozenset(
    {
        AuthorityType.NON_METROPOLITAN_DISTRICT,
        AuthorityType.UNITARY,
        AuthorityType.METROPOLITAN_DISTRICT,
        AuthorityType.LONDON_BOROUGH,
        AuthorityType.CITY_OF_LONDON,
        AuthorityType.WELSH_PRINCIPAL_AREA,
        AuthorityType.SCOTTISH_COUNCIL,
        AuthorityType.NI_DISTRICT,
    }
)
SINGLE_TIER_TYPES = DISTRICT_LEVEL_TYPES - {AuthorityType.NON_METROPOLITAN_DISTRICT}
STRATEGIC_TYPES = frozenset({AuthorityType.COMBINED_AUTHORITY, AuthorityType.STRATEGIC_AUTHORITY})
