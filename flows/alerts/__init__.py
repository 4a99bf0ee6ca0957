"""Alerts: rules evaluated on the warehouse, each alert recorded once, delivered to channels.

- `kinds/` — one module per kind of alert (its parameters, evaluation and message text), found by
  `kinds.KINDS`; `kind.py` says what a kind is, `alert.py` what an alert is (its dedup_key and id).
- `evaluate.py` — every configured rule on the warehouse; new alerts recorded exactly once.
- `messages.py` — one alert's text, fitted to a channel; `digest.py` — the digest's messages.
- `channels.py` — console, JSONL file, apprise URLs (secrets masked); `storywatch alerts test`.
- `delivery.py` — sending what is due with retries, the run's alert step, the `digest` flow.
"""
