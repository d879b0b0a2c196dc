"""Check the external links editors wrote: `make linkcheck-external`.

Needs the internet, so it is not part of `make test` (CI has none); its tests
run against local servers. Every URL from external_links.py is checked once,
politely and patiently:

- one request at a time per host, at least `interval` seconds apart
  (different hosts are checked in parallel);
- 429, 5xx and timeouts are retried with exponential back-off (Retry-After is
  honoured up to a bound);
- redirects are followed by hand so that a permanent one (301, 308) can be
  reported with its new address, and a redirect loop is an error;
- results that will not change soon (ok, redirects, 404/410) are cached in
  .cache/linkcheck.json for `max_age` days; warnings are checked again next run.

Severity, as editors need it: 404 and 410 are errors (the page is gone; exit 1);
429, timeouts, 5xx, 401/403 and permanent redirects are warnings (check by
hand, or update the URL). Output is `path:line: [status] url`, sorted.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from .external_links import Hyperlink, collect_links

USER_AGENT = "gyeonggi-kb-linkcheck/1.0 (+link check of a public-sector knowledge base)"
PERMANENT = (301, 308)
TEMPORARY = (302, 303, 307)
GONE = (404, 410)
RETRY = (429, 500, 502, 503, 504)
CACHED = ("ok", "redirect", "moved", "broken")


@dataclass(frozen=True)
class Result:
    status: str  # ok | redirect | moved | broken | rate-limited | timeout | server-error | refused | loop | unreachable
    code: int | None = None
    target: str | None = None  # where a redirect leads
    detail: str = ""

    @property
    def severity(self) -> str:
        if self.status in ("ok", "redirect"):
            return "ok"
        return "error" if self.status in ("broken", "loop", "unreachable") else "warning"

    def label(self) -> str:
        return f"{self.code} {self.status}" if self.code else self.status


@dataclass
class Settings:
    timeout: float = 15.0
    retries: int = 2
    backoff: float = 2.0  # seconds before the first retry; doubles each time
    max_wait: float = 60.0  # longest back-off or Retry-After honoured
    interval: float = 1.0  # per host
    max_redirects: int = 10
    workers: int = 8
    max_age_days: float = 7.0


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # we follow redirects ourselves to see each hop


OPENER = urllib.request.build_opener(NoRedirect)


class HostPacer:
    """Keeps requests to one host `interval` seconds apart; clock and sleep are injectable for tests."""

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        self.interval, self.clock, self.sleep = interval, clock, sleep
        self.last: dict[str, float] = {}
        self.lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self.lock:
            due = self.last.get(host, float("-inf")) + self.interval
            now = self.clock()
            self.last[host] = max(now, due)
        if due > now:
            self.sleep(due - now)


def ascii_url(url: str) -> str:
    """Percent-encode a URL as written by editors (e.g. law.go.kr/법령/...) so it can go on the wire."""
    parts = urlsplit(url)
    host = parts.hostname.encode("idna").decode("ascii") if parts.hostname else ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    keep = "/%:@!$&'()*+,;=-._~"
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe=keep), quote(parts.query, safe=keep + "?"), quote(parts.fragment, safe=keep)))


def request_once(url: str, timeout: float) -> tuple[int, str | None, str | None]:
    """(status code, Location header, Retry-After header) of one GET, without following redirects."""
    req = urllib.request.Request(ascii_url(url), headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with OPENER.open(req, timeout=timeout) as response:
            return response.status, None, None
    except urllib.error.HTTPError as err:
        with err:
            return err.code, err.headers.get("Location"), err.headers.get("Retry-After")


def retry_delay(attempt: int, retry_after: str | None, settings: Settings) -> float:
    if retry_after and retry_after.strip().isdigit():
        return min(float(retry_after), settings.max_wait)
    return min(settings.backoff * 2**attempt, settings.max_wait)


def check_url(url: str, settings: Settings, pacer: HostPacer, sleep: Callable[[float], None] = time.sleep) -> Result:
    seen, current, first_hop = {url}, url, None
    for _hop in range(settings.max_redirects + 1):
        result = fetch_with_retries(current, settings, pacer, sleep)
        if isinstance(result, Result):
            return result
        code, location = result
        if code in PERMANENT + TEMPORARY and location:
            target = urljoin(current, location)
            first_hop = first_hop or code
            if target in seen:
                return Result("loop", code, target, "redirects back to an address already visited")
            seen.add(target)
            current = target
            continue
        if code in GONE:
            return Result("broken", code, None if current == url else current)
        if code in (401, 403):
            return Result("refused", code, detail="the server refuses automated checks; open it in a browser")
        if code >= 400:
            return Result("server-error", code)
        if first_hop in PERMANENT:
            return Result("moved", first_hop, current, "update the URL")
        return Result("redirect" if first_hop else "ok", first_hop or code, current if first_hop else None)
    return Result("loop", None, current, f"more than {settings.max_redirects} redirects")


def fetch_with_retries(url: str, settings: Settings, pacer: HostPacer, sleep) -> tuple[int, str | None] | Result:
    host = urlsplit(url).netloc
    for attempt in range(settings.retries + 1):
        pacer.wait(host)
        try:
            code, location, retry_after = request_once(url, settings.timeout)
        except (TimeoutError, socket.timeout):
            outcome, retry_after = Result("timeout", detail=f"no answer within {settings.timeout:g} s"), None
        except urllib.error.URLError as err:
            if isinstance(err.reason, (TimeoutError, socket.timeout)):
                outcome, retry_after = Result("timeout", detail=f"no answer within {settings.timeout:g} s"), None
            else:
                return Result("unreachable", detail=str(err.reason))
        except (OSError, ValueError) as err:  # connection reset, bad URL...
            return Result("unreachable", detail=str(err))
        else:
            if code not in RETRY:
                return code, location
            outcome = Result("rate-limited" if code == 429 else "server-error", code)
        if attempt < settings.retries:
            sleep(retry_delay(attempt, retry_after, settings))
    return outcome


class Cache:
    """URL -> result and when it was checked; entries older than max_age_days are ignored."""

    def __init__(self, path: Path | None, max_age_days: float, now: Callable[[], float] = time.time):
        self.path, self.max_age, self.now = path, max_age_days * 86400, now
        self.entries: dict = {}
        if path and path.is_file():
            try:
                self.entries = json.loads(path.read_text(encoding="utf-8"))
            except (ValueError, OSError):
                self.entries = {}  # a damaged cache only costs a full check

    def get(self, url: str) -> Result | None:
        entry = self.entries.get(url)
        if not entry or self.now() - entry["checked"] > self.max_age:
            return None
        return Result(**entry["result"])

    def put(self, url: str, result: Result) -> None:
        if result.status in CACHED:
            self.entries[url] = {"checked": self.now(), "result": asdict(result)}

    def save(self) -> None:
        if self.path:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(self.entries, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def check_all(urls: list[str], settings: Settings, cache: Cache, pacer: HostPacer | None = None, sleep=time.sleep) -> dict[str, Result]:
    """Check each URL once; hosts in parallel, each host's URLs one after another."""
    pacer = pacer or HostPacer(settings.interval)
    results = {url: cached for url in urls if (cached := cache.get(url))}
    by_host: dict[str, list[str]] = {}
    for url in sorted(set(urls) - set(results)):
        by_host.setdefault(urlsplit(url).netloc, []).append(url)

    def run_host(host_urls: list[str]) -> list[tuple[str, Result]]:
        return [(url, check_url(url, settings, pacer, sleep)) for url in host_urls]

    with ThreadPoolExecutor(max_workers=settings.workers) as pool:
        for pairs in pool.map(run_host, by_host.values()):
            for url, result in pairs:
                results[url] = result
                cache.put(url, result)
    cache.save()
    return results


