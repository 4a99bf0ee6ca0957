"""The pure side of alerts: rule parameters, statistics, dedup keys, grouping, text, secrets."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from flows.alerts.alert import alert_id, dedup_key, iso, make_alert
from flows.alerts.channels import (
    AppriseChannel,
    ChannelError,
    expand_env,
    mask_url,
    scrub,
    secrets_of,
    service_limit,
    structured_fields,
)
from flows.alerts.delivery import retry_delay_s
from flows.alerts.digest import digest_messages
from flows.alerts.kinds import KINDS
from flows.alerts.kinds.claim_change import change_share, claim_alerts, figure
from flows.alerts.kinds.feed_health import feed_health_alerts
from flows.alerts.kinds.first_seen import first_seen_alerts
from flows.alerts.kinds.new_coverage import coverage_alerts
from flows.alerts.kinds.spike import baseline_stats, spike_alert, spike_hits, spike_score
from flows.alerts.messages import MessageLimit, format_figure, render
from flows.config import AlertRuleConfig, ConfigError, load_config, parse_alert_rule

NOW = datetime(2025, 3, 1, 12, 0, 0)


def rule(kind: str, mode: str = "instant", name: str = "r", **params: object) -> AlertRuleConfig:
    return parse_alert_rule({"name": name, "kind": kind, "mode": mode, **params})


# --- parameters -------------------------------------------------------------------------------------


def test_rule_defaults_and_validation() -> None:
    spike = rule("spike", sensitivity=2)
    assert spike.params.sensitivity == 2.0 and spike.params.baseline_days == 14
    assert spike.params.targets == ("entity", "pair")
    with pytest.raises(ConfigError, match=r"unknown key 'alerts.rules\[0\].sensitivty' for a spike rule"):
        rule("spike", sensitivty=2)
    with pytest.raises(ConfigError, match="unknown kind 'spikes'"):
        rule("spikes")
    with pytest.raises(ConfigError, match="mode must be 'instant' or 'digest'"):
        rule("spike", mode="daily")
    with pytest.raises(ConfigError, match="must be a number"):
        rule("spike", sensitivity="high")
    with pytest.raises(ConfigError, match="must be an integer"):
        rule("feed_health", failures=2.5)
    with pytest.raises(ConfigError, match=r"'alerts.rules\[0\].kinds\[1\]' must be one of .*, got 'bogus'"):
        rule("first_seen", kinds=["pair", "bogus"])
    with pytest.raises(ConfigError, match="at least 1"):
        rule("spike", min_count=0)


def test_config_names_a_bad_rule_key_and_duplicate_names(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[[alerts.rules]]\nname = "x"\nkind = "claim_change"\nmin_chnage = 0.1\n')
    with pytest.raises(ConfigError, match=r"unknown key 'alerts.rules\[0\].min_chnage'"):
        load_config(path)
    path.write_text('[[alerts.rules]]\nname = "x"\nkind = "spike"\n[[alerts.rules]]\nname = "x"\nkind = "spike"\n')
    with pytest.raises(ConfigError, match="two alert rules are named 'x'"):
        load_config(path)
    path.write_text('[[alerts.rules]]\nkind = "spike"\n')
    with pytest.raises(ConfigError, match="missing required key"):
        load_config(path)
    path.write_text("[alerts]\nchanels = []\n")
    with pytest.raises(ConfigError, match=r"unknown key 'alerts.chanels'"):
        load_config(path)


def test_shipped_rules_parse() -> None:
    config = load_config(Path(__file__).resolve().parents[1] / "storywatch.toml")
    rules = config.alerts.rules
    assert {p.kind for p in rules} == set(KINDS)
    assert {p.mode for p in rules} == {"instant", "digest"}
    assert config.schedule.cron == "*/30 * * * *" and config.schedule.digest_cron == "0 7 * * *"


def test_dedup_key_is_rule_and_subject() -> None:
    a = dedup_key("major", "new_coverage", "cluster:1")
    assert a == dedup_key("major", "new_coverage", "cluster:1")
    assert a != dedup_key("major", "new_coverage", "cluster:2")
    assert a != dedup_key("other", "new_coverage", "cluster:1")
    assert len(a) == 32 and alert_id(a) == f"a-{a[:10]}"


# --- new_coverage -----------------------------------------------------------------------------------


def article(article_id: str, cluster: str, source: str, relevance: float = 0.8, **extra: object) -> dict:
    return {
        "article_id": article_id,
        "cluster_id": cluster,
        "source": source,
        "url": f"https://{source.lower()}.example/{article_id}",
        "title": f"Title {article_id}",
        "published_at": NOW - timedelta(hours=1),
        "fetched_at": NOW,
        "relevance": relevance,
        "is_seed": False,
        "text": "North Korean troops in Kursk",
    } | extra


def test_syndicated_copies_make_one_alert_listing_outlets() -> None:
    rows = [article("a1", "c1", "Yonhap"), article("a2", "c1", "Wire", relevance=0.9), article("b1", "c2", "TASS")]
    ents = {
        "a1": [{"entity_id": "PRK", "name": "North Korea", "mentions": 3, "actor_id": "PRK"}],
        "a2": [{"entity_id": "kim-jong-un", "name": "Kim Jong Un", "mentions": 1, "actor_id": "PRK"}],
        "b1": [{"entity_id": "RUS", "name": "Russia", "mentions": 2, "actor_id": "RUS"}],
    }
    alerts = coverage_alerts(
        rule("new_coverage", actors=["PRK"]),
        rows,
        {"c1": rows[:2]},
        ents,
        {},
        now=NOW,
        topic_min_relevance=0.35,
        aliases={"c1": [{"url": "https://mirror.example/x", "source": "Mirror"}]},
    )
    assert len(alerts) == 1  # b1 does not mention PRK
    payload = alerts[0].payload
    assert payload["outlets"] == ["Yonhap", "Wire", "Mirror"]
    assert payload["subject"] == "cluster:c1" and payload["scores"]["relevance"] == 0.9
    assert [a["article_id"] for a in payload["articles"]] == ["a1", "a2"]
    assert {e["entity_id"] for e in payload["entities"]} == {"PRK", "kim-jong-un"}
    title, body = render(payload)
    assert title.startswith("New coverage: Title a1")
    assert "Outlets (3): Yonhap, Wire, Mirror" in body and payload["dedup_key"] in body
    assert "https://yonhap.example/a1" in body and "relevance 0.90" in body


def test_coverage_filters_relevance_age_seeds_keywords() -> None:
    old = article("o", "o", "X", published_at=NOW - timedelta(days=10))
    low = article("l", "l", "X", relevance=0.2)
    seed = article("s", "s", "X", is_seed=True)
    other = article("k", "k", "X", text="nothing here")
    good = article("g", "g", "X")
    rows = [old, low, seed, other, good]
    found = coverage_alerts(
        rule("new_coverage", keywords=["kursk"]), rows, {}, {}, {}, now=NOW, topic_min_relevance=0.35
    )
    assert [a.article_id for a in found] == ["g"]
    assert found[0].payload["keywords"] == ["kursk"]
    with_seeds = coverage_alerts(
        rule("new_coverage", include_seeds=True, min_relevance=0.1), rows, {}, {}, {}, now=NOW, topic_min_relevance=1
    )
    assert {a.article_id for a in with_seeds} == {"l", "s", "k", "g"}


# --- first_seen -------------------------------------------------------------------------------------


def test_first_seen_labels_and_filters() -> None:
    base = {"title": "T", "url": "u", "source": "S", "is_seed": False, "first_seen_at": NOW, "article_id": "a"}
    rows = [
        base | {"kind": "pair", "key": "CHN–PRK"},
        base | {"kind": "triple", "key": "PRK MOBILIZE RUS"},
        base | {"kind": "expert", "key": "victor-cha"},
        base | {"kind": "entity", "key": "JPN"},
        base | {"kind": "pair", "key": "KOR–PRK", "is_seed": True},
        base | {"kind": "pair", "key": "PRK–USA", "first_seen_at": NOW - timedelta(days=30)},
    ]
    names = {"CHN": "China", "PRK": "North Korea", "RUS": "Russia", "victor-cha": "Victor Cha"}
    found = first_seen_alerts(rule("first_seen", kinds=["pair", "triple", "expert"]), rows, names, now=NOW)
    assert sorted(a.title for a in found) == [
        "First seen: North Korea MOBILIZE → Russia",
        "First seen: expert Victor Cha",
        "First seen: pair China – North Korea",
    ]
    assert {a.subject for a in found} == {"pair:CHN–PRK", "triple:PRK MOBILIZE RUS", "expert:victor-cha"}


# --- spike ------------------------------------------------------------------------------------------


def test_spike_statistics() -> None:
    assert baseline_stats([]) == (0.0, 0.0)
    mean, std = baseline_stats([1, 2, 3, 2])
    assert mean == 2 and math.isclose(std, math.sqrt(0.5))
    # The noise floor: a quiet baseline does not make one article a 'spike'.
    assert spike_score(1, 0, 0) == 1
    assert math.isclose(spike_score(13, 4, 1), (13 - 4) / 2)  # √4 = 2 beats sd 1


def test_spike_hits_need_history_and_threshold() -> None:
    today = date(2025, 3, 1)
    series = [{"target": "entity", "key": "PRK", "day": today - timedelta(days=d), "value": 2} for d in range(1, 15)]
    series += [{"target": "entity", "key": "PRK", "day": today, "value": 12}]
    series += [{"target": "entity", "key": "RUS", "day": today - timedelta(days=d), "value": 10} for d in range(0, 15)]
    series += [{"target": "pair", "key": "PRK–RUS", "day": today, "value": 9}]
    active = [today - timedelta(days=d) for d in range(0, 15)]
    hits = spike_hits(rule("spike", sensitivity=3), series, today, active, {"PRK": "North Korea"})
    assert [(h.target, h.key) for h in hits] == [("entity", "PRK"), ("pair", "PRK–RUS")]
    prk = hits[0]
    assert prk.mean == 2 and prk.std == 0 and math.isclose(prk.z, 10 / math.sqrt(2))
    alert = spike_alert(rule("spike"), prk, [article("a", "a", "X")], now=NOW)
    assert alert.subject == "entity:PRK:2025-03-01" and "North Korea" in alert.title
    assert alert.payload["scores"]["today"] == 12
    # Too little history: nothing is judged.
    assert spike_hits(rule("spike", min_history_days=7), series, today, active[:3]) == []
    # `ids` restricts; `targets` too.
    assert spike_hits(rule("spike", ids=["RUS"], targets=["entity"]), series, today, active) == []


# --- claim_change -----------------------------------------------------------------------------------


def test_claim_change() -> None:
    assert figure(10, 20) == 15 and figure(None, 7) == 7 and figure(None, None) is None
    assert change_share(3000, 5000) == pytest.approx(2 / 3)
    assert change_share(0, 5) == math.inf and change_share(None, 5) is None
    assert format_figure(3000, 3000, "soldiers") == "3,000 soldiers"
    assert format_figure(10000, None, "troops") == "at least 10,000 troops"
    assert format_figure(1.5, 2.5) == "1.50–2.50"
    base = {
        "claim_id": "c2",
        "article_id": "a2",
        "subject_id": "PRK",
        "subject_name": "North Korea",
        "what": "soldiers",
        "unit": "soldiers",
        "value_low": 5000.0,
        "value_high": 5000.0,
        "prev_low": 3000.0,
        "prev_high": 3000.0,
        "hedged": True,
        "sentence": "about 5,000 soldiers",
        "prev_sentence": "about 3,000 soldiers",
        "title": "New",
        "source": "Yonhap",
        "url": "https://y/2",
        "prev_title": "Old",
        "prev_source": "NK News",
        "prev_url": "https://n/1",
        "published_at": NOW,
        "fetched_at": NOW,
    }
    small = base | {"claim_id": "c3", "value_low": 3100.0, "value_high": 3100.0}
    found = claim_alerts(rule("claim_change", min_change=0.25), [base, small], now=NOW)
    assert len(found) == 1
    alert = found[0]
    assert alert.title == "Figure changed: North Korea soldiers 3,000 soldiers → 5,000 soldiers (+67%)"
    assert [a["source"] for a in alert.payload["articles"]] == ["Yonhap", "NK News"]
    assert "Figure: 3,000 soldiers → 5,000 soldiers" in render(alert.payload)[1]
    assert claim_alerts(rule("claim_change", include_hedged=False), [base], now=NOW) == []
    assert claim_alerts(rule("claim_change", subjects=["RUS"]), [base], now=NOW) == []


# --- feed_health ------------------------------------------------------------------------------------


def test_feed_health_episodes_and_silence() -> None:
    feeds = [
        {"source_id": "feed:a", "name": "A", "consecutive_failures": 3, "last_error": "HTTP 404"},
        {"source_id": "feed:b", "name": "B", "consecutive_failures": 0, "last_new_item_at": NOW - timedelta(hours=80)},
        {"source_id": "feed:c", "name": "C", "consecutive_failures": 0, "last_new_item_at": NOW - timedelta(hours=2)},
    ]
    health = feed_health_alerts(rule("feed_health", failures=3, silent_hours=72), feeds, {"feed:a": 2}, now=NOW)
    assert [a.subject for a in health.alerts] == [
        "feed:feed:a:failing:2",  # the third failing episode of this feed
        f"feed:feed:b:silent:{iso(NOW - timedelta(hours=80))}",
    ]
    assert "HTTP 404" in health.alerts[0].payload["summary"]
    assert health.recovered == ["feed:b", "feed:c"]


# --- digest and text --------------------------------------------------------------------------------


def digest_members(n: int, rule_name: str = "daily", *, summary_words: int = 20) -> list[dict]:
    """`n` digest-mode alerts of one rule, each with a title, a link and a summary."""
    digest_rule = rule("new_coverage", "digest", rule_name)
    return [
        make_alert(
            digest_rule,
            f"cluster:{i}",
            f"Story {i}: North Korean troops reach Kursk",
            NOW + timedelta(seconds=i),
            summary="relevance 0.90; " + "word " * summary_words,
            articles=[{"article_id": f"a{i}", "title": "t", "source": "Yonhap", "url": f"https://yonhap.example/{i}"}],
        ).payload
        for i in range(n)
    ]


def keys_in(body: str) -> list[str]:
    """The alert keys a digest message lists (its own key, on the last line, aside)."""
    return [line.split()[-1] for line in body.splitlines() if line.startswith("  dedup_key: ")]


def test_digest_without_threads_groups_by_rule_with_a_stable_key() -> None:
    rows = [article("a1", "c1", "Yonhap"), article("b1", "c2", "TASS")]
    members = [
        a.payload
        for a in coverage_alerts(
            rule("new_coverage", "digest", "daily"), rows, {}, {}, {}, now=NOW, topic_min_relevance=0
        )
    ]
    members += [
        a.payload
        for a in first_seen_alerts(
            rule("first_seen", "digest", "firsts"),
            [{"kind": "pair", "key": "A–B", "first_seen_at": NOW, "article_id": "a1", "is_seed": False}],
            {},
            now=NOW,
        )
    ]
    (message,) = digest_messages(members, now=NOW)
    again = digest_messages(list(reversed(members)), now=NOW + timedelta(hours=1))
    assert [m.dedup_key for m in again] == [message.dedup_key]  # the same alerts, the same key
    assert message.payload["kind"] == "digest" and (message.payload["part"], message.payload["parts"]) == (1, 1)
    assert message.title == "storywatch digest 2025-03-01: 3 alerts"
    body = message.body
    # No article has a thread: every alert is under "other", by rule, each marked with its rule.
    assert body.splitlines()[0] == "== other ==" and body.count("== ") == 1
    assert body.index("• [daily] New coverage: ") < body.index("• [firsts] First seen: ")
    assert sorted(keys_in(body)) == sorted(m["dedup_key"] for m in members) == sorted(message.members)
    assert body.splitlines()[-1] == f"dedup_key: {message.dedup_key} (digest {message.payload['alert_id']})"


@pytest.mark.parametrize("count", [1, 21, 200])
@pytest.mark.parametrize(
    "limit",
    [
        MessageLimit(body=4000, title=250),
        MessageLimit(body=2000, title_in_body=True),  # the title goes on top of the body (Mattermost-like)
        MessageLimit(body=1500, measure=lambda text: len(text) + 2 * text.count(".")),  # escaping grows text
    ],
)
def test_digest_split_carries_every_alert_once_within_the_limit(count: int, limit: MessageLimit) -> None:
    members = digest_members(count // 2, "a-rule") + digest_members(count - count // 2, "b-rule")
    messages = digest_messages(members, now=NOW, limit=limit)
    carried = [key for m in messages for key in keys_in(m.body)]
    assert sorted(carried) == sorted(p["dedup_key"] for p in members)  # each exactly once
    assert [list(m.members) for m in messages] == [keys_in(m.body) for m in messages]
    assert limit.body is not None
    for message in messages[:-1]:  # no more messages than it takes: each but the last is well filled
        assert limit.size(message.title, message.body) > limit.body * 2 / 3
    for number, message in enumerate(messages, start=1):
        assert limit.fits(message.title, message.body), (number, limit.size(message.title, message.body))
        assert (message.payload["part"], message.payload["parts"]) == (number, len(messages))
        if len(messages) > 1:
            assert f"({number}/{len(messages)}): {len(message.members)} of {count} alerts" in message.title
        # Each part reads on its own: it opens with its group's header and ends with its own key.
        assert message.body.startswith("== ") and message.body.splitlines()[-1].startswith(
            f"dedup_key: {message.dedup_key} "
        )
        assert message.payload["dedup_keys"] == list(message.members)


def test_digest_alert_longer_than_a_message_is_shortened_not_dropped() -> None:
    members = digest_members(3, summary_words=3000)  # ~15,000 characters of summary each
    limit = MessageLimit(body=1000, title=100)
    messages = digest_messages(members, now=NOW, limit=limit)
    assert len(messages) == 3
    for message, member in zip(messages, sorted(members, key=lambda m: m["created_at"]), strict=True):
        assert limit.fits(message.title, message.body)
        assert keys_in(message.body) == [member["dedup_key"]]
        assert member["title"] in message.body and "left out to fit this channel" not in message.title


def test_instant_alert_fits_its_channel_and_keeps_its_key() -> None:
    events = [
        {"actor_id": "PRK", "event_type": "MOBILIZE", "recipient_id": "RUS", "sentence": f"Event {i}. " + "x" * 300}
        for i in range(40)
    ]
    alert = make_alert(rule("new_coverage"), "cluster:long", "T" * 400, NOW, summary="why " * 30, events=events)
    title, body = render(alert.payload)
    assert len(body) > 8000 and body.count("Event: ") == 40  # unlimited (JSONL, console): all of it
    limit = MessageLimit(body=2000, title=250)
    title, body = render(alert.payload, limit=limit)
    assert len(title) <= 250 and limit.fits(title, body)
    lines = body.splitlines()
    assert lines[0].startswith("Rule: ") and lines[1].startswith("Why: ")
    assert lines[-1] == f"dedup_key: {alert.dedup_key} (alert {alert.alert_id})"
    left_out = next(line for line in lines if "left out to fit this channel" in line)
    assert int(left_out.split()[1]) == 40 - body.count("Event: ")
    # A service without a title and few lines (a desktop notification): still within, key kept.
    small = MessageLimit(body=300, title_in_body=True, lines=4)
    title, body = render(alert.payload, limit=small)
    assert small.fits(title, body) and body.splitlines()[-1].startswith("dedup_key: ")


def test_retry_backoff() -> None:
    assert [retry_delay_s(n, 60, 600) for n in (0, 1, 2, 3, 5)] == [0, 60, 120, 240, 600]


# --- secrets ----------------------------------------------------------------------------------------


def test_channel_urls_are_masked_and_secrets_expanded_late() -> None:
    assert mask_url("slack://T000/B000/XXXX/#news") == "slack://***"
    assert mask_url("MailTos://user:pw@example.org") == "mailtos://***"
    assert mask_url("not a url") == "***"
    url, used = expand_env("json://me:${TOKEN}@hooks.example/${PATH_PART}", {"TOKEN": "tok-123456", "PATH_PART": "p99"})
    assert url == "json://me:tok-123456@hooks.example/p99" and used == ["tok-123456", "p99"]
    with pytest.raises(ChannelError, match="environment variable NOPE is not set"):
        expand_env("json://${NOPE}@x", {})
    secrets = secrets_of(url, used)
    assert "tok-123456" in secrets
    assert scrub("error posting to json://me:tok-123456@hooks.example/p99", secrets) == "error posting to ***"
    channel = AppriseChannel("json://me:${TOKEN}@hooks.example/x")
    assert channel.display.startswith("json://***#") and "TOKEN" not in channel.id and channel.id.startswith("apprise:")
    # Two channels of one scheme are told apart by a fingerprint of the whole URL, stable and
    # short; nothing of the host or path (where a token may sit) is shown.
    bot = AppriseChannel("tgram://123456:BOTTOKEN/chat")
    assert re.fullmatch(r"tgram://\*\*\*#[0-9a-f]{4}", bot.display) and "BOTTOKEN" not in bot.display
    assert bot.display != AppriseChannel("tgram://123456:BOTTOKEN/other").display
    assert bot.display == AppriseChannel("tgram://123456:BOTTOKEN/chat").display
    assert bot.id.removeprefix("apprise:").startswith(bot.display.rsplit("#", 1)[1])
    fields = structured_fields({"dedup_key": "k1", "alert_id": "a-1", "rule": "major story & co", "kind": "spike"})
    assert fields == {"dedup_key": "k1", "alert_id": "a-1", "rule": "major story & co", "kind": "spike"}
    message = digest_messages(digest_members(2), now=NOW)[0]
    fields = structured_fields(message.payload)
    assert fields["dedup_keys"] == list(message.members) and (fields["part"], fields["parts"]) == (1, 1)
    assert structured_fields(message.payload, as_text=True)["dedup_keys"] == ",".join(message.members)


def test_service_limits_come_from_apprise() -> None:
    import apprise

    mattermost = service_limit(apprise.Apprise.instantiate("mmost://127.0.0.1:8065/token"))
    assert mattermost.body is not None and 3800 <= mattermost.body < 4000  # body_maxlen 4000, less a margin
    assert mattermost.title_in_body and mattermost.title is None
    webhook = service_limit(apprise.Apprise.instantiate("json://127.0.0.1/hook"))
    assert webhook.body is not None and 32000 <= webhook.body < 32768 and webhook.title == 250
    assert not webhook.title_in_body and webhook.measure("a_b*c") == 5  # JSON takes text as it is
    telegram = service_limit(apprise.Apprise.instantiate("tgram://123456789:abcdefg_hijklmnop/12315544"))
    assert telegram.body is not None and telegram.body < 4096
    assert telegram.measure("a<b>") == len("a&lt;b&gt;")  # sent as HTML: the entities count against the limit
