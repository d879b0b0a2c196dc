"""The GitHub workflows are valid and run what CI runs locally.

GitHub Actions itself cannot run here (CONTRIBUTING.md says what that leaves
untested). These tests check what can be: the files are YAML of the expected
shape, every action is pinned to a version, every `make` target they call
exists, pull requests and deployments run `.ci/run` (which runs `make test`),
and the deployment takes its address from the Pages settings.
"""

from __future__ import annotations

import re
import shlex

import pytest
import yaml

from conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@v\d+\.\d+\.\d+$")


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true; GitHub reads it as "on".
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def commands(workflow: dict) -> list[list[str]]:
    return [shlex.split(line) for step in steps(workflow) for line in step.get("run", "").splitlines() if line.strip()]


def make_targets_called(workflow: dict) -> set[str]:
    return {word for cmd in commands(workflow) if cmd[0] == "make" for word in cmd[1:] if not word.startswith("-") and "=" not in word}


def makefile_targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", (REPO / "Makefile").read_text(encoding="utf-8"), re.M))


def ci_commands() -> list[str]:
    return [line.strip() for line in (REPO / ".ci/run").read_text(encoding="utf-8").splitlines() if line.strip().startswith("make ")]


ALL = sorted(p.name for p in WORKFLOWS.glob("*.yml"))


def test_there_are_the_three_workflows():
    assert ALL == ["deploy.yml", "linkcheck.yml", "pull-request.yml"]


@pytest.mark.parametrize("name", ALL)
def test_each_workflow_is_valid_yaml_with_triggers_and_jobs(name):
    workflow = load(name)
    assert workflow["name"] and workflow["on"] and workflow["permissions"]
    for job_id, job in workflow["jobs"].items():
        assert job["runs-on"] == "ubuntu-24.04", job_id
        assert job["steps"], job_id
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step


@pytest.mark.parametrize("name", ALL)
def test_each_action_is_pinned_to_a_full_version(name):
    for step in steps(load(name)):
        if "uses" in step:
            assert PINNED.match(step["uses"]), f"{name}: pin {step['uses']} to vX.Y.Z"


@pytest.mark.parametrize("name", ALL)
def test_each_make_target_called_exists(name):
    assert make_targets_called(load(name)) <= makefile_targets()


@pytest.mark.parametrize("name", ALL)
def test_jobs_that_build_run_on_debian_with_python_311_like_the_readme(name):
    for job in load(name)["jobs"].values():
        if any("run" in step for step in job["steps"]):
            assert job["container"] == "python:3.11-bookworm"


@pytest.mark.parametrize("name", ["pull-request.yml", "deploy.yml"])
def test_pull_requests_and_deployments_run_the_ci_entry_point_and_a_strict_build(name):
    workflow = load(name)
    assert ci_commands() == ["make test"]
    assert ["./.ci/run"] in commands(workflow) or [".ci/run"] in commands(workflow)
    assert "build" in make_targets_called(workflow)
    cached = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/cache@")]
    assert "requirements.txt" in cached[0]["with"]["key"] and "requirements-test.txt" in cached[0]["with"]["key"]


def test_every_pull_request_uploads_the_built_site():
    workflow = load("pull-request.yml")
    assert "pull_request" in workflow["on"]
    upload = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["name"] == "site" and upload["with"]["path"] == "site/"


def test_main_is_deployed_to_pages_at_its_published_address():
    workflow = load("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = workflow["jobs"]["build"]["steps"]
    pages = next(s for s in build if s.get("uses", "").startswith("actions/configure-pages@"))
    make_build = next(s for s in build if s.get("run") == "make build")
    assert make_build["env"]["SITE_URL"] == "${{ steps.%s.outputs.base_url }}/" % pages["id"]
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in build)
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_external_links_are_checked_weekly():
    workflow = load("linkcheck.yml")
    assert [s["cron"] for s in workflow["on"]["schedule"]] == ["0 0 * * 1"]
    assert make_targets_called(workflow) == {"review-due", "linkcheck-external"}


def test_the_weekly_run_lists_what_is_due_for_review_as_of_that_day_before_the_link_check():
    run = [cmd for cmd in commands(load("linkcheck.yml")) if cmd[0] == "make"]
    review, links = run.index(next(c for c in run if "review-due" in c)), run.index(["make", "linkcheck-external"])
    assert review < links, "a failing link check must not hide the review reminders"
    assert 'TODAY=$(TZ=Asia/Seoul date +%F)' in run[review] and "FORMAT=github" in run[review]


def test_the_pull_request_template_asks_for_the_review_checklist():
    template = (REPO / ".github/pull_request_template.md").read_text(encoding="utf-8")
    for must in ("sources", "null", "translation-status", "make validate", "`site`", "TODO:"):
        assert must in template
