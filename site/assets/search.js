// Client-side search over window.dossierSearchIndex: every word typed must appear (case-insensitive).
(function () {
  "use strict";
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var index = window.dossierSearchIndex;
  if (!input || !status || !list) return;
  if (!index) { status.textContent = "The search index could not be loaded."; return; }
  var prefix = "../";
  var prepared = index.map(function (entry) {
    return { entry: entry, haystack: (entry.title + " " + entry.text).toLowerCase() };
  });
  function render(query) {
    list.textContent = "";
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) { status.textContent = "Type a word or phrase."; return; }
    var phrase = query.toLowerCase().trim();
    var hits = prepared.filter(function (item) {
      return words.every(function (word) { return item.haystack.indexOf(word) !== -1; });
    });
    hits.sort(function (a, b) {
      return (b.haystack.indexOf(phrase) !== -1) - (a.haystack.indexOf(phrase) !== -1);
    });
    status.textContent = hits.length + (hits.length === 1 ? " result" : " results") + " for “" + query + "”";
    hits.slice(0, 50).forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = prefix + item.entry.url;
      a.textContent = item.entry.title;
      var p = document.createElement("p");
      var text = item.entry.text;
      var at = Math.max(0, text.toLowerCase().indexOf(words[0]) - 60);
      p.textContent = (at > 0 ? "…" : "") + text.slice(at, at + 220) + (text.length > at + 220 ? "…" : "");
      li.appendChild(a);
      li.appendChild(p);
      list.appendChild(li);
    });
  }
  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  render(initial);
  input.addEventListener("input", function () { render(input.value); });
})();
