import pytest


@pytest.fixture
def cheap_unknown_account_check(monkeypatch):
    """Unknown addresses are checked against a dummy argon2 hash to equal a real check's time;
    tests that try hundreds of unknown addresses use a cheap dummy to stay fast."""
    from argon2 import PasswordHasher

    from portal import security

    monkeypatch.setattr(security, "_DUMMY_HASH",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash("x"))
