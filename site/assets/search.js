// Client-side search over window.dossierSearchIndex (written by the build; see SearchIndex.swift).
// Every word typed must match a whole word, or the start of one (from three letters), after the same
// normalising the index had: plurals, British/American spellings and simple endings folded.
// Titles that hold every word rank first. A large site's index comes in parts (terms by their first
// letters, entries in chunks), loaded as <script>s when a query needs them, so it works from file:// too.
(function () {
  "use strict";
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var index = window.dossierSearchIndex;
  if (!input || !status || !list) return;
  if (!index) { status.textContent = "The search index could not be loaded."; return; }
  var PAGE = 20;
  var KINDS = { brief: "Brief ¶", topic: "Issue", commentary: "Commentary", page: "Page", author: "Author" };
  var script = document.querySelector('script[src$="search-index.js"]');
  var root = script ? script.src.replace(/search-index\.js$/, "") : "../";

  // ---- words, exactly as SearchTerms.swift reads them
  var STOP = {};
  ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or",
   "that", "the", "this", "to", "was", "were", "with"].forEach(function (w) { STOP[w] = true; });
  var SPELLINGS = { defence: "defense", offence: "offense", licence: "license", pretence: "pretense",
    programme: "program", centre: "center", theatre: "theater", metre: "meter", fibre: "fiber", litre: "liter",
    grey: "gray", practise: "practice", enrolment: "enrollment", fulfil: "fulfill" };
  var SUFFIXES = [["isation", "ization", 4], ["ising", "izing", 4], ["ised", "ized", 4], ["ise", "ize", 4],
    ["ysing", "yzing", 4], ["ysed", "yzed", 4], ["yse", "yze", 4], ["ogue", "og", 7], ["our", "or", 6]];
  var WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}]|['’](?=[\p{L}\p{N}]))*/gu;

  function ends(word, suffix) { return word.length >= suffix.length && word.slice(-suffix.length) === suffix; }
  function normalise(word) {
    var term = word.replace(/['’]/g, "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    if (STOP[term]) return term;
    var length = Array.from(term).length;
    if (length > 4 && ends(term, "ies")) term = term.slice(0, -3) + "y";
    else if (length > 3 && ends(term, "s") && !ends(term, "ss") && !ends(term, "us") && !ends(term, "is")) term = term.slice(0, -1);
    if (SPELLINGS[term]) term = SPELLINGS[term];
    else {
      length = Array.from(term).length;
      for (var i = 0; i < SUFFIXES.length; i++) {
        if (length >= SUFFIXES[i][2] && ends(term, SUFFIXES[i][0])) { term = term.slice(0, -SUFFIXES[i][0].length) + SUFFIXES[i][1]; break; }
      }
    }
    length = Array.from(term).length;
    if (length > 5 && ends(term, "ing")) term = term.slice(0, -3);
    else if (length > 4 && ends(term, "ed")) term = term.slice(0, -2);
    if (Array.from(term).length > 4 && ends(term, "e")) term = term.slice(0, -1);
    if (Array.from(term).length > 5 && ends(term, "ll")) term = term.slice(0, -1);
    return term;
  }
  function queryTerms(query) {
    var seen = {};
    return (query.match(WORD) || []).map(normalise).filter(function (t) {
      if (!t || STOP[t] || seen[t]) return false;
      seen[t] = true;
      return true;
    });
  }

  // ---- the index's parts
  var terms = index.terms ? { "": index.terms } : {};
  var entries = index.entries || [];
  var pending = {};
  function load(file) {
    if (!pending[file]) {
      pending[file] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = root + "search/" + file;
        tag.onload = resolve;
        tag.onerror = function () { reject(new Error("could not load " + tag.src)); };
        document.head.appendChild(tag);
      });
    }
    return pending[file];
  }
  function fileName(key) {
    return Array.from(key).map(function (c) { return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16); }).join("");
  }
  index.addTerms = function (key, map) { terms[key] = map; };
  index.addEntries = function (chunk, records) {
    records.forEach(function (record, i) { entries[chunk * index.chunkSize + i] = record; });
  };
  // The shards that may hold `term` itself and, for a prefix search, the terms that start with it.
  function shardsFor(term, prefixSearch) {
    if (!index.keys) return Promise.resolve();
    var keys = index.keys.filter(function (k) {
      return term.slice(0, k.length) === k || (prefixSearch && k.slice(0, term.length) === term);
    });
    return Promise.all(keys.map(function (k) { return load("t-" + fileName(k) + ".js"); }));
  }
  function entriesFor(ids) {
    if (!index.keys) return Promise.resolve();
    var chunks = {};
    ids.forEach(function (id) { if (!entries[id]) chunks[Math.floor(id / index.chunkSize)] = true; });
    return Promise.all(Object.keys(chunks).map(function (c) { return load("e-" + c + ".js"); }));
  }

  // ---- matching and ranking
  function postings(term, prefixSearch) {
    var found = [];
    Object.keys(terms).forEach(function (key) {
      var map = terms[key];
      Object.keys(map).forEach(function (t) {
        var exact = t === term;
        if (exact || (prefixSearch && t.slice(0, term.length) === term)) found.push({ list: map[t], exact: exact });
      });
    });
    return found;
  }
  function match(words) {
    var hits = null;
    words.forEach(function (word) {
      var byEntry = {};
      postings(word.term, word.prefix).forEach(function (p) {
        for (var i = 0, id = 0; i < p.list.length; i += 2) {
          id += p.list[i];
          var w = p.list[i + 1], hit = byEntry[id] || (byEntry[id] = { score: 0, title: false, exact: false });
          hit.score += w >> 1;
          hit.title = hit.title || (w & 1) === 1;
          hit.exact = hit.exact || p.exact;
        }
      });
      if (hits === null) {
        hits = {};
        Object.keys(byEntry).forEach(function (id) {
          var h = byEntry[id];
          hits[id] = { id: +id, titles: h.title ? 1 : 0, exact: h.exact ? 1 : 0, score: h.score };
        });
      } else {
        Object.keys(hits).forEach(function (id) {
          var h = byEntry[id];
          if (!h) { delete hits[id]; return; }
          hits[id].titles += h.title ? 1 : 0;
          hits[id].exact += h.exact ? 1 : 0;
          hits[id].score += h.score;
        });
      }
    });
    var all = Object.keys(hits || {}).map(function (id) { return hits[id]; });
    // Title holds every word, then more whole-word matches, then how often the words occur.
    all.sort(function (a, b) {
      return ((b.titles === words.length) - (a.titles === words.length)) || (b.exact - a.exact) ||
        (b.titles - a.titles) || (b.score - a.score) || (a.id - b.id);
    });
    return all;
  }

  // ---- snippets: whole words, the query's words marked
  function marked(text, words) {
    var parts = [], at = 0, found;
    WORD.lastIndex = 0;
    while ((found = WORD.exec(text))) {
      var term = normalise(found[0]);
      var hit = words.some(function (w) { return term === w.term || (w.prefix && term.slice(0, w.term.length) === w.term); });
      if (hit) {
        parts.push({ text: text.slice(at, found.index) }, { text: found[0], mark: true });
        at = found.index + found[0].length;
      }
    }
    parts.push({ text: text.slice(at) });
    return parts;
  }
  function appendMarked(node, text, words) {
    marked(text, words).forEach(function (part) {
      if (!part.text) return;
      if (part.mark) {
        var m = document.createElement("mark");
        m.textContent = part.text;
        node.appendChild(m);
      } else node.appendChild(document.createTextNode(part.text));
    });
  }
  function snippet(text, words) {
    var LENGTH = 220, parts = marked(text, words), first = 0;
    for (var i = 0, offset = 0; i < parts.length; offset += parts[i].text.length, i++) {
      if (parts[i].mark) { first = offset; break; }
    }
    var start = Math.max(0, first - 70);
    if (start > 0) { var space = text.lastIndexOf(" ", start); start = space < 0 ? 0 : space + 1; }
    var end = Math.min(text.length, start + LENGTH);
    if (end < text.length) { var cut = text.lastIndexOf(" ", end); if (cut > first) end = cut; }
    return (start > 0 ? "…" : "") + text.slice(start, end).trim() + (end < text.length ? "…" : "");
  }

  // ---- the page
  var current = "", more = null;
  function renderResults(ids, words, from) {
    ids.slice(from, from + PAGE).forEach(function (hit) {
      var record = entries[hit.id];
      if (!record) return;
      var li = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "result-kind kind-" + record[0];
      kind.textContent = KINDS[record[0]] || record[0];
      var a = document.createElement("a");
      a.href = root + record[2];
      appendMarked(a, record[1], words);
      var p = document.createElement("p");
      appendMarked(p, snippet(record[3], words), words);
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      li.appendChild(p);
      list.appendChild(li);
    });
    if (more) { more.remove(); more = null; }
    if (ids.length > from + PAGE) {
      more = document.createElement("button");
      more.type = "button";
      more.className = "more-results";
      more.textContent = "Show more results";
      more.addEventListener("click", function () {
        var next = ids.slice(from + PAGE, from + 2 * PAGE).map(function (h) { return h.id; });
        entriesFor(next).then(function () { renderResults(ids, words, from + PAGE); });
      });
      list.parentNode.insertBefore(more, list.nextSibling);
    }
  }
  function search(query) {
    current = query;
    var typed = queryTerms(query);
    var words = typed.map(function (term) { return { term: term, prefix: Array.from(term).length >= 3 }; });
    if (!words.length) {
      list.textContent = "";
      if (more) { more.remove(); more = null; }
      status.textContent = "Type a word or phrase.";
      return Promise.resolve();
    }
    return Promise.all(words.map(function (w) { return shardsFor(w.term, w.prefix); })).then(function () {
      var hits = match(words);
      return entriesFor(hits.slice(0, PAGE).map(function (h) { return h.id; })).then(function () {
        if (query !== current) return;  // a newer query has started
        list.textContent = "";
        status.textContent = hits.length + (hits.length === 1 ? " result" : " results") + " for “" + query.trim() + "”";
        renderResults(hits, words, 0);
      });
    }).catch(function (error) { status.textContent = "Search failed: " + error.message; });
  }

  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  // The query stays in the header's box too, so it can be refined from there.
  var header = document.getElementById("site-search-q");
  if (header) header.value = initial;
  search(initial);
  var timer = 0;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { search(input.value); }, 120);
  });
})();
