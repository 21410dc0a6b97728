"""What a run records about itself: times, versions, digests, command, actor, CI context."""

from __future__ import annotations

import datetime as dt
import getpass
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..errors import LogError

# Environment variables that identify a CI job and the commit it audits. Only these names are
# read, so secrets in the environment never reach the log.
CI_VARIABLES: tuple[str, ...] = (
    "CI",
    # GitHub Actions
    "GITHUB_ACTIONS",
    "GITHUB_SHA",
    "GITHUB_REF",
    "GITHUB_RUN_ID",
    "GITHUB_RUN_ATTEMPT",
    "GITHUB_REPOSITORY",
    "GITHUB_WORKFLOW",
    "GITHUB_EVENT_NAME",
    "GITHUB_ACTOR",
    "GITHUB_SERVER_URL",
    # GitLab CI
    "GITLAB_CI",
    "CI_COMMIT_SHA",
    "CI_COMMIT_REF_NAME",
    "CI_PIPELINE_ID",
    "CI_JOB_ID",
    "CI_PROJECT_PATH",
    "GITLAB_USER_LOGIN",
    # Jenkins, Azure Pipelines, CircleCI, Buildkite, Travis, Bitbucket
    "JENKINS_URL",
    "BUILD_ID",
    "BUILD_NUMBER",
    "GIT_COMMIT",
    "GIT_BRANCH",
    "BUILD_SOURCEVERSION",
    "BUILD_SOURCEBRANCH",
    "CIRCLE_SHA1",
    "CIRCLE_BRANCH",
    "CIRCLE_BUILD_NUM",
    "BUILDKITE_COMMIT",
    "BUILDKITE_BRANCH",
    "BUILDKITE_BUILD_NUMBER",
    "TRAVIS_COMMIT",
    "TRAVIS_BRANCH",
    "BITBUCKET_COMMIT",
    "BITBUCKET_BRANCH",
)
_MAX_VALUE = 500


def ci_context(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The CI variables present (and non-empty) in ``environ`` (default: ``os.environ``)."""
    env = os.environ if environ is None else environ
    return {k: env[k][:_MAX_VALUE] for k in CI_VARIABLES if env.get(k)}


def current_actor(environ: Mapping[str, str] | None = None) -> str:
    """Who ran the command: $DECAUDIT_ACTOR, the CI user, else the login name."""
    env = os.environ if environ is None else environ
    for key in ("DECAUDIT_ACTOR", "GITHUB_ACTOR", "GITLAB_USER_LOGIN", "BUILD_REQUESTEDFOR"):
        if env.get(key):
            return env[key][:_MAX_VALUE]
    try:
        return getpass.getuser() or "unknown"
    except (KeyError, OSError):  # no passwd entry, no login name
        return "unknown"


def normalize_timestamp(value: str | dt.datetime, what: str = "timestamp") -> str:
    """Any ISO 8601 time (naive = UTC) as ``YYYY-MM-DDTHH:MM:SSZ``, so that stored times
    sort and compare as text."""
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError as exc:
            raise LogError(f"invalid {what} {value!r}: expected an ISO 8601 time") from exc
    else:
        parsed = value
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class RunMeta:
    """Provenance of one run, stored in its ``runs`` row."""

    started_at: str | dt.datetime
    finished_at: str | dt.datetime
    tool_version: str
    ruleset_digest: str
    config_digest: str
    input_digest: str
    command: str
    actor: str
    ci: Mapping[str, str] = field(default_factory=dict)
    exit_status: int = 0
    record_count: int | None = None  # None: the number of records added to the writer
    errors: Sequence[str] = ()
