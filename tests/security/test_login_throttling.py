"""django-axes: repeated failed logins for a username from one address are locked out."""

import pytest
from axes.models import AccessAttempt

LOGIN = "/ar/accounts/login/"


@pytest.mark.django_db
def test_sixth_failed_login_is_locked_out(client, editor, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    statuses = [client.post(LOGIN, {"username": "editor1", "password": f"wrong-{i}"}).status_code for i in range(5)]
    # The first four re-show the form; the fifth failure reaches the limit and locks.
    assert statuses == [200, 200, 200, 200, 429]
    sixth = client.post(LOGIN, {"username": "editor1", "password": "wrong-6"})
    assert sixth.status_code == 429
    html = sixth.content.decode()
    assert "<html" in html and 'dir="rtl"' in html
    assert "محاولات" in html or "Too many" in html
    # Even the right password is refused while locked, and no session is created.
    right = client.post(LOGIN, {"username": "editor1", "password": "pw-editor1-1234"})
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    attempt = AccessAttempt.objects.get(username="editor1")
    assert attempt.ip_address == "127.0.0.1"
    assert attempt.failures_since_start >= 5


@pytest.mark.django_db
def test_lockout_is_per_username_and_address(client, editor, editor2):
    for i in range(6):
        client.post(LOGIN, {"username": "editor1", "password": f"wrong-{i}"})
    # Another account from the same address still logs in.
    response = client.post(LOGIN, {"username": "editor2", "password": "pw-editor2-1234"})
    assert response.status_code == 302
    # The locked account from another address is not locked.
    client.logout()
    other = client.post(LOGIN, {"username": "editor1", "password": "pw-editor1-1234"}, REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302


@pytest.mark.django_db
def test_successful_login_resets_the_failure_count(client, editor):
    for i in range(4):
        client.post(LOGIN, {"username": "editor1", "password": f"wrong-{i}"})
    assert client.post(LOGIN, {"username": "editor1", "password": "pw-editor1-1234"}).status_code == 302
    client.logout()
    statuses = [client.post(LOGIN, {"username": "editor1", "password": f"wrong-{i}"}).status_code for i in range(4)]
    assert statuses == [200, 200, 200, 200]


@pytest.mark.django_db
def test_spraying_one_password_over_many_accounts_locks_the_address(client, editor, settings):
    assert settings.MARSAD_LOGIN_ADDRESS_FAILURE_LIMIT == 20
    statuses = [client.post(LOGIN, {"username": f"user{i}", "password": "Summer2025!"}).status_code for i in range(20)]
    assert statuses[:19] == [200] * 19 and statuses[19] == 429
    # From that address even a right password is refused while locked…
    assert client.post(LOGIN, {"username": "editor1", "password": "pw-editor1-1234"}).status_code == 429
    assert "_auth_user_id" not in client.session
    # …from another address the account logs in.
    assert client.post(LOGIN, {"username": "editor1", "password": "pw-editor1-1234"}, REMOTE_ADDR="10.9.8.7").status_code == 302
