// Citable paragraphs: a "Copy link" button beside each ¶ number (without this script the number
// stays a plain permalink), and, in browsers without text fragments, arrival on #p8:~:text=…
// scrolls to ¶8 and marks the quoted words.
(function () {
  "use strict";

  function copy(text, done) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { copyBySelection(text, done); });
    } else {
      copyBySelection(text, done);
    }
  }

  function copyBySelection(text, done) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { if (document.execCommand("copy")) { done(); } } catch (ignored) { /* nothing copied */ }
    document.body.removeChild(area);
  }

  function addCopyButtons() {
    document.querySelectorAll(".para .pnum").forEach(function (link) {
      var para = link.closest(".para");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link";
      button.textContent = "Copy link";
      button.setAttribute("aria-label", "Copy link to " + link.textContent.trim());
      var status = document.createElement("span");
      status.className = "copy-status";
      status.setAttribute("role", "status");
      button.addEventListener("click", function () {
        var permalink = para.querySelector(".permalink");
        var url = permalink ? permalink.textContent.trim() : new URL(link.getAttribute("href"), location.href).href;
        copy(url, function () {
          status.textContent = "Link copied";
          setTimeout(function () { status.textContent = ""; }, 2500);
        });
      });
      link.after(button, status);
    });
  }

  // Wraps the first run of `para`'s text from `start` to `end` (or just `start`) in <mark>.
  function mark(para, start, end) {
    var walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
    var nodes = [];
    var text = "";
    while (walker.nextNode()) {
      nodes.push({ node: walker.currentNode, at: text.length });
      text += walker.currentNode.data;
    }
    var first = text.indexOf(start);
    if (first < 0) { return false; }
    var last = first + start.length;
    if (end) {
      var tail = text.indexOf(end, last);
      if (tail < 0) { return false; }
      last = tail + end.length;
    }
    function locate(offset) {
      for (var i = nodes.length - 1; i >= 0; i -= 1) {
        if (nodes[i].at <= offset) { return { node: nodes[i].node, offset: offset - nodes[i].at }; }
      }
      return null;
    }
    var from = locate(first);
    var to = locate(last);
    var range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    var highlight = document.createElement("mark");
    highlight.className = "quoted";
    highlight.appendChild(range.extractContents());
    range.insertNode(highlight);
    return true;
  }

  // Applies a text directive left in the address by a browser that does not support it.
  function landOnQuotedWords(hash) {
    var match = /^#(p[0-9]+):~:(.*)$/.exec(hash);
    if (!match) { return; }
    var para = document.getElementById(match[1]);
    if (!para) { return; }
    var body = para.querySelector(".para-text") || para;
    match[2].split("&").forEach(function (directive) {
      if (directive.indexOf("text=") !== 0) { return; }
      var parts = directive.slice(5).split(",").map(function (part) {
        try { return decodeURIComponent(part); } catch (ignored) { return part; }
      });
      mark(body, parts[0], parts[1]);
    });
    para.classList.add("is-cited");
    para.scrollIntoView();
  }

  // A browser that applied a text directive highlights the words but leaves the ¶ without :target;
  // mark the ¶ itself as cited, as :target would.
  function markCitedParagraph() {
    document.querySelectorAll(".para.is-cited").forEach(function (para) { para.classList.remove("is-cited"); });
    var id = location.hash.slice(1);
    var para = /^p[0-9]+$/.test(id) ? document.getElementById(id) : null;
    if (para && !para.matches(":target")) { para.classList.add("is-cited"); }
  }

  window.dossierLandOnQuotedWords = landOnQuotedWords;
  addCopyButtons();
  markCitedParagraph();
  window.addEventListener("hashchange", markCitedParagraph);
  landOnQuotedWords(location.hash);
}());
