"""Schema-based fuzzing of the API: schemathesis generates requests from the app's own
OpenAPI schema (hostile strings, out-of-range numbers, odd bodies); none may get a 500.

Examples per operation are capped to keep the suite quick, and derandomised so that a
failure reproduces.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from dateline.web import create_app

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

#: Examples generated per API operation (exports write the whole store each time: fewer).
EXAMPLES = 30
EXPORT_EXAMPLES = 6


def _check(case) -> None:
    response = case.call()
    text = response.content.decode("utf-8", "replace")
    where = (case.method, case.formatted_path, case.query, text[:300])
    assert response.status_code < 500, where
    assert "Traceback" not in text, where
    if response.status_code >= 400:
        error = response.json()["error"]
        assert error["status"] == response.status_code and error["message"], where


def test_no_generated_request_gets_a_server_error(web_config):
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(web_config))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:

        examples = EXPORT_EXAMPLES if "/export/" in operation.path else EXAMPLES

        @given(case=operation.as_strategy())
        @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def fuzz(case) -> None:
            _check(case)

        fuzz()
