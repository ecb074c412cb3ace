"""The pages' fixtures: an admin signed in on the test's store."""

import pytest

from feedback.staff import auth
from tests.support.users import signed_in


@pytest.fixture
def admin(app_env):
    return signed_in(app_env, "admin", role=auth.Role.ADMIN)
