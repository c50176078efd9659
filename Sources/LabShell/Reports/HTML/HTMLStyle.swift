/// The reports' stylesheet and palette.
///
/// Colours are the Okabe–Ito palette, which stays distinguishable with the common kinds of
/// colour blindness; every chart also marks its series by shape or pattern and has a table.
enum HTMLStyle {
    /// Okabe–Ito: blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442"]

    /// The series colour at `index`, cycling through the palette.
    static func colour(_ index: Int) -> String { palette[index % palette.count] }

    static let sheet = """
        :root{--bg:#ffffff;--fg:#1b1b1f;--muted:#5c5f66;--line:#d7d9de;--panel:#f5f6f8;\
        --good:#009E73;--bad:#D55E00;--warn:#E69F00;--ref:#0072B2;--cur:#E69F00;--heat0:#f2f5f9;--heat1:#0072B2}
        @media (prefers-color-scheme: dark){:root{--bg:#15171a;--fg:#e8e9ec;--muted:#a3a7ae;--line:#3a3e45;\
        --panel:#1f2226;--heat0:#23272d;--heat1:#56B4E9;--ref:#56B4E9}}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",\
        Roboto,"Noto Sans",sans-serif}
        header,main,footer{max-width:1180px;margin:0 auto;padding:0 24px}
        header{padding-top:20px}h1{font-size:1.6rem;margin:0 0 2px}h2{font-size:1.2rem;margin:28px 0 8px;\
        border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:1rem;margin:18px 0 6px}
        .sub{color:var(--muted);margin:0}
        footer{color:var(--muted);font-size:.8rem;padding:24px}
        table{border-collapse:collapse;margin:6px 0 12px;font-variant-numeric:tabular-nums}
        th,td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:left;vertical-align:top}
        th{font-weight:600;color:var(--muted)}
        caption{text-align:left;color:var(--muted);padding-bottom:4px}
        .badge{display:inline-block;border-radius:9px;padding:0 8px;font-size:.85rem;white-space:nowrap;\
        border:1px solid currentColor}
        .good{color:var(--good)}.bad{color:var(--bad)}.warn{color:var(--warn)}.neutral{color:var(--muted)}
        .cards{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0}
        .card{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:150px}
        .card b{display:block;font-size:1.35rem}
        .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(480px,1fr));gap:16px}
        figure{margin:8px 0;background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px}
        figcaption{font-size:.9rem;color:var(--muted)}
        svg{display:block;max-width:100%;height:auto}
        svg text{fill:var(--fg);font:12px system-ui,sans-serif}
        svg .axis{stroke:var(--muted);stroke-width:1}svg .gridline{stroke:var(--line);stroke-width:1}
        svg .muted{fill:var(--muted)}
        details{margin-top:4px}summary{cursor:pointer;color:var(--muted);font-size:.85rem}
        code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.9em}
        """
}
