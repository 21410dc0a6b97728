"""The report's stylesheet, inlined into the page (no external fonts or files)."""

from __future__ import annotations

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0; background: #f3f4f6; color: #111827;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", "Liberation Sans", sans-serif;
}
header.top { background: #1f2937; color: #f9fafb; padding: 24px 32px 18px; }
header.top h1 { margin: 0 0 4px; font-size: 24px; font-weight: 650; letter-spacing: .2px; }
header.top p { margin: 2px 0; color: #d1d5db; }
header.top code { color: #f9fafb; }
nav.toc { background: #111827; padding: 8px 32px; }
nav.toc a { color: #e5e7eb; text-decoration: none; margin-right: 18px; font-size: 13px; }
nav.toc a:hover, nav.toc a:focus { text-decoration: underline; }
main { max-width: 1180px; margin: 0 auto; padding: 20px 24px 48px; }
section {
  background: #ffffff; border: 1px solid #e5e7eb; border-radius: 8px;
  padding: 18px 22px 22px; margin: 0 0 20px;
}
h2 { font-size: 19px; margin: 0 0 6px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
p.lead { margin: 0 0 12px; color: #4b5563; }
p.note { color: #4b5563; font-style: italic; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 12px; }
.card { border: 1px solid #e5e7eb; border-radius: 8px; padding: 12px 14px; background: #f9fafb; }
.card .value { font-size: 26px; font-weight: 650; line-height: 1.2; }
.card .label { color: #4b5563; font-size: 12.5px; text-transform: uppercase; letter-spacing: .4px;
  min-height: 2.9em; }
.card .sub { color: #374151; font-size: 12.5px; margin-top: 4px; }
.charts { display: flex; flex-wrap: wrap; gap: 12px 28px; align-items: flex-start; }
figure { margin: 8px 0 14px; max-width: 100%; }
.pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 8px 28px;
  align-items: start; }
@media (max-width: 900px) { .pair { grid-template-columns: minmax(0, 1fr); } }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: #4b5563; font-size: 12.5px; margin-top: 4px; }
svg text { fill: #1f2937; font-family: inherit; }
svg text.ref-label { fill: #4b5563; font-size: 11px; }
svg text.axis-label { fill: #374151; font-weight: 600; }
svg text.total { font-weight: 600; }
svg text.pt { fill: #1e3a8a; font-size: 11px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 13px; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
caption { text-align: left; font-weight: 600; padding: 4px 0; color: #374151; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #e5e7eb;
  vertical-align: top; }
th { background: #f3f4f6; font-weight: 600; color: #374151; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) td { background: #fafafa; }
td.msg { max-width: 520px; overflow-wrap: anywhere; }
td.loc, .loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 12px;
  overflow-wrap: anywhere; }
.sev { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 11.5px;
  font-weight: 600; color: #ffffff; white-space: nowrap; }
.chip { white-space: nowrap; display: inline-block; margin: 1px 0; }
.sev-critical { background: #991b1b; } .sev-high { background: #dc2626; }
.sev-medium { background: #b45309; } .sev-low { background: #2563eb; }
.sev-info { background: #6b7280; }
.waived { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 11.5px;
  border: 1px solid #9ca3af; color: #374151; white-space: nowrap; }
.reason { display: block; color: #4b5563; font-size: 12px; margin-top: 2px; }
.score { font-weight: 700; }
.score-badge { font-size: 12px; font-weight: 600; color: #374151; background: #e5e7eb;
  border-radius: 10px; padding: 1px 8px; margin-left: 6px; vertical-align: middle; }
article.decision { border-top: 1px solid #e5e7eb; padding-top: 10px; margin-top: 14px; }
article.decision h3 { margin: 0 0 2px; }
article.decision .meta { color: #4b5563; font-size: 12.5px; margin: 0 0 6px; }
.brief { border-left: 3px solid #1d4ed8; background: #f8fafc; padding: 6px 14px 8px;
  margin: 10px 0 4px; }
.brief h4 { margin: 4px 0 6px; font-size: 14px; }
.brief h5 { margin: 10px 0 4px; font-size: 13px; }
.brief p, .brief li { max-width: 860px; }
.brief ul.quotes { margin: 2px 0; color: #374151; }
.brief ol.notes { font-size: 12px; color: #4b5563; margin-top: 10px; }
a { color: #1d4ed8; }
.kind { font-size: 12px; color: #374151; }
footer { color: #6b7280; font-size: 12px; max-width: 1180px; margin: 0 auto; padding: 0 24px 32px; }
@media print {
  body { background: #ffffff; color: #000000; font-size: 11pt; }
  header.top { background: #ffffff; color: #000000; border-bottom: 2px solid #000000;
    padding: 0 0 8px; }
  header.top p, header.top code { color: #000000; }
  nav.toc { display: none; }
  main { max-width: none; padding: 0; }
  .pair { grid-template-columns: minmax(0, 1fr); }
  section { border: none; border-radius: 0; padding: 0; margin: 0; break-before: page;
    page-break-before: always; }
  section#summary { break-before: auto; page-break-before: auto; }
  figure, table, article.decision, .card { break-inside: avoid; page-break-inside: avoid; }
  th { background: #ffffff; border-bottom: 1.5px solid #000000; }
  tbody tr:nth-child(even) td { background: #ffffff; }
  .card { background: #ffffff; }
  .sev { color: #000000; background: #ffffff !important; border: 1px solid #000000; }
  a { color: #000000; text-decoration: none; }
}
"""
