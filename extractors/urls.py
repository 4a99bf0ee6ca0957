"""URL normalisation and redirect-wrapper unwrapping for article identity.

`normalize_url` maps the many spellings of one article's address to one string, so the same story
reached through a search feed, a share link with tracking parameters or a differently-cased host
gets one `article_id`. It is deliberately conservative where servers could tell spellings apart:
the path keeps its case and its trailing slash, repeated slashes stay, parameter values keep their
bytes (only percent-encoding is normalised), and only parameters known to be tracking are removed.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import re
from urllib.parse import SplitResult, parse_qsl, unquote, urlsplit, urlunsplit

import idna

__all__ = ["TRACKING_PARAMS", "TRACKING_PREFIXES", "normalize_url", "unwrap_redirect"]

# Query parameters that only say how a reader arrived (compared case-insensitively).
TRACKING_PARAMS = frozenset(
    {
        # ad / click ids
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
        "ttclid", "li_fat_id", "igshid", "igsh", "epik", "rb_clickid", "s_kwcid", "ef_id",
        # Google Analytics / Mailchimp / HubSpot / Marketo / Vero / Omeda
        "_ga", "_gl", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp",
        "hsctatracking", "mkt_tok", "vero_id", "vero_conv", "oly_anon_id", "oly_enc_id",
        # publishers' share and campaign markers
        "ref_src", "ref_url", "cmpid", "cmp", "intcmp", "ocid", "smid", "smtyp", "ncid", "sr_share",
        "soc_src", "soc_trk", "wt.mc_id", "wt.mc_ev", "xtor", "at_medium", "at_campaign",
        "at_custom1", "at_custom2", "at_custom3", "at_custom4", "at_link", "at_ptr_name",
        "ns_campaign", "ns_mchannel", "ns_source", "ns_linkname", "ns_fee", "s_cid",
        "guccounter", "guce_referrer", "guce_referrer_sig", "__twitter_impression", "spm",
        "share_source", "fb_action_ids", "fb_action_types", "fb_ref", "fb_source",
        # Matomo / Piwik (its newer `mtm_` names are matched by prefix)
        "pk_campaign", "pk_kwd", "pk_keyword", "pk_source", "pk_medium", "pk_content", "pk_cid",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "mtm_", "hmb_")  # UTM, Matomo, HubSpot

_DEFAULT_PORTS = {"http": 80, "https": 443}
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_SUB_DELIMS = "!$&'()*+,;="
_PATH_SAFE = frozenset(_UNRESERVED | set(_SUB_DELIMS) | set(":@/"))
_QUERY_KEY_SAFE = frozenset(_UNRESERVED | set("!$'()*+,;:@/?"))
_QUERY_VALUE_SAFE = _QUERY_KEY_SAFE | {"="}
_HEX = frozenset("0123456789abcdefABCDEF")
_MAX_UNWRAP = 5
_HOST_RE = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*")


# --------------------------------------------------------------------------- public


def normalize_url(url: str) -> str:
    """The canonical form of an http(s) URL; raises ValueError naming the problem otherwise.

    Unwraps known redirect wrappers first, then: lower-case scheme and host, IDNA (punycode) host,
    no user-info, no default port, no fragment, percent-encoding normalised (unreserved characters
    decoded, other escapes upper-cased, unsafe characters encoded as UTF-8), dot segments removed,
    an empty path becomes "/", tracking parameters removed, the remaining parameters sorted by
    name (stable, so repeated names keep their order), no "?" when nothing is left.
    """
    if not isinstance(url, str):
        raise TypeError(f"URL must be a string, not {type(url).__name__}")
    parts = _split_http(unwrap_redirect(url.strip()), original=url)
    host = _normalize_host(parts, url)
    port = _port(parts, url)
    netloc = host if port is None or port == _DEFAULT_PORTS[parts.scheme.lower()] else f"{host}:{port}"
    path = _remove_dot_segments(_normalize_escapes(parts.path, _PATH_SAFE)) or "/"
    if not path.startswith("/"):
        path = "/" + path
    query = _normalize_query(parts.query)
    return urlunsplit((parts.scheme.lower(), netloc, path, query, ""))


def unwrap_redirect(url: str) -> str:
    """The target of a search-feed / social redirect wrapper whose target is in the URL itself.

    Google (`google.*/url?url=|q=`, `news.google.com/...?url=`, old-style `news.google.com/articles/`
    ids), Bing (`bing.com/news/apiclick.aspx?url=`, `bing.com/ck/a?u=a1<base64>`), Facebook
    (`l.facebook.com/l.php?u=`), Instagram, LinkedIn, Reddit, YouTube, Slack, DuckDuckGo, Yahoo
    search (`RU=`), Outlook Safe Links. Nested wrappers are unwrapped too. Anything else — and any
    wrapper whose target is not an http(s) URL — is returned unchanged.
    """
    current = url.strip()
    for _ in range(_MAX_UNWRAP):
        target = _unwrap_once(current)
        if target is None or target == current:
            break
        current = target
    return current


# --------------------------------------------------------------------------- unwrapping


def _unwrap_once(url: str) -> str | None:
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if parts.scheme.lower() not in _DEFAULT_PORTS or not host:
        return None
    path = parts.path or "/"
    params = _params(parts.query)

    def first(*names: str) -> str | None:
        for name in names:
            for value in params.get(name, []):
                if _is_http_url(value):
                    return value
        return None

    labels = host.split(".")
    if _is_google(labels) and path in ("/url", "/imgres", "/local_url"):
        return first("url", "q", "imgrefurl")
    if host == "news.google.com":
        return first("url") or _google_news_article(path)
    if _is_site(host, "bing.com"):
        if path.lower() == "/news/apiclick.aspx":
            return first("url")
        if path == "/ck/a":
            return _bing_ck(params.get("u", []))
        return None
    if host in ("l.facebook.com", "lm.facebook.com") or (_is_site(host, "facebook.com") and path == "/l.php"):
        return first("u")
    if host == "l.instagram.com":
        return first("u")
    if _is_site(host, "linkedin.com") and path.startswith("/redir/redirect"):
        return first("url")
    if host == "out.reddit.com":
        return first("url")
    if _is_site(host, "youtube.com") and path == "/redirect":
        return first("q")
    if host == "slack-redir.net" and path == "/link":
        return first("url")
    if _is_site(host, "duckduckgo.com") and path == "/l/":
        return first("uddg")
    if host.endswith("safelinks.protection.outlook.com"):
        return first("url")
    if host == "r.search.yahoo.com":
        match = re.search(r"/RU=([^/]+)/", path + "/")
        if match:
            target = unquote(match.group(1))
            return target if _is_http_url(target) else None
    return None


def _params(query: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        out.setdefault(key.lower(), []).append(value.strip())
    return out


def _is_http_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
        return parts.scheme.lower() in _DEFAULT_PORTS and bool(parts.hostname)
    except ValueError:
        return False


def _is_site(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def _is_google(labels: list[str]) -> bool:
    """google.com, www.google.co.uk, google.de … (not news.google.com, handled on its own)."""
    if labels[:1] == ["www"]:
        labels = labels[1:]
    if not labels or labels[0] != "google":
        return False
    rest = labels[1:]
    return 1 <= len(rest) <= 2 and all(len(label) <= 3 for label in rest)


def _google_news_article(path: str) -> str | None:
    """Old-style news.google.com/(rss/)articles/<id> ids are a base64 protobuf that holds the URL
    (`08 13 22 <length> <url> …`); newer ids (2024 on) are opaque and need a request to resolve,
    so they stay as they are."""
    match = re.match(r"^/(?:rss/)?articles/([A-Za-z0-9_-]+)", path)
    if not match:
        return None
    token = match.group(1)
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        return None
    if not raw.startswith(b"\x08\x13\x22"):
        return None
    length, shift, pos = 0, 0, 3
    while pos < len(raw) and shift <= 28:  # protobuf varint
        byte = raw[pos]
        length |= (byte & 0x7F) << shift
        pos += 1
        shift += 7
        if not byte & 0x80:
            break
    candidate = raw[pos : pos + length]
    if len(candidate) != length:
        return None
    try:
        text = candidate.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if _is_http_url(text) else None


def _bing_ck(values: list[str]) -> str | None:
    """bing.com/ck/a?...&u=a1<base64url of the target>."""
    for value in values:
        if not value.startswith("a1"):
            continue
        token = value[2:]
        try:
            text = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("utf-8")
        except (binascii.Error, ValueError, UnicodeDecodeError):
            continue
        if _is_http_url(text):
            return text
    return None


# --------------------------------------------------------------------------- normalising


def _split_http(url: str, *, original: str) -> SplitResult:
    if not url:
        raise ValueError("empty URL")
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise ValueError(f"malformed URL {original!r}: {exc}") from None
    scheme = parts.scheme.lower()
    if not scheme:
        raise ValueError(f"URL has no scheme (relative URL?): {original!r}")
    if scheme not in _DEFAULT_PORTS:
        raise ValueError(f"unsupported URL scheme {scheme!r} (only http and https): {original!r}")
    if not parts.hostname:
        raise ValueError(f"URL has no host: {original!r}")
    return parts


def _normalize_host(parts: SplitResult, original: str) -> str:
    host = unquote(parts.hostname or "").rstrip(".")
    if not host:
        raise ValueError(f"URL has no host: {original!r}")
    if "[" in parts.netloc:  # IPv6 literal
        try:
            return f"[{ipaddress.IPv6Address(host.split('%')[0]).compressed}]"
        except ValueError:
            raise ValueError(f"invalid IPv6 host {host!r} in URL {original!r}") from None
    if host.isascii():
        host = host.lower()
        if _HOST_RE.fullmatch(host):
            return host  # plain ASCII host names (underscores tolerated, as browsers do)
    try:
        encoded = idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError:
        try:  # IDNA 2003, as some browsers still accept (e.g. symbols in labels)
            encoded = host.encode("idna").decode("ascii").lower()
        except UnicodeError:
            encoded = ""
    if not _HOST_RE.fullmatch(encoded):
        raise ValueError(f"invalid host name {host!r} in URL {original!r}")
    return encoded


def _port(parts: SplitResult, original: str) -> int | None:
    try:
        return parts.port
    except ValueError:
        raise ValueError(f"invalid port in URL {original!r}") from None


def _normalize_escapes(text: str, safe: frozenset[str]) -> str:
    """Decode escapes of unreserved characters, upper-case the rest, encode what is not safe."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "%" and i + 2 < n and text[i + 1] in _HEX and text[i + 2] in _HEX:
            byte = int(text[i + 1 : i + 3], 16)
            decoded = chr(byte)
            out.append(decoded if byte < 0x80 and decoded in _UNRESERVED else f"%{byte:02X}")
            i += 3
            continue
        if char in safe:
            out.append(char)
        else:
            out.extend(f"%{b:02X}" for b in char.encode("utf-8", "surrogatepass"))
        i += 1
    return "".join(out)


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4."""
    if "." not in path:
        return path
    output: list[str] = []
    segments = path.split("/")
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == ".":
            if last:
                output.append("")
        elif segment == "..":
            if len(output) > 1 or (output and output[0] != ""):
                output.pop()
            if last:
                output.append("")
        else:
            output.append(segment)
    result = "/".join(output)
    if path.startswith("/") and not result.startswith("/"):
        result = "/" + result
    return result


def _is_tracking(name: str) -> bool:
    lowered = unquote(name).lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def _normalize_query(query: str) -> str:
    kept: list[tuple[str, str]] = []
    for piece in query.split("&"):
        if not piece:
            continue
        name, sep, value = piece.partition("=")
        if _is_tracking(name.replace("+", " ")):
            continue
        name = _normalize_escapes(name, _QUERY_KEY_SAFE)
        if not name and not value:
            continue
        kept.append((name, f"{name}{sep}{_normalize_escapes(value, _QUERY_VALUE_SAFE)}"))
    kept.sort(key=lambda item: item[0])  # stable: repeated names keep their order
    return "&".join(text for _, text in kept)
