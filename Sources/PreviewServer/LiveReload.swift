import DossierCore
import Foundation

/// The browser side of live reload: the script, the error overlay and their injection into pages.
enum LiveReload {
    /// Where pages open their Server-Sent Events stream.
    static let eventsPath = "/_dossier/events"
    /// Where the injected `<script>` loads the client from.
    static let scriptPath = "/_dossier/reload.js"
    /// The id of the error overlay element, shared by the server rendering and the script.
    static let overlayID = "dossier-build-errors"

    /// The client: reload on `reload`, show the overlay on `error`.
    static let script = """
        (() => {
          "use strict";
          const overlayID = "\(overlayID)";
          const style = "\(overlayStyle)";
          const show = (lines) => {
            let box = document.getElementById(overlayID);
            if (!box) {
              box = document.createElement("div");
              box.id = overlayID;
              box.setAttribute("role", "alert");
              box.setAttribute("style", style);
              document.body.appendChild(box);
            }
            box.replaceChildren();
            const title = document.createElement("strong");
            title.textContent = "dossier: build failed (the page shows the last good build)";
            const list = document.createElement("pre");
            list.setAttribute("style", "margin:0.5em 0 0;white-space:pre-wrap");
            list.textContent = lines.join("\\n");
            box.append(title, list);
          };
          const source = new EventSource("\(eventsPath)");
          source.addEventListener("reload", () => location.reload());
          // The browser also fires a data-less "error" when the connection drops; only builds carry data.
          source.addEventListener("error", (event) => {
            if (typeof event.data !== "string") return;
            try { show(JSON.parse(event.data).diagnostics.map((d) => d.text)); } catch (_) {}
          });
        })();

        """

    private static let overlayStyle =
        "position:fixed;left:1em;right:1em;bottom:1em;z-index:2147483647;max-height:50vh;overflow:auto;"
        + "padding:1em;background:#fff5f5;color:#7a0000;border:2px solid #c00;border-radius:6px;"
        + "font:14px/1.4 ui-monospace,Menlo,Consolas,monospace;box-shadow:0 4px 16px rgba(0,0,0,.3)"

    /// The overlay as HTML, for pages loaded while the last build is failing.
    static func overlayHTML(for diagnostics: [Diagnostic]) -> String {
        let lines = diagnostics.map(\.description.htmlEscaped).joined(separator: "\n")
        return "<div id=\"\(overlayID)\" role=\"alert\" style=\"\(overlayStyle)\">"
            + "<strong>dossier: build failed (the page shows the last good build)</strong>"
            + "<pre style=\"margin:0.5em 0 0;white-space:pre-wrap\">\(lines)</pre></div>"
    }

    /// The page with the script (and the overlay when failing) placed before its last `</body>`.
    static func inject(into page: [UInt8], status: BuildStatus) -> [UInt8] {
        var snippet = ""
        if case .failed(let diagnostics) = status {
            snippet += overlayHTML(for: diagnostics)
        }
        snippet += "<script src=\"\(scriptPath)\"></script>"
        let insertion = Array(snippet.utf8)
        guard let index = lastBodyClose(in: page) else { return page + insertion }
        var result = page
        result.insert(contentsOf: insertion, at: index)
        return result
    }

    /// The `error` event payload: `{"diagnostics":[{"text": "path:line:col: error: message", …}]}`.
    static func errorEventData(for diagnostics: [Diagnostic]) -> String {
        let payload = ErrorPayload(diagnostics: diagnostics.map(ErrorPayload.Entry.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(payload) else { return "{\"diagnostics\":[]}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The offset of the last `</body` (any case), where injected markup goes.
    private static func lastBodyClose(in page: [UInt8]) -> Int? {
        let needle = Array("</body".utf8)
        guard page.count >= needle.count else { return nil }
        for start in stride(from: page.count - needle.count, through: 0, by: -1) {
            var matches = true
            for offset in 0..<needle.count {
                let byte = page[start + offset]
                let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                if lowered != needle[offset] {
                    matches = false
                    break
                }
            }
            if matches { return start }
        }
        return nil
    }

    private struct ErrorPayload: Encodable {
        struct Entry: Encodable {
            var text: String
            var path: String?
            var line: Int?
            var column: Int?
            var severity: String
            var message: String

            init(_ diagnostic: Diagnostic) {
                text = diagnostic.description
                path = diagnostic.location?.path
                line = diagnostic.location?.line
                column = diagnostic.location?.column
                severity = diagnostic.severity.rawValue
                message = diagnostic.message
            }
        }

        var diagnostics: [Entry]
    }
}
