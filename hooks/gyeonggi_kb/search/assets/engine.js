// Site search, loaded the first time a reader opens search (ui.py puts a small
// loader and the search box in every page). It fetches the language's entry
// (search/index.json: the sorted word list, the pages, where the shards
// start), then per query only the postings shards of the words it matched and
// the text shards of the results it shows. Design: hooks/gyeonggi_kb/search/__init__.py.
//
// A query word finds, in this order of strength: the same word; words it
// starts (`인공` -> 인공지능), including a syllable still being typed (`인공지느`);
// words of which it is an initial-consonant spelling (`ㅇㄱㅈㄴ` -> 인공지능); words it
// is a part of (`보호법` -> 개인정보보호법); and, only when none of these exist,
// words one jamo or letter away (`인공지눙` -> 인공지능). Whatever it found is what
// gets highlighted, in the results and on the page the reader opens.

const WEIGHT_HEADING = 10, WEIGHT_LABEL = 11, WEIGHT_TITLE = 12;
// A word in the page's title counts as much as 12 in its text, in a glossary label (a synonym,
// an abbreviation) three quarters of that: the term's own page before pages that list it as a synonym.
const TITLE = 12, LABEL = 0.75, HEADING = 4;
const EXACT = 1, PREFIX = 0.7, INITIALS = 0.9, INITIALS_PREFIX = 0.7, INSIDE = 0.5, TYPO = 0.6;
const PHRASE = 2; // a multi-word query found in a row in a page's title
const MAX_EXPANSIONS = 40; // words one query word may stand for
const PAGE_SIZE = 10; // results shown at a time

const INITIAL = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const MEDIAL = ["ㅏ", "ㅐ", "ㅑ", "ㅒ", "ㅓ", "ㅔ", "ㅕ", "ㅖ", "ㅗ", "ㅗㅏ", "ㅗㅐ", "ㅗㅣ", "ㅛ", "ㅜ", "ㅜㅓ", "ㅜㅔ", "ㅜㅣ", "ㅠ", "ㅡ", "ㅡㅣ", "ㅣ"];
const FINAL = ["", "ㄱ", "ㄲ", "ㄱㅅ", "ㄴ", "ㄴㅈ", "ㄴㅎ", "ㄷ", "ㄹ", "ㄹㄱ", "ㄹㅁ", "ㄹㅂ", "ㄹㅅ", "ㄹㅌ", "ㄹㅍ", "ㄹㅎ", "ㅁ", "ㅂ", "ㅂㅅ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"];
// Compound compatibility jamo as the keys that type them (a lone ㅘ while typing).
const KEYS = { "ㄳ": "ㄱㅅ", "ㄵ": "ㄴㅈ", "ㄶ": "ㄴㅎ", "ㄺ": "ㄹㄱ", "ㄻ": "ㄹㅁ", "ㄼ": "ㄹㅂ", "ㄽ": "ㄹㅅ", "ㄾ": "ㄹㅌ", "ㄿ": "ㄹㅍ", "ㅀ": "ㄹㅎ", "ㅄ": "ㅂㅅ", "ㅘ": "ㅗㅏ", "ㅙ": "ㅗㅐ", "ㅚ": "ㅗㅣ", "ㅝ": "ㅜㅓ", "ㅞ": "ㅜㅔ", "ㅟ": "ㅜㅣ", "ㅢ": "ㅡㅣ" };

const isSyllable = (c) => c >= "가" && c <= "힣";
const isConsonant = (c) => INITIAL.includes(c);
const initialOf = (c) => (isSyllable(c) ? INITIAL[Math.floor((c.charCodeAt(0) - 0xac00) / 588)] : c);

/** The jamo a word is typed with: 인공 -> ㅇㅣㄴㄱㅗㅇ. */
function jamo(word) {
  let out = "";
  for (const c of word) {
    if (isSyllable(c)) {
      const n = c.charCodeAt(0) - 0xac00;
      out += INITIAL[Math.floor(n / 588)] + MEDIAL[Math.floor((n % 588) / 28)] + FINAL[n % 28];
    } else out += KEYS[c] || c;
  }
  return out;
}

