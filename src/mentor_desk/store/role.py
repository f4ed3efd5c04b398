"""The role this profile acts in: what the server says, or coordinator when there is none.

A profile joined to a partnership server acts in the role its account has there (the
server decides who sees what). A **local-only** profile — a small charity with no server —
has no one above it: its user is their own coordinator, so they can make the coordinator
CSV files, record a consent override and edit coordinator-owned fields (docs/ui.md).
A **partner** (issue 15) is a partner organisation's session leader or service worker: its
laptop holds only what the sharing agreements and consents let through (docs/partnership.md).
"""

from __future__ import annotations

from mentor_desk.store.records import Store

COORDINATOR = "coordinator"
MENTOR = "mentor"
PARTNER = "partner"


def acting_role(store: Store) -> str:
    """``coordinator`` or ``mentor`` (or another server role) for this store's user."""
    role = store.meta("user_role")
    if role:
        return role
    return MENTOR if store.meta("server_url") else COORDINATOR
