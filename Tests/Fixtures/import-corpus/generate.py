#!/usr/bin/env python3
"""Builds the import corpus: each sources/<name>.src becomes <name>/brief.html (laid out in one of
five house styles), brief.pdf (headless Chromium), default.txt and layout.txt (pdftotext) and
truth.json (what an importer should find, taken from the source, never from the output).

Run from anywhere: python3 Tests/Fixtures/import-corpus/generate.py  (needs chromium, poppler-utils).
The outputs are committed, so `make import-score` needs neither.

Source format: `key: value` header lines, `---`, then one block per line:
  # Heading / ## Heading   a heading (## Notes, About the authors, Disclaimer: back matter)
  ■ ▪ text                 a bullet item, glyph printed as written
  1. text / (1) text       a numbered item
  |a|b|c                   a table row
  caption: text            a figure or table caption
  [^n]: text               a note; [^n] in a paragraph is its marker
  **Lead.** text           a paragraph with a bold lead-in
  ==                       a page break (word-processor style only)
  + text                   the rest of the previous paragraph, after the page break
  © … / address lines      back matter after a ## Disclaimer
"""
import html
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BACK_MATTER = {"notes", "about the authors", "disclaimer", "author information"}


def parse(path):
    header, body = open(path, encoding="utf-8").read().split("\n---\n", 1)
    meta = dict(line.split(": ", 1) for line in header.strip().split("\n"))
    blocks, back = [], False
    for line in body.strip().split("\n"):
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            text = line.lstrip("#").strip()
            back = back or text.lower() in BACK_MATTER
            blocks.append({"kind": "back-heading" if back else "heading", "level": level, "text": text})
        elif line == "==":
            blocks.append({"kind": "pagebreak"})
        elif line.startswith("+ "):
            blocks.append({"kind": "continuation", "text": line[2:]})
        elif m := re.match(r"\[\^(\d+)\]: (.*)", line):
            blocks.append({"kind": "note", "number": int(m.group(1)), "text": m.group(2)})
        elif line.startswith("|"):
            row = line[1:].split("|")
            if blocks and blocks[-1]["kind"] == "table":
                blocks[-1]["rows"].append(row)
            else:
                blocks.append({"kind": "table", "rows": [row]})
        elif line.startswith("caption: "):
            blocks.append({"kind": "caption", "text": line[len("caption: "):]})
        elif back:
            blocks.append({"kind": "back", "text": line})
        elif m := re.match(r"([■▪•◆–-]) (.*)", line):
            blocks.append({"kind": "bullet", "glyph": m.group(1), "text": m.group(2)})
        elif m := re.match(r"(\(?)(\d+)([.)]) (.*)", line):
            blocks.append({"kind": "numbered", "label": m.group(0)[: m.end(3)], "number": int(m.group(2)), "text": m.group(4)})
        else:
            blocks.append({"kind": "prose", "text": line})
    return meta, blocks


def plain(text):
    """Paragraph text as a reader sees it: no note markers, no bold marks."""
    return re.sub(r"\[\^\d+\]", "", text).replace("**", "")


def inline(text):
    out = html.escape(text, quote=False)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    return re.sub(r"\[\^(\d+)\]", r"<sup>\1</sup>", out)


def truth(meta, blocks):
    paragraphs, headings, notes, back = [], [], [], []
    for block in blocks:
        kind = block["kind"]
        if kind == "heading":
            headings.append(block["text"])
        elif kind in ("prose", "bullet", "numbered", "caption"):
            paragraphs.append({"kind": kind, "text": plain(block["text"])})
        elif kind == "continuation":
            paragraphs[-1]["text"] += " " + plain(block["text"])
        elif kind == "table":
            paragraphs.append({"kind": "table", "rows": block["rows"]})
        elif kind == "note":
            notes.append({"number": block["number"], "text": block["text"]})
        elif kind in ("back", "back-heading"):
            back.append(block["text"])
    authors = [a.strip() for a in re.split(r"\s*\|\s*|,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", re.sub(r"^By ", "", meta["authors"])) if a.strip()]
    furniture = [meta[k] for k in ("head", "foot") if k in meta]
    if meta.get("authors-at-end"):
        back += ["Author Information"] + [f"{a}, Analyst in Asian Affairs" for a in authors]
    return {
        "title": meta["title"], "subtitle": meta.get("subtitle"), "authors": authors,
        "date": meta["date"], "date_iso": iso_date(meta["date"]), "series": meta.get("series"),
        "headings": headings, "paragraphs": paragraphs, "notes": notes, "back_matter": back,
        "furniture": furniture, "page_numbers": meta["style"] != "crs",
    }


MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def iso_date(text):
    text = re.sub(r"^(Updated|Published|Revised):? ", "", text)
    if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", text):
        return text
    m = re.fullmatch(r"([A-Za-z]+)\.? (?:(\d+)(?:st|nd|rd|th)?, )?(\d{4})", text) or None
    if m:
        month = MONTHS.index(m.group(1)[:3].lower()) + 1
        return f"{m.group(3)}-{month:02d}" + (f"-{int(m.group(2)):02d}" if m.group(2) else "")
    m = re.fullmatch(r"(\d+) ([A-Za-z]+) (\d{4})", text)
    month = MONTHS.index(m.group(2)[:3].lower()) + 1
    return f"{m.group(3)}-{month:02d}-{int(m.group(1)):02d}"


STYLES = {
    "crs": """@page { size: Letter; margin: 0.8in 0.75in; @bottom-center { content: "%(foot)s"; font: 8pt 'Liberation Sans'; } }
body { font: 10.5pt/1.35 'Liberation Serif'; } .series { font: bold 10pt 'Liberation Sans'; color: #225; }
h1 { font: bold 19pt/1.2 'Liberation Sans'; margin: 6pt 0; } .byline, .date { font: 10pt 'Liberation Sans'; margin: 2pt 0; }
.body { columns: 2; column-gap: 0.3in; margin-top: 14pt; } h2 { font: bold 12pt 'Liberation Sans'; color: #225; }
p { margin: 0 0 7pt; text-align: justify; } .back { font-size: 9pt; }""",
    "thinktank": """@page { size: Letter; margin: 0.9in 0.9in; @top-left { content: "%(head)s"; font: 8pt 'DejaVu Sans'; color: #555; }
  @bottom-right { content: "Page " counter(page); font: 8pt 'DejaVu Sans'; } }
@page :first { @top-left { content: none; } }
body { font: 10.5pt/1.45 'DejaVu Sans'; } .series { font: bold 9pt 'DejaVu Sans'; color: #a40; }
h1 { font: bold 22pt/1.15 'DejaVu Sans'; margin: 4pt 0 2pt; } .subtitle { font: 14pt 'DejaVu Sans'; color: #444; margin: 0 0 8pt; }
.byline, .date { font: 9.5pt 'DejaVu Sans'; margin: 2pt 0; } h2 { font: bold 14pt 'DejaVu Sans'; color: #a40; margin: 14pt 0 4pt; }
h3 { font: bold 11pt 'DejaVu Sans'; } p { margin: 0 0 8pt; } .note { font-size: 8.5pt; margin: 0 0 3pt; } .back { font-size: 8.5pt; }
table { border-collapse: collapse; font-size: 9.5pt; margin: 6pt 0; } td { border: 1px solid #999; padding: 2pt 6pt; }""",
    "jinst": """@page { size: A4; margin: 25mm 22mm; @top-center { content: "%(head)s"; font: 8pt 'Liberation Serif'; }
  @bottom-center { content: counter(page); font: 9pt 'Liberation Serif'; } }
@page :first { @top-center { content: none; } }
body { font: 11pt/1.5 'Liberation Serif'; } .series { font: 10pt 'Liberation Serif'; letter-spacing: 0.45em; }
h1 { font: bold 20pt/1.2 'Liberation Serif'; margin: 10pt 0 2pt; } .subtitle { font: italic 13pt 'Liberation Serif'; margin: 0 0 10pt; }
.byline, .date { font: 11pt 'Liberation Serif'; margin: 2pt 0; } h2 { font: bold 12.5pt 'Liberation Serif'; font-variant: small-caps; margin: 14pt 0 4pt; }
p { margin: 0 0 8pt; text-indent: 1.5em; text-align: justify; }""",
    "memo": """@page { size: Letter; margin: 0.7in; @bottom-left { content: "%(foot)s"; font: 8pt 'Liberation Sans'; }
  @bottom-right { content: counter(page); font: 8pt 'Liberation Sans'; } }
body { font: 10pt/1.4 'Liberation Sans'; } .series { font: bold 10pt 'Liberation Sans'; background: #123; color: #fff; padding: 2pt 5pt; display: inline-block; }
h1 { font: bold 20pt/1.2 'Liberation Sans'; margin: 8pt 0 2pt; } .subtitle { font: 13pt 'Liberation Sans'; margin: 0 0 4pt; }
.byline, .date { font: 9.5pt 'Liberation Sans'; margin: 1pt 0; } .body { columns: 2; column-gap: 0.35in; margin-top: 12pt; }
h2 { font: bold 12pt 'Liberation Sans'; margin: 10pt 0 3pt; } h3 { font: bold 11pt 'Liberation Sans'; margin: 0 0 3pt; }
.keypoints { background: #eef; padding: 6pt; break-inside: avoid; } p { margin: 0 0 6pt; } .item { margin: 0 0 4pt; }""",
    "wp": """@page { size: Letter; margin: 0; }
body { margin: 0; font: 12pt/1.5 'Liberation Serif'; } .page { position: relative; height: 11in; box-sizing: border-box; padding: 1in 1in 1.6in; break-after: page; overflow: hidden; }
.runhead { position: absolute; top: 0.5in; right: 1in; font: italic 9pt 'Liberation Serif'; } .folio { position: absolute; bottom: 0.5in; left: 0; right: 0; text-align: center; font-size: 10pt; }
.footnotes { position: absolute; bottom: 0.85in; left: 1in; right: 1in; border-top: 0.5pt solid #000; padding-top: 3pt; }
.note { font-size: 9pt; line-height: 1.25; margin: 0 0 2pt; } .series { font: 10pt 'Liberation Serif'; }
h1 { font: bold 16pt/1.3 'Liberation Serif'; text-align: center; margin: 0; } .subtitle { font: 13pt 'Liberation Serif'; text-align: center; margin: 2pt 0 8pt; }
.byline, .date { text-align: center; margin: 0; } h2 { font: bold 12pt 'Liberation Serif'; margin: 12pt 0 2pt; } h3 { font: bold 11pt 'Liberation Serif'; }
p { margin: 0; text-indent: 0.5in; } table { border-collapse: collapse; margin: 8pt auto; font-size: 11pt; } td { border: 1px solid #000; padding: 1pt 8pt; }
.caption { font-size: 10pt; text-align: center; text-indent: 0; margin-bottom: 8pt; } .back { text-indent: 0; font-size: 10.5pt; }""",
}


