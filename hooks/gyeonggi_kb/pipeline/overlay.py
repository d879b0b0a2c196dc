"""The problem overlay of the preview (`make serve`): the open page shows what is wrong, as Vite and Docusaurus do.

While `mkdocs serve` runs, every page gets a small script (`overlay_script`)
that fetches PROBLEMS_FILE, written at the root of the served folder after
every build (`problems_json`), and, when it lists problems, shows them over
the bottom of the page as `path:line: message`, with what the preview is
showing meanwhile. The list is fetched rather than written into each page
because a preview rebuild writes only the pages whose sources changed, while
the list concerns them all; live reload reloads the page after every build,
so the panel appears when a problem does and is gone once it is fixed.

Nothing of this is part of a `make build`: the hook adds it only while
serving. Pure functions: text in, text out.
"""

from __future__ import annotations

import json

PROBLEMS_FILE = "__kb_problems.json"
ELEMENT_ID = "kb-problems"

# What the panel says, by the page's language (the <html lang> of the page it is on).
TEXT = {
    "ko": {
        "title": "미리보기에서 찾은 문제 {n}건 (파일 {files}개)",
        "data": "미리보기는 파일을 고칠 때까지 마지막으로 올바르던 데이터를 보여 줍니다. 고쳐서 저장하면 이 페이지가 다시 읽힙니다.",
        "other": "페이지는 그대로 보이지만, 고칠 때까지 make validate와 make build는 실패합니다. 고쳐서 저장하면 이 페이지가 다시 읽힙니다.",
        "hide": "숨기기",
    },
    "en": {
        "title": "The preview found {summary}",
        "data": "The preview shows the last good data until you fix the file. Save the fix and this page reloads.",
        "other": "The pages still show, but make validate and make build fail until these are fixed. Save the fix and this page reloads.",
        "hide": "Hide",
    },
}

STYLE = (
    "position:fixed;left:0;right:0;bottom:0;z-index:10000;max-height:45vh;overflow:auto;"
    "margin:0;padding:.75rem 1rem;background:#fff4f4;color:#1a1a1a;border-top:4px solid #b00020;"
    "box-shadow:0 -2px 12px rgba(0,0,0,.25);font:14px/1.45 system-ui,sans-serif;text-align:left"
)

# Builds the panel with textContent only: messages quote what editors wrote, which is never run as HTML.
SCRIPT = """(function () {
  var url = %(url)s, text = %(text)s, id = %(id)s, style = %(style)s;
  fetch(url, {cache: "no-store"}).then(function (r) { return r.ok ? r.json() : null; }).then(function (report) {
    if (!report || !report.problems.length) return;
    var t = text[(document.documentElement.lang || "ko").slice(0, 2)] || text.en;
    var box = document.createElement("section");
    box.id = id; box.setAttribute("role", "alert"); box.setAttribute("style", style);
    var head = document.createElement("h2");
    head.setAttribute("style", "margin:0 0 .4rem;font-size:1rem;color:#b00020");
    head.textContent = "\\u26a0 " + t.title.replace("{n}", report.problems.length).replace("{files}", report.files).replace("{summary}", report.summary);
    var hide = document.createElement("button");
    hide.type = "button"; hide.textContent = t.hide;
    hide.setAttribute("style", "float:right;margin-left:1rem;font:inherit;cursor:pointer");
    hide.onclick = function () { box.remove(); };
    var note = document.createElement("p");
    note.setAttribute("style", "margin:0 0 .4rem");
    note.textContent = report.blocking ? t.data : t.other;
    var list = document.createElement("ul");
    list.setAttribute("style", "margin:0;padding-left:1.2rem;font-family:ui-monospace,monospace;font-size:13px");
    report.problems.forEach(function (p) {
      var item = document.createElement("li");
      item.textContent = p;
      list.appendChild(item);
    });
    box.append(hide, head, note, list);
    document.body.appendChild(box);
  }).catch(function () {});
})();"""


def overlay_script(root_path: str) -> str:
    """The <script> element to add to every served page; `root_path` is the site's root URL path ('/')."""
    values = {
        "url": json.dumps(root_path.rstrip("/") + "/" + PROBLEMS_FILE),
        "text": json.dumps(TEXT, ensure_ascii=False),
        "id": json.dumps(ELEMENT_ID),
        "style": json.dumps(STYLE),
    }
    return f'<script id="{ELEMENT_ID}-loader">{SCRIPT % values}</script>'


def add_overlay_script(page_html: str, script: str) -> str:
    """`page_html` with `script` just before </body> (or at the end when there is none)."""
    at = page_html.rfind("</body>")
    return page_html + script if at < 0 else page_html[:at] + script + page_html[at:]


def problems_json(problems, blocking: bool, summary: str) -> str:
    """What the overlay fetches: the problems as `path:line: message`, sorted, their count of files, a
    summary ('2 problems in 1 file') and whether the data is unusable (the preview then shows the last good data)."""
    report = {
        "problems": [str(p) for p in sorted(problems)],
        "files": len({p.path for p in problems}),
        "summary": summary,
        "blocking": blocking,
    }
    return json.dumps(report, ensure_ascii=False, indent=1) + "\n"
