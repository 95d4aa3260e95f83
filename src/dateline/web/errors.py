"""Errors in one shape: ``{"error": {"status", "message", "parameter"}}`` for the API,
a small page for the HTML routes. Nothing shows a traceback."""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline.errors import ConfigError, DatelineError, StoreError

log = logging.getLogger("dateline.web")

#: Option names in the query layer's messages (``--since '...': ...``).
_OPTION = re.compile(r"^--([a-z][a-z-]*)")


class ApiError(Exception):
    """An error with its HTTP status, a message, and the parameter at fault."""

    def __init__(self, status: int, message: str, parameter: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.parameter = parameter
        self.headers = headers


def error_body(status: int, message: str, parameter: str | None = None) -> dict:
    return {"error": {"status": status, "message": message, "parameter": parameter}}


def parameter_of(exc: ConfigError) -> str | None:
    """The parameter a query-layer message names (``--quad-class`` -> ``quad_class``)."""
    found = _OPTION.match(str(exc))
    return found.group(1).replace("-", "_") if found else None


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _respond(request: Request, error: ApiError) -> Response:
    if _is_api(request):
        return JSONResponse(error_body(error.status, error.message, error.parameter),
                            status_code=error.status, headers=error.headers)
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html", {"status": error.status, "message": error.message,
                                "parameter": error.parameter},
        status_code=error.status, headers=error.headers)


def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    first = exc.errors()[0] if exc.errors() else {}
    location = [str(part) for part in first.get("loc", ())]
    parameter = location[-1] if location else None
    message = first.get("msg", "invalid request")
    if parameter:
        message = f"{parameter}: {message}"
    return _respond(request, ApiError(422, message, parameter))


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into the shape above."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return _respond(request, exc)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return _validation_error(request, exc)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page or endpoint: {request.url.path}"
        return _respond(request, ApiError(exc.status_code, message,
                                          headers=getattr(exc, "headers", None)))

    @app.exception_handler(ConfigError)
    async def config_error(request: Request, exc: ConfigError) -> Response:
        return _respond(request, ApiError(422, str(exc), parameter_of(exc)))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return _respond(request, ApiError(503, str(exc)))

    @app.exception_handler(DatelineError)
    async def dateline_error(request: Request, exc: DatelineError) -> Response:
        return _respond(request, ApiError(400, str(exc)))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _respond(request, ApiError(500, "internal error (see the server's log)"))
