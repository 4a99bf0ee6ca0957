"""Feeds: getting the news off the network, one module per concern, each naming its surface in `__all__`.

* `fetch` — the polite, safe HTTP fetcher (`Fetcher`, `FetchSettings`, `FetchError`, `AllowList`).
* `polling` — which feeds are due, polling them, the backlog and fetching article pages (`poll_feeds`,
  `plan_fetches`, `fetch_articles`, `feed_source_id`).
* `parse` — feed parsing in a bounded worker process (`parse_feed_bounded`).
* `urlsecrets` — `${VAR}` secrets in URLs and their masking in messages (`expand_env`, `mask_credentials`).

Nothing is imported here: `python -m flows.feeds.parse` and `flows.config` import single modules and must
not pay for httpx.
"""