def report(links: list[Hyperlink], results: dict[str, Result]) -> tuple[list[str], dict[str, int]]:
    """`path:line: [status] url` for everything that needs an editor, and counts per severity."""
    lines = []
    for link in sorted(links):
        result = results[link.url]
        if result.severity == "ok":
            continue
        line = f"{link.path}:{link.line}: [{result.label()}] {link.url}"
        if result.target:
            line += f" -> {result.target}"
        if result.detail:
            line += f" ({result.detail})"
        lines.append(line)
    counts = {"ok": 0, "warning": 0, "error": 0}
    for result in results.values():
        counts[result.severity] += 1
    return lines, counts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gyeonggi_kb.linkcheck", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root (default: current folder)")
    parser.add_argument("--cache", type=Path, default=None, help="cache file (default: ROOT/.cache/linkcheck.json)")
    parser.add_argument("--no-cache", action="store_true", help="check everything again and do not write the cache")
    defaults = Settings()
    for name in ("timeout", "retries", "backoff", "interval", "max_age_days", "workers"):
        kind = type(getattr(defaults, name))
        parser.add_argument(f"--{name.replace('_', '-')}", type=kind, default=getattr(defaults, name))
    args = parser.parse_args(argv)
    root = args.root.resolve()
    settings = Settings(timeout=args.timeout, retries=args.retries, backoff=args.backoff, interval=args.interval,
                        max_age_days=args.max_age_days, workers=args.workers)
    cache = Cache(None if args.no_cache else (args.cache or root / ".cache" / "linkcheck.json"), settings.max_age_days)
    links = collect_links(root)
    results = check_all([link.url for link in links], settings, cache)
    lines, counts = report(links, results)
    for line in lines:
        print(line)
    print(f"{len(results)} external URLs ({len(links)} links): {counts['ok']} ok, {counts['warning']} warnings, {counts['error']} errors",
          file=sys.stderr)
    return 1 if counts["error"] else 0


if __name__ == "__main__":
    sys.exit(main())
