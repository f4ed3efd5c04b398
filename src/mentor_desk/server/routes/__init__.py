"""One router per resource; :func:`mentor_desk.server.app.create_app` mounts them."""
