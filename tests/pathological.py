"""Generated pathological inputs for tests/test_fuzz.py: texts and HTML that stress the extractors'
size, depth and character handling. Deterministic (a fixed seed), so a failure reproduces."""

from __future__ import annotations

import random

_COUNTRIES = (
    "Russia", "China", "North Korea", "South Korea", "Japan", "Ukraine", "Belarus", "Iran", "Syria", "Israel",
    "India", "Pakistan", "Mongolia", "Vietnam", "Laos", "Cuba", "Venezuela", "Turkey", "Egypt", "Qatar",
)  # fmt: skip
_PEOPLE = (
    "Kim Jong Un", "Vladimir Putin", "Xi Jinping", "Sergei Lavrov", "Wang Yi", "Choe Son Hui", "Yoon Suk Yeol",
    "Mao Ning", "Dmitry Peskov", "Kim Yo Jong", "Antony Blinken", "Volodymyr Zelensky", "Fumio Kishida",
)  # fmt: skip


def texts(seed_text: str) -> list[tuple[str, str]]:
    """(name, text) pairs; `seed_text` (a real article) is the material long texts repeat."""
    rng = random.Random(12)
    out: list[tuple[str, str]] = []
    article = seed_text.strip() + "\n\n"
    out.append(("1.5M characters", (article * (1_500_000 // len(article) + 1))[:1_500_000]))
    out.append(("1.5M characters, one paragraph", " ".join(article.split()) * (1_500_000 // len(article) + 1)))
    out.append(("200k characters, no white space", "x" * 200_000))
    words = [
        rng.choice(("troops", "Russia", "sent", "the", "and", "of", "China", "said", "missiles", "to"))
        for _ in range(10_000)
    ]
    out.append(("10k-word sentence", " ".join(words) + "."))
    out.append(("10k-word sentence, no full stop", " ".join(words)))
    said = "".join(f"{rng.choice(_PEOPLE)} said that " for _ in range(500))
    out.append(("'X said that' x500", said + "North Korea sent troops to Russia."))
    out.append(
        (
            "coordination x500",
            ", ".join(rng.choice(_COUNTRIES) for _ in range(500)) + " and China condemned the strikes.",
        )
    )
    out.append(("'A and B and' x500", " and ".join(rng.choice(_COUNTRIES) for _ in range(500)) + " signed a pact."))
    out.append(("500 names, one per line", "\n".join(rng.choice(_PEOPLE) for _ in range(500))))
    out.append(("500 names, one list", "Present were " + ", ".join(rng.choice(_PEOPLE) for _ in range(500)) + "."))
    out.append(("relative clauses x500", "The envoy " + "who met the minister " * 500 + "sent troops to Russia."))
    out.append(("appositions x300", "The officials, " + "their countries' envoys, " * 300 + "sent troops to Syria."))
    out.append(("pronouns x5000", "They said " + "their " * 5_000 + "troops attacked them."))
    out.append(("nested parentheses x5000", "(" * 5_000 + "Russia sent troops" + ")" * 5_000 + " to Kursk."))
    out.append(("nested quotes x2000", "\u201c\u2018" * 2_000 + "We will strike, said Kim." + "\u2019\u201d" * 2_000))
    out.append(("quotes unbalanced x5000", '"' * 5_001 + " Kim said the troops would stay."))
    out.append(
        (
            "NUL and control characters",
            "".join(chr(i) for i in range(32)) * 200 + "Russia\x00sent\x07troops to\x1bKursk.\x7f",
        )
    )
    out.append(("only punctuation", ".!?;:,-" * 20_000))
    out.append(("only white space", " \n\t\r\u00a0\u2028\u2029\u0085" * 20_000))
    out.append(("empty", ""))
    out.append(
        (
            "huge numbers",
            "Russia sent "
            + "9" * 5_000
            + " troops and "
            + "1," * 3_000
            + "000 missiles, worth $"
            + "9" * 400
            + " billion, 9999 years ago.",
        )
    )
    out.append(
        (
            "dates out of range",
            "North Korea sent 99999999999 troops to Russia 99999999999 days ago, 10000 years ago, "
            "on 31 February 2024, in the year 0000.",
        )
    )
    mixed = "Россия и 北朝鮮 및 대한민국 والصين sent troops 🇷🇺🇰🇵 to Kursk 👨\u200d👩\u200d👧\u200d👦. "
    out.append(("mixed scripts and emoji", mixed * 300))
    out.append(
        (
            "RTL marks and zero-width",
            ("\u202eRussia\u202c \u200fsent\u200e \u200dtroops\u200c\u2060 to\ufeff Kursk\u2066.\u2069 ") * 500,
        )
    )
    out.append(("combining characters", "Ru" + "\u0301\u0308\u0323" * 3_000 + "ssia sent troops to K\u0336u\u0336rsk."))
    out.append(("lone surrogates", "\ud800Russia sent \udfff troops to Kursk\udc00. " * 200))
    out.append(("emoji only", "🚀💥🔥" * 10_000))
    out.append(("surrogate-free astral", "".join(chr(rng.randrange(0x10000, 0x10FFFF)) for _ in range(5_000))))
    out.append(("random unicode", "".join(chr(rng.randrange(0x20, 0xD7FF)) for _ in range(20_000))))
    out.append(
        (
            "random words",
            " ".join(
                "".join(rng.choice("abcdefghijklmnopqrstuvwxyzRKCN.,'\"") for _ in range(rng.randrange(1, 12)))
                for _ in range(20_000)
            ),
        )
    )
    return out


def html_pages(seed_text: str) -> list[tuple[str, str]]:
    """(name, HTML) pairs: deep nesting, unclosed tags, huge attributes, control characters."""
    body = "".join(f"<p>{p}</p>" for p in seed_text.split("\n") if p.strip())
    page = "<html><head><title>Kursk</title></head><body>{}</body></html>"
    out = [
        ("10k-deep <div>", page.format("<div>" * 10_000 + body + "</div>" * 10_000)),
        ("100k-deep <div>", page.format("<div>" * 100_000 + body + "</div>" * 100_000)),
        (
            "10k-deep mixed inline",
            page.format("<b><i><span><a href='#'>" * 2_500 + body + "</a></span></i></b>" * 2_500),
        ),
        ("10k-deep unclosed", page.format("<div><p><table><tr><td>" * 2_000 + body)),
        ("10k-deep <ul><li>", page.format("<ul><li>" * 10_000 + body)),
        ("nested tables", page.format("<table><tr><td>" * 3_000 + body + "</td></tr></table>" * 3_000)),
        ("huge attribute", page.format(f"<div class='{'x' * 1_000_000}'>{body}</div>")),
        ("1.5M characters of text", page.format("<p>" + ("Russia sent troops. " * 75_000) + "</p>")),
        (
            "NUL and control characters",
            page.format("<p>\x00\x01\x02 Russia \x0b\x0c sent \x1f troops</p>" * 100 + body),
        ),
        ("comments and CDATA", page.format("<!--" * 1_000 + body + "-->" * 1_000 + "<![CDATA[" * 1_000)),
        ("script and style only", "<script>" * 1_000 + "alert(1)" + "<style>" * 1_000),
        ("not HTML", "\x89PNG\r\n\x1a\n" + "\x00" * 10_000),
        ("empty", ""),
        ("entities", page.format("&amp;" * 50_000 + "&#0;&#xD800;&#x110000;&#99999999999;&bogus;" * 1_000 + body)),
        ("JSON-LD nested 100k deep", page.format(body).replace("<title>", _ld("[" * 100_000) + "<title>")),
        ("JSON-LD @graph 100k deep", page.format(body).replace("<title>", _ld('{"@graph":' * 100_000) + "<title>")),
        (
            "mixed scripts",
            page.format("<p dir='rtl'>\u202e" + "Россия 北朝鮮 대한민국 الصين 🇷🇺 " * 2_000 + "</p>" + body),
        ),
    ]
    return out


def _ld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'
