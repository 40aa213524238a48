/// The report's style sheet, inlined into every HTML report so the file stands alone.
///
/// Colour always accompanies a word (a determination, a status), never replaces it, and the
/// print rules keep colours, avoid splitting a criterion across pages and start the
/// appendix on a new page of US letter paper.
enum HTMLStyle {
  static let css = """
    :root {
      --ink: #1f2933; --muted: #5f6b7a; --rule: #d8dee6; --panel: #f6f8fa;
      --ready: #1d6b3f; --ready-tint: #e5f3ea;
      --pend: #8a4b00; --pend-tint: #fdf0dc;
      --review: #1f4e96; --review-tint: #e4ecf8;
      --excluded: #4a4f57; --excluded-tint: #eceef1;
      --mark: #fff0a8;
    }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body {
      margin: 2rem auto; max-width: 52rem; padding: 0 1.5rem; color: var(--ink);
      font: 15px/1.5 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif;
    }
    h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
    h2 {
      font-size: 1.15rem; margin: 2rem 0 .75rem; padding-bottom: .25rem;
      border-bottom: 1px solid var(--rule);
    }
    h3 { font-size: 1rem; margin: 0 0 .25rem; }
    p { margin: .25rem 0; }
    a { color: var(--review); }
    .muted { color: var(--muted); }
    .request-facts {
      display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem;
    }
    .request-facts dt { color: var(--muted); }
    .request-facts dd { margin: 0; }
    .determination {
      border-left: 6px solid; border-radius: 4px; padding: .75rem 1rem; margin: .5rem 0;
    }
    .determination .verdict { font-size: 1.3rem; font-weight: bold; letter-spacing: .03em; }
    .determination p { margin: .2rem 0 0; }
    .ready { border-color: var(--ready); background: var(--ready-tint); }
    .pend { border-color: var(--pend); background: var(--pend-tint); }
    .clinicalReview { border-color: var(--review); background: var(--review-tint); }
    .excluded { border-color: var(--excluded); background: var(--excluded-tint); }
    .ready .verdict { color: var(--ready); }
    .pend .verdict { color: var(--pend); }
    .clinicalReview .verdict { color: var(--review); }
    .excluded .verdict { color: var(--excluded); }
    .status {
      display: inline-block; padding: 0 .45rem; border: 1px solid; border-radius: 3px;
      font-size: .8rem; font-weight: bold; white-space: nowrap;
    }
    .status.met { color: var(--ready); background: var(--ready-tint); }
    .status.notMet { color: var(--review); background: var(--review-tint); }
    .status.notDocumented { color: var(--pend); background: var(--pend-tint); }
    .gap, .criterion {
      border: 1px solid var(--rule); border-radius: 4px; padding: .6rem .8rem; margin: .6rem 0;
    }
    .gap { border-left: 4px solid var(--pend); }
    .gap.notMet { border-left-color: var(--review); }
    .provider-request { background: var(--panel); padding: .4rem .6rem; border-radius: 3px; }
    .label { font-weight: bold; }
    .cite { font-size: .85rem; font-weight: normal; color: var(--muted); }
    pre {
      white-space: pre-wrap; overflow-wrap: anywhere; margin: .5rem 0;
      font: 13px/1.45 "DejaVu Sans Mono", Menlo, Consolas, monospace;
    }
    #all-requests { margin-top: 1.5rem; }
    pre.requests {
      background: var(--panel); border: 1px solid var(--rule); padding: .75rem;
      -webkit-user-select: all; user-select: all;
    }
    .back { font-size: .8rem; font-weight: normal; margin-left: .5rem; color: var(--muted); }
    ul.quotes { list-style: none; padding: 0; margin: .4rem 0 0; }
    ul.quotes li { margin: .25rem 0; padding-left: .75rem; border-left: 3px solid var(--rule); }
    table { border-collapse: collapse; width: 100%; font-size: .9rem; }
    th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; }
    th { border-bottom: 2px solid var(--rule); }
    td { border-bottom: 1px solid var(--rule); }
    .notes li { margin: .2rem 0; }
    .page-heading { font-size: .9rem; color: var(--muted); margin: 1rem 0 0; }
    .page-text { border-top: 1px solid var(--rule); padding-top: .4rem; }
    mark { background: var(--mark); color: inherit; padding: 0 1px; }
    mark:target { outline: 2px solid var(--pend); }
    @page { size: letter; margin: 0.6in 0.6in 0.7in; }
    @media print {
      body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
      a { color: inherit; text-decoration: none; }
      .back { display: none; }
      .gap, .criterion, tr, .determination { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
      #appendix { break-before: page; }
    }
    """

  /// The running footer of printed pages: the case on the left, the page number on the right.
  static func printFooter(caseID: String) -> String {
    let label = "PendCheck · case \(caseID)".cssStringEscaped
    return """
      @page {
        @bottom-left { content: "\(label)"; font: 8pt "DejaVu Sans", sans-serif; color: #5f6b7a; }
        @bottom-right {
          content: "Page " counter(page) " of " counter(pages);
          font: 8pt "DejaVu Sans", sans-serif; color: #5f6b7a;
        }
      }
      """
  }
}

extension String {
  /// The string made safe inside a double-quoted CSS string in a `<style>` element: every
  /// character other than a letter, digit, space or common punctuation becomes a CSS hex escape,
  /// so neither a quote nor `</style>` can end it early.
  var cssStringEscaped: String {
    // Into bytes: a `String` made of each scalar cost more than the rest of the footer.
    var escaped: [UInt8] = []
    escaped.reserveCapacity(utf8.count + 8)
    for scalar in unicodeScalars {
      if scalar.isASCIILetterOrDigit || Self.isPlainCSSPunctuation(scalar) {
        escaped.append(UInt8(truncatingIfNeeded: scalar.value))
      } else {
        escaped.append(UInt8(ascii: "\\"))
        escaped.append(contentsOf: String(scalar.value, radix: 16).utf8)
        escaped.append(UInt8(ascii: " "))
      }
    }
    return String(decoding: escaped, as: UTF8.self)
  }

  /// Whether the scalar is one of the space and punctuation `cssStringEscaped` keeps as is:
  /// ` -_.,:;()#`.
  private static func isPlainCSSPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case " ", "-", "_", ".", ",", ":", ";", "(", ")", "#": true
    default: false
    }
  }
}
