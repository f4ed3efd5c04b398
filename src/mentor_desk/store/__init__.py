"""The encrypted local store: keys, SQLCipher connection, migrations, records, outbox, search.

Qt-free. The UI talks to it only through :class:`StoreWorker`.
"""

from mentor_desk.store.errors import StoreError
from mentor_desk.store.keys import KdfParams
from mentor_desk.store.profile import Profile, default_profile_dir
from mentor_desk.store.records import OutboxRow, Record, SearchHit, Store
from mentor_desk.store.worker import StoreClosed, StoreWorker

__all__ = [
    "KdfParams",
    "OutboxRow",
    "Profile",
    "Record",
    "SearchHit",
    "Store",
    "StoreClosed",
    "StoreError",
    "StoreWorker",
    "default_profile_dir",
]
