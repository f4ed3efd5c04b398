"""The FastAPI application factory."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from mentor_desk.server.config import Settings
from mentor_desk.server.db import make_engine, make_session_factory, migrate
from mentor_desk.server.deps import ServerContext
from mentor_desk.server.errors import install_handlers
from mentor_desk.server.middleware import HardeningMiddleware
from mentor_desk.server.routes import (
    admin_audit,
    admin_devices,
    admin_organisations,
    admin_policy,
    admin_users,
    auth,
    conflicts,
    directory,
    health,
    me,
    participants,
    partnership,
    records,
    sync,
)
from mentor_desk.server.security import Passwords

API_PREFIX = "/api/v1"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app for ``settings`` (from the environment if not given).

    Applies the database migrations first unless ``settings.migrate_on_start`` is off.
    No CORS middleware: the only clients are the desktop program and curl.
    """
    settings = settings or Settings()
    engine = make_engine(settings.database_url)
    if settings.migrate_on_start:
        migrate(engine)
    app = FastAPI(
        title="Mentor Desk partnership server",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.context = ServerContext(
        settings=settings,
        engine=engine,
        sessions=make_session_factory(engine),
        passwords=Passwords(settings),
    )
    api = APIRouter(prefix=API_PREFIX)
    for module in (
        health,
        auth,
        me,
        participants,
        records,
        directory,
        admin_users,
        admin_devices,
        admin_policy,
        admin_audit,
        admin_organisations,
        sync,
        conflicts,
        partnership,
    ):
        api.include_router(module.router)
    app.include_router(api)
    install_handlers(app)
    app.add_middleware(HardeningMiddleware, max_body_bytes=settings.max_body_bytes)
    return app
