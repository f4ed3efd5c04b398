"""The partnership server: FastAPI app, database, access control, admin CLI, migrations.

Imports :mod:`mentor_desk.domain` for the record vocabulary and nothing from the client.
"""