def masthead(meta):
    parts = [f'<div class="series">{html.escape(meta["series"])}</div>' if "series" in meta else ""]
    parts.append(f'<h1>{html.escape(meta["title"])}</h1>')
    if "subtitle" in meta:
        parts.append(f'<div class="subtitle">{html.escape(meta["subtitle"])}</div>')
    if not meta.get("authors-at-end"):
        names = meta["authors"].split(" | ")
        shown = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 and "|" in meta["authors"] else meta["authors"]
        parts.append(f'<p class="byline">{html.escape(shown)}</p>')
    parts.append(f'<p class="date">{html.escape(meta["date"])}</p>')
    return "\n".join(parts)


def block_html(block):
    kind = block["kind"]
    if kind in ("heading", "back-heading"):
        return f'<h{block["level"] + 1}>{html.escape(block["text"])}</h{block["level"] + 1}>'
    if kind == "bullet":
        return f'<p class="item">{block["glyph"]} {inline(block["text"])}</p>'
    if kind == "numbered":
        return f'<p class="item">{html.escape(block["label"])} {inline(block["text"])}</p>'
    if kind == "table":
        rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in block["rows"])
        return f"<table>{rows}</table>"
    if kind == "caption":
        return f'<p class="caption">{inline(block["text"])}</p>'
    if kind == "note":
        return f'<p class="note">{block["number"]}. {inline(block["text"])}</p>'
    if kind == "back":
        return f'<p class="back">{inline(block["text"])}</p>'
    return f"<p>{inline(block['text'])}</p>"


