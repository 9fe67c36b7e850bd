# -*- coding: utf-8 -*-
"""The task list in the browser and the JSON API, Flask 1.1 test style
(paths without a leading slash included, as real apps' tests write them)."""
from __future__ import absolute_import, unicode_literals

from tasks.extensions import db
from tasks.models import Task


def add_task(client, auth, title):
    token = auth.csrf_token("/")
    return client.post("/", data={"title": title, "csrf_token": token})


def test_add_toggle_and_delete(client, auth, app):
    auth.login()
    assert add_task(client, auth, "write tests").status_code == 302
    add_task(client, auth, "café ☕")
    page = client.get("/").get_data(as_text=True)
    assert '<li class="open">\n      write tests' in page
    assert "café ☕" in page
    with app.app_context():
        task_id = Task.query.filter_by(title="write tests").one().id
    token = auth.csrf_token("/")
    assert client.post("%d/toggle" % task_id, data={"csrf_token": token}).status_code == 302
    assert '<li class="done">\n      write tests' in client.get("/").get_data(as_text=True)
    client.post("/%d/delete" % task_id, data={"csrf_token": token})
    with app.app_context():
        assert [task.title for task in Task.query.all()] == ["café ☕"]


def test_an_empty_title_is_refused(client, auth):
    auth.login()
    rv = add_task(client, auth, "")
    assert rv.status_code == 200
    assert "This field is required." in rv.get_data(as_text=True)


def test_toggle_without_csrf_token_is_refused(client, auth, app):
    auth.login()
    add_task(client, auth, "keep")
    rv = client.post("/1/toggle")
    assert rv.status_code == 400
    with app.app_context():
        assert db.session.get(Task, 1).done is False


def test_nobody_touches_another_users_tasks(client, auth, app):
    auth.login()
    add_task(client, auth, "ada's")
    auth.logout()
    auth.login("Zoë")
    token = auth.csrf_token("/")
    assert client.post("/1/delete", data={"csrf_token": token}).status_code == 404
    assert "ada&#39;s" not in client.get("/").get_data(as_text=True)
    with app.app_context():
        assert Task.query.count() == 1


def test_api_create_and_list(client, auth):
    rv = client.post("api/v1/tasks/", json={"title": "from a script"}, headers=auth.basic())
    assert rv.status_code == 201
    assert rv.get_json() == {"id": 1, "title": "from a script", "done": False}
    rv = client.get("api/v1/tasks/", headers=auth.basic())
    assert rv.get_json() == {"tasks": [{"id": 1, "title": "from a script", "done": False}]}
    assert client.get("api/v1/tasks/", headers=auth.basic("Zoë")).get_json() == {"tasks": []}


def test_api_needs_credentials_and_a_title(client, auth):
    assert client.get("api/v1/tasks/").status_code == 401
    assert client.get("api/v1/tasks/", headers=auth.basic(password="wrong")).status_code == 401
    for body in ({}, {"title": ""}, {"title": 3}, {"title": "x" * 201}):
        rv = client.post("api/v1/tasks/", json=body, headers=auth.basic())
        assert rv.status_code == 400