/** Whether a and b differ by at most one inserted, deleted or replaced character. */
function withinOneEdit(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** First index in the sorted `list` whose item is not below `value`. */
function lowerBound(list, value) {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Position of the shard that holds item `n`, from a table of [first item, file] rows. */
function shardOf(table, n) {
  let lo = 0, hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (table[mid][0] <= n) lo = mid; else hi = mid - 1;
  }
  return lo;
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const escapeHTML = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** A regular expression for the highlighted strings; Latin ones only at the start of a word (`ai`, not `said`). */
function highlighter(strings) {
  const parts = [...new Set(strings.filter(Boolean))].sort((a, b) => b.length - a.length).map((s) =>
    /^[\p{Script=Latin}\p{N}]/u.test(s) ? `(?<![\\p{L}\\p{N}])${escapeRegExp(s)}` : escapeRegExp(s));
  return parts.length ? new RegExp(parts.join("|"), "giu") : null;
}

function markHTML(text, pattern) {
  if (!pattern) return escapeHTML(text);
  let out = "", last = 0;
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) {
    if (!m[0]) continue;
    out += escapeHTML(text.slice(last, m.index)) + "<mark>" + escapeHTML(m[0]) + "</mark>";
    last = m.index + m[0].length;
  }
  return out + escapeHTML(text.slice(last));
}

/** Where `pattern` first matches `text`, or -1. */
function firstMatch(text, pattern) {
  if (!pattern) return -1;
  pattern.lastIndex = 0;
  const m = pattern.exec(text);
  pattern.lastIndex = 0;
  return m ? m.index : -1;
}

/** About `size` characters of `text` around its first match, cut at spaces. */
function snippet(text, pattern, size = 180) {
  const at = Math.max(0, firstMatch(text, pattern));
  let start = Math.max(0, at - Math.floor(size / 3));
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  let end = Math.min(text.length, start + size);
  if (end < text.length) end = text.lastIndexOf(" ", end) > at ? text.lastIndexOf(" ", end) : end;
  return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
}

export class Index {
  constructor(base, entry) {
    this.base = base;
    this.entry = entry;
    this.separator = new RegExp(entry.separator);
    this.edge = new RegExp(`^[^${entry.wordChars}]+|[^${entry.wordChars}]+$`, "g");
    this.terms = [];
    let previous = "";
    for (const line of entry.terms.split("\n")) {
      previous = previous.slice(0, +line[0]) + line.slice(1); // front-coded: shared prefix length, then the rest
      this.terms.push(previous);
    }
    this.pageOf = [];
    this.firstSection = [];
    this.titleWeight = [];
    this.titleWords = [];
    entry.pages.forEach(([, title, count], page) => {
      // The fewer words a title has, the more each counts: `인공지능` the page before `인공지능 데이터센터`.
      this.titleWords.push(this.words(title));
      this.titleWeight.push(TITLE / (1 + 0.25 * (this.titleWords[page].length - 1)));
      this.firstSection.push(this.pageOf.length);
      for (let i = 0; i < count; i++) this.pageOf.push(page);
    });
    this.files = new Map();
    this.decoded = new Map();
    this.jamoOf = [];
  }

  jamo(t) {
    return this.jamoOf[t] ?? (this.jamoOf[t] = jamo(this.terms[t]));
  }

  fetchShard(name) {
    if (!this.files.has(name)) {
      this.files.set(name, fetch(new URL(name, this.base)).then((r) => {
        if (!r.ok) throw new Error(`${name}: ${r.status}`);
        return r.json();
      }));
    }
    return this.files.get(name);
  }

  /** The words of `text` as the index has them (tokens.py): lower case, particles cut off. */
  words(text) {
    return text.normalize("NFC").toLowerCase().split(this.separator).map((w) => (w || "").replace(this.edge, "")).filter(Boolean);
  }

  /** The words of the index that `word` stands for: [{term, quality, mark}], strongest first. */
  expand(word, typing) {
    const terms = this.terms, found = new Map();
    const add = (term, quality, mark) => {
      const seen = found.get(term);
      if (!seen || seen.quality < quality) found.set(term, { term, quality, mark });
    };
    const start = lowerBound(terms, word), end = lowerBound(terms, word + "\uffff");
    // The more of a word the query has typed, the surer the match: 익명 finds 익명처리 before 익명성보장제도.
    const part = (typed, term) => 0.6 + 0.4 * Math.min(1, typed / term.length);
    for (let t = start; t < end; t++) add(t, terms[t] === word ? EXACT : PREFIX * part(word.length, terms[t]), word);
    const last = word[word.length - 1];
    if (typing && (isSyllable(last) || last in KEYS || isConsonant(last))) {
      // The last syllable may be half typed: 인공지느 is on its way to 인공지능.
      const keys = jamo(word), head = word.slice(0, -1);
      for (let t = lowerBound(terms, head), stop = lowerBound(terms, head + "\uffff"); t < stop; t++)
        if (!found.has(t) && this.jamo(t).startsWith(keys)) add(t, PREFIX * part(word.length, terms[t]), terms[t].slice(0, word.length));
    }
    const initials = [...word].some(isConsonant) && [...word].length > 1;
    const hangul = [...word].length > 1 && [...word].every(isSyllable);
    if (initials || hangul) {
      const chars = [...word];
      for (let t = 0; t < terms.length; t++) {
        const term = terms[t];
        if (initials) {
          const at = initialsAt(term, chars);
          if (at === 0) add(t, term.length === chars.length ? INITIALS : INITIALS_PREFIX * part(chars.length, term), term.slice(0, chars.length));
          else if (at > 0) add(t, INSIDE, term.slice(at, at + chars.length));
        } else if (term.length > word.length && term.indexOf(word, 1) > 0) add(t, INSIDE, word);
      }
    }
    if (!found.size && [...word].length >= (hangul ? 2 : 4)) {
      // A word the site does not have is probably mistyped: try one jamo (or letter) off.
      const keys = jamo(word);
      for (let t = 0; t < terms.length; t++) {
        const term = terms[t];
        if (Math.abs(term.length - word.length) <= 1 && withinOneEdit(this.jamo(t), keys)) add(t, TYPO, term);
      }
    }
    return [...found.values()]
      .sort((a, b) => b.quality - a.quality || terms[a.term].length - terms[b.term].length || a.term - b.term)
      .slice(0, MAX_EXPANSIONS);
  }

  async postings(term) {
    if (!this.decoded.has(term)) {
      const table = this.entry.postings, shard = shardOf(table, term);
      const list = await this.fetchShard(table[shard][1]);
      const encoded = list[term - table[shard][0]];
      let section = 0;
      this.decoded.set(term, encoded.split(",").map((item) => {
        const [gap, weight] = item.split(".");
        section += parseInt(gap, 36);
        return [section, weight ? +weight : 1];
      }));
    }
    return this.decoded.get(term);
  }

  async section(n) {
    const table = this.entry.texts, shard = shardOf(table, n);
    const [anchor, title, text, labels] = (await this.fetchShard(table[shard][1]))[n - table[shard][0]];
    return { anchor, title, text, labels: labels || [] };
  }

  /** Pages for `query`, best first: [{page, section, score, marks}]; `section` is the one to show. */
  async search(query) {
    const words = [...new Set(this.words(query))];
    if (!words.length) return [];
    const typing = !/\s$/.test(query);
    const expansions = words.map((w, i) => this.expand(w, typing && i === words.length - 1));
    const lists = await Promise.all(expansions.map((list) => Promise.all(list.map((e) => this.postings(e.term)))));
    const sections = this.pageOf.length, hits = new Map(), marks = new Map();
    const idf = (postings) => Math.log(1 + sections / postings.length);
    expansions.forEach((list, w) => list.forEach((e, k) => {
      // A longer, rarer word found for the query word counts no more than its best match
      // (the word itself, or what its initials spell): 인공지능사회 no more than 인공지능.
      const rarity = Math.min(idf(lists[w][k]), idf(lists[w][0]));
      for (const [section, weight] of lists[w][k]) {
        const page = this.pageOf[section];
        const field = weight === WEIGHT_TITLE ? this.titleWeight[page] : weight === WEIGHT_LABEL ? LABEL * this.titleWeight[page]
          : weight === WEIGHT_HEADING ? HEADING : 1 + Math.log(weight);
        const score = e.quality * rarity * field;
        let row = hits.get(section);
        if (!row) hits.set(section, (row = new Float64Array(words.length)));
        if (score > row[w]) row[w] = score;
        if (!marks.has(page)) marks.set(page, new Set());
        marks.get(page).add(e.mark);
      }
    }));
    // A page scores each word by its best section, and shows the section that matched best overall.
    const pages = new Map();
    for (const [section, row] of hits) {
      const page = this.pageOf[section];
      let hit = pages.get(page);
      if (!hit) pages.set(page, (hit = { page, best: new Float64Array(words.length), section, top: -1 }));
      let sum = 0;
      row.forEach((v, w) => { sum += v; if (v > hit.best[w]) hit.best[w] = v; });
      if (sum > hit.top || (sum === hit.top && section < hit.section)) [hit.top, hit.section] = [sum, section];
    }
    return [...pages.values()].map((hit) => {
      const matched = hit.best.filter((v) => v > 0).length, total = hit.best.reduce((a, b) => a + b, 0);
      // A title that has the query's words in a row (`AI Basic Act` in a law's long name) is what was asked for.
      const phrase = words.length > 1 && inARow(this.titleWords[hit.page], words) ? PHRASE : 1;
      return { page: hit.page, section: hit.section, score: phrase * total * (matched / words.length) ** 2, marks: [...marks.get(hit.page)] };
    }).sort((a, b) => b.score - a.score || a.page - b.page);
  }
}

/** Whether `words` occur one after the other in `title` (the last one may be the start of a word). */
function inARow(title, words) {
  for (let at = 0; at + words.length <= title.length; at++)
    if (words.every((w, i) => title[at + i] === w || (i === words.length - 1 && title[at + i].startsWith(w)))) return true;
  return false;
}

/** Position in `term` where the initial consonants `chars` match (syllables must match themselves), or -1. */
function initialsAt(term, chars) {
  for (let at = 0; at + chars.length <= term.length; at++) {
    let ok = true;
    for (let i = 0; i < chars.length && ok; i++) {
      const c = chars[i], t = term[at + i];
      ok = c === t || (isConsonant(c) && initialOf(t) === c);
    }
    if (ok) return at;
  }
  return -1;
}

/** Mark `query`'s highlighted strings in the page's content (the `h` parameter of a result link). */
export function highlightPage(marks) {
  const pattern = highlighter(marks.split(" "));
  const root = document.querySelector("article") || document.body;
  if (!pattern) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement.closest("script, style, svg, mark, .headerlink") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (firstMatch(node.data, pattern) >= 0) nodes.push(node);
  for (const node of nodes) {
    const span = document.createElement("span");
    span.innerHTML = markHTML(node.data, pattern);
    node.replaceWith(...span.childNodes);
  }
}

/** Wire the search box in `root` (the `.kb-search` element ui.py writes) to the index. */
export function mount(root) {
  const input = root.querySelector(".kb-search__input");
  const opener = root.querySelector(".kb-search__open");
  const status = root.querySelector(".kb-search__status");
  const list = root.querySelector(".kb-search__results");
  const more = root.querySelector(".kb-search__more");
  const text = JSON.parse(root.dataset.kbText);
  const languageRoot = new URL(root.dataset.kbRoot, location.href);
  const entryURL = new URL(root.dataset.kbIndex, location.href);
  let index = null, results = [], shown = 0, current = 0;

  const loadIndex = (cache) => fetch(entryURL, { cache }).then((r) => {
    if (!r.ok) throw new Error(`${entryURL}: ${r.status}`);
    return r.json();
  }).then((entry) => new Index(entryURL, entry));
  let ready = loadIndex("default");

  const links = () => [...list.querySelectorAll("a")];
  const setStatus = (message) => { status.textContent = message; };
  const count = (n) => (n === 0 ? text.none : n === 1 ? text.one : text.other.replace("#", n));

  /** The list items of `found[from…from + PAGE_SIZE]`, with their snippets (fetched now). */
  async function render(found, from) {
    const slice = found.slice(from, from + PAGE_SIZE);
    const items = await Promise.all(slice.map(async (r) => {
      const [url, title] = index.entry.pages[r.page];
      const section = await index.section(r.section);
      const local = highlighter(r.marks);
      const body = snippet(section.text, local);
      const shown = [title, section.anchor ? section.title : "", body].join(" ");
      // A match found only in a glossary label (LLM on 대규모 언어모델) shows the page's labels.
      const first = firstMatch(shown, local) < 0 ? await index.section(index.firstSection[r.page]) : { labels: [] };
      return { r, url, title, section, local, body, shown, first };
    }));
    return items.map(({ r, url, title, section, local, body, shown, first }) => {
      const labels = first.labels.join(" · ");
      const found = new Set([...[shown, section.text, labels].join(" ").matchAll(local || /$^/g)].map((m) => m[0].toLowerCase()));
      const href = new URL(url, languageRoot);
      if (found.size) href.search = "?h=" + encodeURIComponent([...found].slice(0, 8).join(" "));
      if (section.anchor) href.hash = section.anchor;
      return `<li class="kb-search__result"><a class="kb-search__link" href="${escapeHTML(href.href)}">` +
        `<span class="kb-search__title">${markHTML(title, local)}</span>` +
        (section.anchor && section.title !== title ? `<span class="kb-search__section">${markHTML(section.title, local)}</span>` : "") +
        (labels ? `<span class="kb-search__labels">${markHTML(labels, local)}</span>` : "") +
        `<span class="kb-search__snippet">${markHTML(body, local)}</span></a></li>`;
    }).join("");
  }

  async function find(query) {
    try {
      return await index.search(query);
    } catch (error) {
      // A shard named by an entry cached before the site was published again: start over once.
      ready = loadIndex("reload");
      index = await ready;
      return index.search(query);
    }
  }

  async function run() {
    const query = input.value, ticket = ++current;
    root.setAttribute("aria-busy", "true");
    try {
      index = await ready;
      const found = await find(query);
      const html = await render(found, 0);
      if (ticket !== current) return;
      results = found;
      shown = Math.min(PAGE_SIZE, found.length);
      list.innerHTML = html;
      more.hidden = shown >= results.length;
      setStatus(query.trim() ? count(found.length) : text.placeholder);
      root.dataset.results = query;
    } catch (error) {
      if (ticket === current) setStatus(text.error);
      console.error(error);
    } finally {
      if (ticket === current) root.removeAttribute("aria-busy");
    }
  }

  function open() {
    root.classList.add("kb-search--open");
    opener.setAttribute("aria-expanded", "true");
  }

  function close(refocus) {
    root.classList.remove("kb-search--open");
    opener.setAttribute("aria-expanded", "false");
    if (!refocus) return;
    if (getComputedStyle(opener).display !== "none") opener.focus();
    else input.focus();
  }

  async function go() {
    await pending;
    const first = links()[0];
    if (first) first.click();
  }

  let pending = Promise.resolve();
  const search = () => { open(); pending = run(); return pending; };

  input.addEventListener("input", search);
  input.addEventListener("focus", open);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      open();
      pending.then(() => links()[0]?.focus());
    } else if (event.key === "Enter") {
      event.preventDefault();
      go();
    } else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    }
  });
  list.addEventListener("keydown", (event) => {
    const all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)].focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      input.focus(); // typing while on a result goes on in the search box
    }
  });
  list.addEventListener("click", (event) => {
    if (event.target.closest("a")) close(false);
  });
  more.addEventListener("click", async () => {
    const from = shown;
    list.insertAdjacentHTML("beforeend", await render(results, from));
    shown = Math.min(from + PAGE_SIZE, results.length);
    more.hidden = shown >= results.length;
    links()[from]?.focus();
  });
  root.querySelector(".kb-search__close").addEventListener("click", () => close(true));
  root.querySelector("form").addEventListener("submit", (event) => { event.preventDefault(); go(); });
  root.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) close(false);
  });
  document.addEventListener("pointerdown", (event) => {
    if (!root.contains(event.target)) close(false);
  });
  setStatus(text.loading);
  pending = run(); // whatever was typed while the engine loaded
}
