"""A real Celery worker process on Redis (database 7) does the background
work: it proposes an ingested story's structure, and delivers a webhook,
retrying through the broker after the receiver's first failure. Needs
PostgreSQL (the worker is another process and must see the test database)
and Redis."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from celery import Celery
from django.conf import settings
from django.db import connection

from newsdesk.ingest.models import IngestedStory, ProposalStatus
from newsdesk.ingest.services import ingest
from newsdesk.webhooks.models import Delivery, DeliveryStatus, Endpoint
from tests.conftest import require
from tests.ingest.feeds import reference_atom
from tests.webhooks.receiver import Receiver

BROKER = "redis://127.0.0.1:6379/7"
QUEUE = "newsdesk-test-worker"


def redis_up() -> bool:
    try:
        return bool(redis.Redis.from_url(BROKER, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(log_path: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings.local",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": BROKER,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "WEBHOOKS_ALLOW_PRIVATE_TARGETS": "true",
        "WEBHOOKS_RETRY_SECONDS": "1",
        # A message its worker died on is handed out again after a second.
        "CELERY_VISIBILITY_TIMEOUT": "1",
        "CELERY_UNACKED_RESTORE_SECONDS": "1",
    }
    log = log_path.open("a")
    return subprocess.Popen(  # noqa: S603 - our own worker
        [
            str(Path(sys.executable).with_name("celery")),
            "-A",
            "newsdesk",
            "worker",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=info",
            "-Q",
            QUEUE,
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def producer():
    require(redis_up(), f"Redis is not answering at {BROKER}")
    client = redis.Redis.from_url(BROKER)
    client.delete(QUEUE, "unacked", "unacked_index")
    # Not the current app: a task called later in this process (by a test on
    # the same worker, say) would otherwise be sent to Redis by this app
    # instead of run eagerly by Newsdesk's, and never run.
    yield Celery(broker=BROKER, set_as_current=False)
    client.delete(QUEUE, "unacked", "unacked_index")


@pytest.fixture
def worker(producer, tmp_path):
    process = start_worker(tmp_path / "worker.log")
    yield producer
    stop(process)


def wait_for(check, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.3)
    return False


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_proposes_and_delivers(worker, editor):
    ingest(data=reference_atom(), feed="tass")  # eager here: proposals made
    IngestedStory.objects.update(
        proposal_status=ProposalStatus.PENDING,
        proposals=None,
        proposals_version=None,
        quotes_proposed=None,
    )
    story = IngestedStory.objects.get()
    worker.send_task(
        "newsdesk.ingest.tasks.propose_structure",
        args=[story.pk, story.article_version],
        queue=QUEUE,
    )
    assert wait_for(
        lambda: IngestedStory.objects.filter(
            pk=story.pk, proposal_status=ProposalStatus.READY
        ).exists()
    ), "the worker did not propose the story's structure"
    story.refresh_from_db()
    assert story.quotes_proposed == len(story.proposals["quotes"]) >= 10

    with Receiver(fail_first=1) as receiver:
        endpoint = Endpoint.objects.create(
            name="Live", url=receiver.url, events=["article.published"]
        )
        delivery = Delivery.objects.create(
            endpoint=endpoint, event="article.published", payload={"id": "x"}
        )
        worker.send_task(
            "newsdesk.webhooks.tasks.deliver", args=[str(delivery.pk)], queue=QUEUE
        )
        assert wait_for(
            lambda: Delivery.objects.filter(
                pk=delivery.pk, status=DeliveryStatus.SUCCEEDED
            ).exists()
        ), "the worker did not deliver the webhook"
    delivery.refresh_from_db()
    assert delivery.attempts == 2
    assert len(receiver.requests) == 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_mid_task_loses_nothing(producer, tmp_path):
    """Acks late: the worker is killed (SIGKILL) while its delivery waits on
    the receiver; the message was never acknowledged, so the next worker
    runs the task again and the delivery succeeds."""
    first = start_worker(tmp_path / "first.log")
    try:
        with Receiver(delay_first=60) as receiver:
            endpoint = Endpoint.objects.create(
                name="Live", url=receiver.url, events=["article.published"]
            )
            delivery = Delivery.objects.create(
                endpoint=endpoint, event="article.published", payload={"id": "y"}
            )
            producer.send_task(
                "newsdesk.webhooks.tasks.deliver", args=[str(delivery.pk)], queue=QUEUE
            )
            assert wait_for(lambda: len(receiver.requests) == 1), "no first attempt"
            first.kill()
            first.wait(timeout=30)
            assert Delivery.objects.get(pk=delivery.pk).status == DeliveryStatus.PENDING
            second = start_worker(tmp_path / "second.log")
            try:
                assert wait_for(
                    lambda: Delivery.objects.filter(
                        pk=delivery.pk, status=DeliveryStatus.SUCCEEDED
                    ).exists()
                ), "the message was lost with the worker"
            finally:
                stop(second)
    finally:
        stop(first)
    assert len(receiver.requests) == 2
    assert Delivery.objects.get(pk=delivery.pk).attempts == 1


def test_the_producer_leaves_newsdesk_the_current_app(producer):
    """Tasks called in this process still run eagerly through Newsdesk's
    app while a test producer exists."""
    from newsdesk.ingest.tasks import propose_structure

    assert producer.conf.broker_url == BROKER
    task = propose_structure._get_current_object()
    assert task.app.main == "newsdesk"
    assert task.app.conf.task_always_eager
