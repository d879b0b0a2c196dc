"""`make linkcheck-external` against local servers: what each answer becomes, and politeness.

A server on 127.0.0.1 plays every kind of web server the checker meets.
Back-off and pacing are checked through an injected sleep, never by timing.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import copy_tree, run_python
from gyeonggi_kb.tools.external_links import Hyperlink, collect_links
from gyeonggi_kb.tools.linkcheck import Cache, HostPacer, Settings, check_all, check_url, report

HANG = threading.Event()


class Answers(BaseHTTPRequestHandler):
    hits: dict = {}

    def log_message(self, *args):
        pass

    def do_GET(self):
        Answers.hits[self.path] = Answers.hits.get(self.path, 0) + 1
        path = self.path
        if path == "/hang":
            HANG.wait(5)  # longer than the checker's timeout; released when the test ends
            return self.answer(200)
        if path == "/flaky" and Answers.hits[path] == 1:
            return self.answer(503)
        redirects = {"/moved": (301, "/ok"), "/moved-308": (308, "/ok"), "/temporary": (302, "/ok"),
                     "/loop-a": (301, "/loop-b"), "/loop-b": (301, "/loop-a"), "/moved-to-gone": (301, "/gone")}
        if path in redirects:
            code, location = redirects[path]
            return self.answer(code, {"Location": location})
        codes = {"/ok": 200, "/flaky": 200, "/gone": 404, "/gone-410": 410, "/busy": 429, "/forbidden": 403, "/broken-server": 500}
        self.answer(codes.get(path, 404), {"Retry-After": "0"} if path == "/busy" else {})

    def answer(self, code, headers=None):
        self.send_response(code)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def server():
    with ThreadingHTTPServer(("127.0.0.1", 0), Answers) as srv:
        srv.daemon_threads = True
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{srv.server_port}"
        HANG.set()
        srv.shutdown()


FAST = Settings(timeout=0.5, retries=2, backoff=0.5, interval=0.0, workers=4)


def check(url: str, settings: Settings = FAST) -> tuple:
    waits: list[float] = []
    result = check_url(url, settings, HostPacer(0), sleep=waits.append)
    return result, waits


@pytest.mark.parametrize("path, status, code, severity", [
    ("/ok", "ok", 200, "ok"),
    ("/temporary", "redirect", 302, "ok"),
    ("/moved", "moved", 301, "warning"),
    ("/moved-308", "moved", 308, "warning"),
    ("/gone", "broken", 404, "error"),
    ("/gone-410", "broken", 410, "error"),
    ("/moved-to-gone", "broken", 404, "error"),
    ("/busy", "rate-limited", 429, "warning"),
    ("/forbidden", "refused", 403, "warning"),
    ("/broken-server", "server-error", 500, "warning"),
    ("/loop-a", "loop", 301, "error"),
])
def test_each_answer_gets_its_status_and_severity(server, path, status, code, severity):
    result, _ = check(server + path)
    assert (result.status, result.code, result.severity) == (status, code, severity)


def test_a_permanent_redirect_names_the_new_address(server):
    result, _ = check(server + "/moved")
    assert result.target == server + "/ok"


def test_a_server_that_never_answers_is_a_timeout_warning_after_retries(server):
    result, waits = check(server + "/hang", Settings(timeout=0.3, retries=1, backoff=0.0, interval=0.0))
    assert (result.status, result.severity) == ("timeout", "warning")
    assert Answers.hits["/hang"] == 2 and waits == [0.0]


def test_429_is_retried_with_exponential_back_off_and_retry_after_wins(server):
    Answers.hits.pop("/busy", None)
    _, waits = check(server + "/busy", Settings(timeout=1, retries=2, backoff=0.5, interval=0.0))
    assert Answers.hits["/busy"] == 3
    assert waits == [0.0, 0.0]  # the server said Retry-After: 0


def test_a_server_error_that_goes_away_is_fine_after_a_retry(server):
    result, waits = check(server + "/flaky")
    assert result.status == "ok" and waits == [0.5]


def test_back_off_doubles_without_retry_after():
    from gyeonggi_kb.tools.linkcheck import retry_delay
    settings = Settings(backoff=1.0, max_wait=5.0)
    assert [retry_delay(n, None, settings) for n in range(4)] == [1.0, 2.0, 4.0, 5.0]
    assert retry_delay(0, "120", settings) == 5.0


def test_requests_to_one_host_are_spaced_and_other_hosts_are_not_held_up():
    clock = [100.0]
    slept: list[float] = []

    def sleep(seconds):
        slept.append(seconds)
        clock[0] += seconds

    pacer = HostPacer(1.5, clock=lambda: clock[0], sleep=sleep)
    pacer.wait("a.example")
    pacer.wait("b.example")
    pacer.wait("a.example")
    clock[0] += 5
    pacer.wait("a.example")
    assert slept == [1.5]


def test_results_are_cached_until_they_expire_and_warnings_are_not_cached(server, tmp_path):
    now = [1_000_000.0]
    path = tmp_path / ".cache" / "linkcheck.json"
    urls = [server + "/ok", server + "/busy"]
    Answers.hits.clear()
    check_all(urls, FAST, Cache(path, 7, now=lambda: now[0]), sleep=lambda s: None)
    assert Answers.hits == {"/ok": 1, "/busy": 3}
    check_all(urls, FAST, Cache(path, 7, now=lambda: now[0]), sleep=lambda s: None)
    assert Answers.hits == {"/ok": 1, "/busy": 6}  # ok came from the cache; the warning was checked again
    now[0] += 8 * 86400
    check_all(urls, FAST, Cache(path, 7, now=lambda: now[0]), sleep=lambda s: None)
    assert Answers.hits["/ok"] == 2  # expired


def test_report_names_every_place_a_bad_url_was_written(server):
    links = [Hyperlink("glossary/a.yml", 14, server + "/gone"), Hyperlink("docs/x.ko.md", 3, server + "/gone"),
             Hyperlink("references/b.yml", 7, server + "/moved"), Hyperlink("references/b.yml", 9, server + "/ok")]
    results = check_all([link.url for link in links], FAST, Cache(None, 7), sleep=lambda s: None)
    lines, counts = report(links, results)
    assert lines == [
        f"docs/x.ko.md:3: [404 broken] {server}/gone",
        f"glossary/a.yml:14: [404 broken] {server}/gone",
        f"references/b.yml:7: [301 moved] {server}/moved -> {server}/ok (update the URL)",
    ]
    assert counts == {"ok": 1, "warning": 1, "error": 1}


def test_links_are_collected_from_yaml_lessons_and_hand_written_pages_with_their_lines(tmp_path):
    root = copy_tree(tmp_path, {
        "docs/about.ko.md": "# 소개\n\n자세한 내용은 [법령](https://law.example.kr/법령/인공지능)을 보세요.\n"
                            "출처: https://news.example.com/a?id=1.\n",
        "docs/glossary/generated.ko.md": "[x](https://generated.example/)\n",
    })
    links = collect_links(root)
    where = {(link.path, link.line, link.url) for link in links}
    assert ("docs/about.ko.md", 3, "https://law.example.kr/법령/인공지능") in where
    assert ("docs/about.ko.md", 4, "https://news.example.com/a?id=1") in where
    assert ("glossary/generative-ai.yml", 15, "https://example.org/law") in where
    assert ("curriculum/lessons/ai-basics.en.md", 31, "https://example.org/") in where
    assert not any("generated.example" in link.url for link in links)


def test_the_command_prints_path_line_status_url_and_fails_on_a_broken_link(server, tmp_path):
    root = copy_tree(tmp_path, {"docs/links.ko.md": f"# 링크\n\n[사라짐]({server}/gone)\n"})
    for path in root.rglob("*.yml"):  # keep the run on the local server: no other host is asked
        path.write_text(path.read_text(encoding="utf-8").replace("https://example.org", server), encoding="utf-8")
    for path in (root / "curriculum/lessons").glob("*.md"):
        path.write_text(path.read_text(encoding="utf-8").replace("https://example.org", server), encoding="utf-8")
    result = run_python("-m", "gyeonggi_kb.tools.linkcheck", "--root", str(root), "--interval", "0", "--timeout", "2",
                        "--retries", "0", cwd=root)
    assert result.returncode == 1, result.stderr
    assert f"docs/links.ko.md:3: [404 broken] {server}/gone" in result.stdout.splitlines()
    assert "Traceback" not in result.stderr
    assert (root / ".cache/linkcheck.json").is_file()


def test_urls_written_with_hangul_are_encoded_for_the_request():
    from gyeonggi_kb.tools.linkcheck import ascii_url
    assert ascii_url("https://www.law.go.kr/법령/인공지능기본법?x=가#조") == (
        "https://www.law.go.kr/%EB%B2%95%EB%A0%B9/%EC%9D%B8%EA%B3%B5%EC%A7%80%EB%8A%A5%EA%B8%B0%EB%B3%B8%EB%B2%95?x=%EA%B0%80#%EC%A1%B0")
    assert ascii_url("https://a.example/%EB%B2%95?q=1&r=(2)") == "https://a.example/%EB%B2%95?q=1&r=(2)"
    assert ascii_url("https://한국.example/") == "https://xn--3e0b707e.example/"
