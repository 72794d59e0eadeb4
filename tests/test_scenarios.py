"""Every feature under `features/`, run as tests beside the unit tests.

The steps live in `scenario_steps.py` and the rule coverage check in `rule_coverage.py`, both
loaded by `conftest.py`; importing steps here would collect every scenario twice.
"""

from __future__ import annotations

import pytest
from pytest_bdd import scenarios

from rule_coverage import SCENARIO_MARK

pytestmark = getattr(pytest.mark, SCENARIO_MARK)

scenarios(".")  # every .feature file under bdd_features_base_dir, recursively
