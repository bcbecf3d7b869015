// Sizes and times dossier's own search: loads site/search-index.js in a vm context, then runs
// templates/assets/search.js itself against a stand-in DOM and times each query through its input handler.
// Usage: node search-bench.js SITE_DIR SEARCH_JS
"use strict";
const fs = require("fs");
const vm = require("vm");
const zlib = require("zlib");

const [siteDir, searchPath] = process.argv.slice(2);
const indexSource = fs.readFileSync(siteDir + "/search-index.js", "utf8");
const searchSource = fs.readFileSync(searchPath, "utf8");
const raw = Buffer.byteLength(indexSource);
const gzipped = zlib.gzipSync(indexSource, { level: 9 }).length;
const brotli = zlib.brotliCompressSync(indexSource).length;

function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function ms(start) { return Number(process.hrtime.bigint() - start) / 1e6; }

// A minimal DOM: just what search.js touches.
function element() {
  return {
    children: [], value: "", href: "", _text: "",
    set textContent(v) { this._text = v; if (v === "") this.children = []; },
    get textContent() { return this._text; },
    appendChild(child) { this.children.push(child); return child; },
    addEventListener(type, handler) { this.handlers = this.handlers || {}; this.handlers[type] = handler; },
  };
}

function freshContext() {
  const nodes = { "search-input": element(), "search-status": element(), "search-results": element() };
  const window = { location: { search: "" } };
  const context = {
    window, URLSearchParams,
    document: { getElementById: (id) => nodes[id] || null, createElement: () => element() },
  };
  vm.createContext(context);
  return { context, nodes, window };
}

// Parse: evaluating the index script (what a browser does when the search page loads it).
const parseTimes = [];
const setupTimes = [];
let last;
for (let i = 0; i < 7; i++) {
  const run = freshContext();
  let start = process.hrtime.bigint();
  vm.runInContext(indexSource, run.context);
  parseTimes.push(ms(start));
  start = process.hrtime.bigint();
  vm.runInContext(searchSource, run.context); // builds the lower-cased haystacks, renders the empty query
  setupTimes.push(ms(start));
  last = run;
}
const entries = last.context.window.dossierSearchIndex.length;

const queries = ["alliance", "maritime security", "host nation support", "tokyo budget talks", "senkaku", "cross-strait deterrence", "xylophone"];
const rows = [];
for (const query of queries) {
  const times = [];
  for (let i = 0; i < 21; i++) {
    last.nodes["search-input"].value = query;
    const start = process.hrtime.bigint();
    last.nodes["search-input"].handlers.input();
    times.push(ms(start));
  }
  rows.push({ query, time: median(times), status: last.nodes["search-status"].textContent });
}

const mb = (n) => (n / 1048576).toFixed(2) + " MB";
console.log(`| dossier index | ${entries} entries | ${mb(raw)} raw | ${mb(gzipped)} gzip -9 | ${mb(brotli)} brotli |`);
console.log(`parse (evaluate search-index.js): median ${median(parseTimes).toFixed(0)} ms over 7; search.js set-up (lower-casing every entry): median ${median(setupTimes).toFixed(0)} ms`);
console.log("");
console.log("| query | median of 21 (ms) | results |");
console.log("|---|---:|---|");
for (const row of rows) console.log(`| ${row.query} | ${row.time.toFixed(1)} | ${row.status} |`);
