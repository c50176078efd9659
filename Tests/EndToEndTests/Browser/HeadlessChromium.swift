import Foundation
import Testing

/// Debian's `chromium`, headless, opening a report from a file with the network disabled.
///
/// `bin/setup-tools` installs it; a test that needs it is skipped with a note when it is
/// missing, except under CI (see ``ExternalTool``).
enum HeadlessChromium {
    /// What the browser made of a page: its DOM after loading, and every console message.
    struct Page {
        var dom: String
        /// Console messages and failed loads; a self-contained page without scripts has none.
        var console: [String]

        /// The `data-figure` names of the page's charts.
        var figures: [String] { matches(#"data-figure="([^"]*)""#).map { $0[0] } }

        /// The numbers the page carries for machines: `data-key` → `data-value`.
        var values: [String: String] {
            var result: [String: String] = [:]
            for match in matches(#"data-key="([^"]*)" data-value="([^"]*)""#) {
                result[unescape(match[0])] = match[1]
            }
            return result
        }

        func matches(_ pattern: String) -> [[String]] {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
            let text = dom as NSString
            return regex.matches(in: dom, range: NSRange(location: 0, length: text.length)).map { match in
                (1..<match.numberOfRanges).map { text.substring(with: match.range(at: $0)) }
            }
        }

        func unescape(_ text: String) -> String {
            text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// The flags of every run: headless, no GPU, a profile of its own, and no way to the network
    /// (every host name fails to resolve and every request goes to a closed proxy port).
    static func flags(profile: String) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(profile)", "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
            "--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000",
        ]
    }

    /// Opens `file` and returns its DOM and console messages.
    static func open(_ file: String) throws -> Page {
        let chromium = try ExternalTool.require("chromium")
        let profile = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let run = try Spawn.run(
            chromium, flags(profile: profile) + ["--dump-dom", URL(fileURLWithPath: file).absoluteString],
            environment: ProcessInfo.processInfo.environment, directory: nil, stdin: "")
        let stderr = String(decoding: run.stderr, as: UTF8.self)
        let console = stderr.split(separator: "\n").map(String.init).filter {
            $0.contains(":CONSOLE") || $0.contains("net::ERR_")
        }
        return Page(dom: String(decoding: run.stdout, as: UTF8.self), console: console)
    }

    /// Takes a `width`×`height` screenshot of `file` into `png`.
    static func screenshot(_ file: String, to png: String, width: Int = 1280, height: Int = 800) throws {
        let chromium = try ExternalTool.require("chromium")
        let profile = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: profile) }
        _ = try Spawn.run(
            chromium,
            flags(profile: profile) + [
                "--window-size=\(width),\(height)", "--screenshot=\(png)", URL(fileURLWithPath: file).absoluteString,
            ],
            environment: ProcessInfo.processInfo.environment, directory: nil, stdin: "")
    }

    /// The width, height and number of distinct colours of a PNG, read with Python's standard
    /// library (zlib, with the row filters undone), so a blank page is told from a drawn one.
    static func pngFacts(_ png: String) throws -> (width: Int, height: Int, colours: Int) {
        let script = """
            import sys, zlib, struct
            data = open(sys.argv[1], 'rb').read()
            assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
            pos, idat = 8, b''
            while pos < len(data):
                n, kind = struct.unpack('>I4s', data[pos:pos+8]); body = data[pos+8:pos+8+n]; pos += 12 + n
                if kind == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
                if kind == b'IDAT': idat += body
            bpp = {2: 3, 6: 4, 0: 1, 4: 2}[ctype] * depth // 8
            raw, stride, prev, colours = zlib.decompress(idat), w * bpp, bytearray(w * bpp), set()
            for y in range(h):
                f = raw[y * (stride + 1)]; line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
                for i in range(stride):
                    a = line[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
                    if f == 1: line[i] = (line[i] + a) & 255
                    elif f == 2: line[i] = (line[i] + b) & 255
                    elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
                    elif f == 4:
                        p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                        line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                if y % 4 == 0: colours.update(bytes(line[i:i + bpp]) for i in range(0, stride, bpp * 4))
                prev = line
            print(w, h, len(colours))
            """
        let run = try Spawn.run(
            "/usr/bin/env", ["python3", "-c", script, png], environment: ProcessInfo.processInfo.environment,
            directory: nil, stdin: "")
        let words = String(decoding: run.stdout, as: UTF8.self).split(separator: " ").compactMap {
            Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard run.status == 0, words.count == 3 else {
            throw PNGUnreadable(path: png, message: String(decoding: run.stderr, as: UTF8.self))
        }
        return (words[0], words[1], words[2])
    }

    struct PNGUnreadable: Error, CustomStringConvertible {
        var path: String
        var message: String
        var description: String { "\(path) is not a readable PNG: \(message)" }
    }
}
