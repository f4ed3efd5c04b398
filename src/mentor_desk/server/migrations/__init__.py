"""Alembic migrations of the server database (applied by ``mentor-desk-server migrate``)."""
