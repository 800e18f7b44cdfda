"""Wagtail page types and site settings: declarations only, one module per part of the site.

Queries live in routing.py (the path router, view restrictions) and cards.py (listings).
"""

from ..workflows import TwoPersonApprovalTask
from .family import (
    FamilyChecklistPage,
    FamilyGuideBasePage,
    FamilyGuidePage,
    FamilyGuideSectionPage,
)
from .help_lines import HelpLine
from .home import HomePage, StandardPage
from .legal import (
    ArticlePage,
    ConventionPage,
    InitiativePage,
    LegalFrameworkPage,
    RolePage,
)
from .settings import SiteSettings

__all__ = [
    "ArticlePage",
    "ConventionPage",
    "FamilyChecklistPage",
    "FamilyGuideBasePage",
    "FamilyGuidePage",
    "FamilyGuideSectionPage",
    "HelpLine",
    "HomePage",
    "InitiativePage",
    "LegalFrameworkPage",
    "RolePage",
    "SiteSettings",
    "StandardPage",
    "TwoPersonApprovalTask",
]
