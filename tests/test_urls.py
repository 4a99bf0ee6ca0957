from __future__ import annotations

import base64

import pytest

from extractors.urls import normalize_url, unwrap_redirect


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # scheme and host case, default ports, fragments
        ("HTTP://Example.COM:80/a", "http://example.com/a"),
        ("https://EXAMPLE.com:443/a#section-2", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("http://example.com:443/a", "http://example.com:443/a"),
        ("https://example.com.", "https://example.com/"),
        ("  https://example.com/a  ", "https://example.com/a"),
        # user-info is dropped
        ("https://user:secret@example.com/a", "https://example.com/a"),
        # IDNA
        ("https://Bücher.example/x", "https://xn--bcher-kva.example/x"),
        ("https://xn--bcher-kva.example/x", "https://xn--bcher-kva.example/x"),
        ("http://[2001:DB8::0001]:8080/x", "http://[2001:db8::1]:8080/x"),
        ("http://127.0.0.1/x", "http://127.0.0.1/x"),
        # path: dot segments, escapes, case and trailing slash kept
        ("https://example.com/a/./b/../c", "https://example.com/a/c"),
        ("https://example.com/a/b/..", "https://example.com/a/"),
        ("https://example.com/../../a", "https://example.com/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/News/Story/", "https://example.com/News/Story/"),
        ("https://example.com/News/Story", "https://example.com/News/Story"),
        ("https://example.com/%7euser/%2fx%2Fy", "https://example.com/~user/%2Fx%2Fy"),
        ("https://example.com/%41%62c", "https://example.com/Abc"),
        ("https://example.com/a b/ü", "https://example.com/a%20b/%C3%BC"),
        ("https://example.com/%C3%BC", "https://example.com/%C3%BC"),
        ("https://example.com/100%", "https://example.com/100%25"),
        # query: tracking removed, the rest sorted stably, empty query dropped
        (
            "https://example.com/a?utm_source=rss&utm_medium=feed&id=5&fbclid=IwAR0&b=2",
            "https://example.com/a?b=2&id=5",
        ),
        ("https://example.com/a?utm_campaign=x", "https://example.com/a"),
        ("https://example.com/a?", "https://example.com/a"),
        ("https://example.com/a?z=1&a=2&z=0&a=1", "https://example.com/a?a=2&a=1&z=1&z=0"),
        (
            "https://example.com/a?gclid=1&dclid=2&msclkid=3&mc_cid=4&mc_eid=5&igshid=6&_ga=7"
            "&ref_src=twsrc&cmpid=8&ocid=9&smid=nytcore&UTM_Content=10&WT.mc_id=11&keep=yes",
            "https://example.com/a?keep=yes",
        ),
        ("https://example.com/s?q=a+b&page=2", "https://example.com/s?page=2&q=a+b"),
        ("https://example.com/s?q=%e2%82%ac&x=%26%3d", "https://example.com/s?q=%E2%82%AC&x=%26%3D"),
        ("https://example.com/s?flag&&x=", "https://example.com/s?flag&x="),
        ("https://example.com/s?ref=homepage", "https://example.com/s?ref=homepage"),
    ],
)
def test_normalize_url(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


def test_normalize_is_idempotent() -> None:
    urls = [
        "HTTP://Example.COM:80/a/./b/../c?b=2&a=1&utm_source=x#frag",
        "https://Bücher.example/a b/ü?q=%e2%82%ac&z=1&a=%41",
        "https://www.google.com/url?q=https://example.com/x%3Fb%3D1%26a%3D2&sa=U",
    ]
    for url in urls:
        once = normalize_url(url)
        assert normalize_url(once) == once


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("ftp://example.com/file", "unsupported URL scheme 'ftp'"),
        ("javascript:alert(1)", "unsupported URL scheme 'javascript'"),
        ("mailto:desk@example.com", "unsupported URL scheme 'mailto'"),
        ("/2024/03/story.html", "no scheme"),
        ("//example.com/a", "no scheme"),
        ("http:///path-only", "no host"),
        ("https://", "no host"),
        ("", "empty URL"),
        ("https://example.com:99999/", "invalid port"),
        ("https://exa mple.com/", "invalid host name"),
        ("http://[::1/", "malformed URL"),
    ],
)
def test_normalize_url_rejects(url: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        normalize_url(url)


def _gnews_token(url: str) -> str:
    data = url.encode()
    raw = b"\x08\x13\x22" + bytes([len(data)]) + data + b"\xd2\x01\x00"
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize(
    ("wrapped", "target"),
    [
        (
            "https://www.google.com/url?rct=j&sa=t&url=https://www.nknews.org/2024/03/talks/&ct=ga&cd=CAIy&usg=AOvVaw1",
            "https://www.nknews.org/2024/03/talks/",
        ),
        (
            "https://www.google.co.uk/url?q=https%3A%2F%2Fexample.com%2Fa%3Fx%3D1&sa=U",
            "https://example.com/a?x=1",
        ),
        ("https://google.com/url?q=http://example.org/b", "http://example.org/b"),
        (
            "http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=ABC&url=https%3a%2f%2fwww.reuters.com"
            "%2fworld%2fasia-pacific%2fstory-2024-03-05%2f&c=123&mkt=en-us",
            "https://www.reuters.com/world/asia-pacific/story-2024-03-05/",
        ),
        (
            "https://www.bing.com/ck/a?!&&p=abc&u="
            + "a1"
            + base64.urlsafe_b64encode(b"https://example.com/bing-target").decode().rstrip("=")
            + "&ntb=1",
            "https://example.com/bing-target",
        ),
        (
            "https://news.google.com/rss/articles/x?url=https://apnews.com/article/abc&oc=5",
            "https://apnews.com/article/abc",
        ),
        (
            "https://news.google.com/rss/articles/" + _gnews_token("https://www.yna.co.kr/view/AEN1") + "?oc=5",
            "https://www.yna.co.kr/view/AEN1",
        ),
        (
            "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2Fstory%3Ffbclid%3DIwAR&h=AT0",
            "https://example.com/story?fbclid=IwAR",
        ),
        ("https://lm.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2F", "https://example.com/"),
        (
            "https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fexample.com%2Fx",
            "https://example.com/x",
        ),
        (
            "https://www.youtube.com/redirect?event=video&q=https%3A%2F%2Fexample.com%2Fy",
            "https://example.com/y",
        ),
        ("https://duckduckgo.com/l/?uddg=https%3A%2F%2Fexample.com%2Fz&rut=1", "https://example.com/z"),
        (
            "https://r.search.yahoo.com/_ylt=A0/RV=2/RE=1/RO=10/RU=https%3a%2f%2fexample.com%2fy%2f/RK=2/RS=x-",
            "https://example.com/y/",
        ),
        (
            "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.com%2Fs&data=05",
            "https://example.com/s",
        ),
        # nested wrappers
        (
            "https://l.facebook.com/l.php?u="
            "https%3A%2F%2Fwww.google.com%2Furl%3Fq%3Dhttps%253A%252F%252Fexample.com%252Fdeep",
            "https://example.com/deep",
        ),
    ],
)
def test_unwrap_redirect(wrapped: str, target: str) -> None:
    assert unwrap_redirect(wrapped) == target


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/search?url=https://other.example/x",  # not a known wrapper host
        "https://example.com/share?u=https://other.example/x",
        "https://www.google.com/search?q=north+korea",  # a search, not a redirect
        "https://www.google.com/url?q=javascript:alert(1)",  # target is not http(s)
        "https://l.facebook.com/l.php?u=/relative",
        "https://news.google.com/rss/articles/CBMiAU_yqLNewOpaqueId?oc=5",  # opaque new-style id
        "https://notgoogle.com/url?q=https://example.com/",
        "https://www.google.evil.example/url?q=https://example.com/",
        "not a url",
    ],
)
def test_unwrap_leaves_other_urls_alone(url: str) -> None:
    assert unwrap_redirect(url) == url


def test_normalize_unwraps_first() -> None:
    wrapped = (
        "https://www.google.com/url?rct=j&sa=t&url=https://WWW.NKNews.org:443/2024/03/talks/"
        "%3Futm_source%3Dalerts%26id%3D7&ct=ga"
    )
    assert normalize_url(wrapped) == "https://www.nknews.org/2024/03/talks/?id=7"
    # a wrapper pointing at something that is not http(s) is judged as itself
    assert normalize_url("https://www.google.com/url?q=ftp://x.example/") == (
        "https://www.google.com/url?q=ftp://x.example/"
    )