def flow_html(meta, blocks):
    body, keypoints = [], []
    for block in blocks:
        if meta["style"] == "memo" and (block["kind"] == "bullet" or (block["kind"] == "heading" and block["text"] == "Key points")):
            keypoints.append(block_html(block))
        else:
            body.append(block_html(block))
    if meta.get("authors-at-end"):
        body.append("<h2>Author Information</h2>")
        for name in truth(meta, blocks)["authors"]:
            body.append(f'<p class="back">{html.escape(name)}, Analyst in Asian Affairs</p>')
    kp = f'<div class="keypoints">{"".join(keypoints)}</div>' if keypoints else ""
    return f'{masthead(meta)}<div class="body">{kp}{"".join(body)}</div>'


def paged_html(meta, blocks):
    """Word-processor pages: each page laid out by hand, its notes at its foot."""
    pages, current, notes_by_marker = [[]], None, {b["number"]: b for b in blocks if b["kind"] == "note"}
    for block in blocks:
        if block["kind"] == "pagebreak":
            pages.append([])
        elif block["kind"] == "continuation":
            pages[-1].append({"kind": "cont", "text": block["text"]})
        elif block["kind"] != "note":
            pages[-1].append(block)
    out = []
    for number, page in enumerate(pages, 1):
        html_blocks = [masthead(meta)] if number == 1 else []
        markers = []
        for block in page:
            text = block.get("text", "")
            markers += [int(m) for m in re.findall(r"\[\^(\d+)\]", text)]
            if block["kind"] == "cont":
                html_blocks.append(f'<p style="text-indent:0">{inline(text)}</p>')
            else:
                html_blocks.append(block_html(block))
        notes = "".join(block_html(notes_by_marker[m]) for m in markers)
        head = f'<div class="runhead">{html.escape(meta["head"])}</div>' if number > 1 else ""
        foot = f'<div class="footnotes">{notes}</div>' if notes else ""
        out.append(f'<div class="page">{head}{"".join(html_blocks)}{foot}<div class="folio">{number}</div></div>')
    return "".join(out)


def build(source):
    name = os.path.basename(source)[:-4]
    meta, blocks = parse(source)
    folder = os.path.join(HERE, name)
    os.makedirs(folder, exist_ok=True)
    style = STYLES[meta["style"]] % {k: meta.get(k, "").replace('"', '\\"') for k in ("head", "foot")}
    content = paged_html(meta, blocks) if meta["style"] == "wp" else flow_html(meta, blocks)
    page = f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(meta["title"])}</title><style>{style}</style></head><body>{content}</body></html>\n'
    html_path = os.path.join(folder, "brief.html")
    open(html_path, "w", encoding="utf-8").write(page)
    pdf = os.path.join(folder, "brief.pdf")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf-no-header",
                    f"--print-to-pdf={pdf}", "file://" + html_path], check=True, capture_output=True)
    subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, os.path.join(folder, "default.txt")], check=True)
    subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", pdf, os.path.join(folder, "layout.txt")], check=True)
    with open(os.path.join(folder, "truth.json"), "w", encoding="utf-8") as out:
        json.dump(truth(meta, blocks), out, ensure_ascii=False, indent=1)
        out.write("\n")
    print("built", name)


if __name__ == "__main__":
    names = sys.argv[1:] or sorted(os.listdir(os.path.join(HERE, "sources")))
    for source in names:
        build(os.path.join(HERE, "sources", os.path.basename(source)))
