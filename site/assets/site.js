// Reading aids that need a script; every page reads the same without it.
// 1. Citation previews: hovering, focusing or tapping a citation shows the cited ¶, copied from the
//    page's own "Paragraphs cited" list (no fetch, so it works from file:// too). Screen readers get
//    the same text as the link's description.
// 2. Paper: with a canonical address (base_url), links print their absolute URL; the printout's
//    header gets the date it was printed.
(function () {
  "use strict";

  // ---- citation previews
  var citations = Array.prototype.slice.call(document.querySelectorAll("a.citation"));
  var preview = null;
  var current = null;
  var hideTimer = 0;
  var lastPointer = "";

  function citedItem(link) {
    var match = /briefs\/([^\/]+)\/(?:index\.html)?#(p\d+)/.exec(link.getAttribute("href") || "");
    return match ? document.getElementById("cited-" + match[1] + "-" + match[2]) : null;
  }

  function place(link) {
    var box = link.getBoundingClientRect();
    var width = Math.min(448, document.documentElement.clientWidth - 16);
    preview.style.width = width + "px";
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    preview.style.left = left + window.scrollX + "px";
    var below = box.bottom + 6;
    var height = preview.offsetHeight;
    var top = below + height > window.innerHeight && box.top - height - 6 > 0 ? box.top - height - 6 : below;
    preview.style.top = top + window.scrollY + "px";
  }

  function show(link) {
    var item = citedItem(link);
    if (!item) return;
    window.clearTimeout(hideTimer);
    preview.textContent = "";
    var quote = item.matches("blockquote") ? item : item.querySelector("blockquote");
    if (quote) preview.appendChild(quote.cloneNode(true));
    var reference = document.createElement("p");
    reference.className = "preview-ref";
    var source = item.querySelector(".source, footer");
    reference.textContent = (source ? source.textContent : link.textContent).trim() +
      (lastPointer === "touch" ? " · tap the citation again to open the paragraph" : "");
    preview.appendChild(reference);
    preview.hidden = false;
    current = link;
    place(link);
  }

  function hide() {
    if (!preview) return;
    preview.hidden = true;
    current = null;
  }

  function hideSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 250);
  }

  if (citations.length) {
    preview = document.createElement("div");
    preview.className = "preview";
    preview.id = "citation-preview";
    preview.setAttribute("role", "tooltip");
    preview.hidden = true;
    document.body.appendChild(preview);
    preview.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
    preview.addEventListener("mouseleave", hideSoon);
    citations.forEach(function (link) {
      var item = citedItem(link);
      if (!item) return;
      link.setAttribute("aria-describedby", item.id);
      link.addEventListener("mouseenter", function () { show(link); });
      link.addEventListener("mouseleave", hideSoon);
      link.addEventListener("focus", function () { show(link); });
      link.addEventListener("blur", hideSoon);
      link.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType; });
      link.addEventListener("click", function (event) {
        // On a touch screen the first tap previews; a second tap on the same citation follows it.
        if (lastPointer === "touch" && (current !== link || preview.hidden)) {
          event.preventDefault();
          show(link);
        }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hide();
    });
    document.addEventListener("pointerdown", function (event) {
      if (current && !preview.contains(event.target) && citations.indexOf(event.target.closest("a.citation")) === -1) hide();
    });
  }

  // ---- paper
  var canonical = document.querySelector('link[rel="canonical"]');
  if (canonical) {
    Array.prototype.forEach.call(document.querySelectorAll("main a[href]"), function (link) {
      var href = link.getAttribute("href");
      if (href.charAt(0) === "#") return;
      link.setAttribute("data-print-url", new URL(href, canonical.href).href);
    });
  }
  window.addEventListener("beforeprint", function () {
    var stamp = document.querySelector(".printed-on");
    if (stamp) stamp.textContent = " · printed " + new Date().toISOString().slice(0, 10);
  });
})();
