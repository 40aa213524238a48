#!/usr/bin/env python3
"""Render the PendCheck corpus sources (<doc>.src.txt) into PDFs (<doc>.pdf) beside them.

Usage:
    build_corpus.py [ROOT ...]           render every **/*.src.txt under ROOT (default: Corpus/)
    build_corpus.py --check [ROOT ...]   verify PDFs are up to date and gold.json files are valid
    build_corpus.py --force [ROOT ...]   rewrite every PDF even when the bytes are unchanged
    build_corpus.py --scanned            write scanned variants of 32 cases to Corpus/scanned/
                                         (needs pdftoppm, Pillow and numpy; see scanned.py)

The markup is described in Corpus/README.md. Output is deterministic: reportlab runs with
invariant=1 (fixed creation date and document id), so rebuilding yields identical bytes and
`--check` can compare a fresh rendering with the committed PDF byte for byte.

Only reportlab is needed (`pip install reportlab`). Characters outside the Windows-1252 set of
the standard PDF fonts (for example the ligature U+FB01) are drawn with DejaVu Sans, found at
the usual Debian path (package fonts-dejavu-core); the generator stops with a clear message if
a document needs that font and it is missing.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import letter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

PAGE_WIDTH, PAGE_HEIGHT = letter
LAYOUTS = ("ehr", "narrative", "twocolumn", "terse", "form")
FONTS = {
    "helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
    "times": ("Times-Roman", "Times-Bold", "Times-Italic"),
    "courier": ("Courier", "Courier-Bold", "Courier-Oblique"),
}
DEFAULT_FONT = {
    "ehr": "helvetica",
    "narrative": "times",
    "twocolumn": "times",
    "terse": "courier",
    "form": "helvetica",
}
FALLBACK_FONT = "PendCheckFallback"
FALLBACK_PATHS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/Library/Fonts/DejaVuSans.ttf"),
)

DETERMINATIONS = ("ready", "pend", "clinicalReview", "excluded")
GAP_FAMILIES = (
    "painSeverity", "painDuration", "painPattern", "diagnosis", "conservativeCare",
    "homeExercise", "provocationTests", "budapestCriteria", "priorResponse", "imaging",
    "mrsaDecolonization", "psychEvaluation", "deviceTrial", "medicationTrial", "frequency",
    "interval", "contraindication", "imagingGuidance", "surgicalPlanning", "other",
)
GUIDELINES = ("1750", "1751", "1752", "1753", "1754", "1756", "1757", "1758")

GREY_DARK = Color(0.20, 0.27, 0.36)
GREY_BAND = Color(0.88, 0.90, 0.93)
GREY_HEAD = Color(0.93, 0.93, 0.93)
GREY_RULE = Color(0.45, 0.45, 0.45)


class SourceError(Exception):
    """A source file that cannot be rendered; carries the file and the reason."""

    def __init__(self, path: Path, line: int | None, reason: str):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {reason}")


# ---------------------------------------------------------------------------------------------
# Parsing


@dataclass
class Block:
    """One piece of content: heading, text line, blank, table, page or column break."""

    kind: str  # heading | line | blank | table | page | column
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Source:
    """A parsed <doc>.src.txt: its directives and its content blocks in order."""

    path: Path
    title: str = ""
    layout: str = "ehr"
    font: str = ""
    banner: str = ""
    footer: str = ""
    blocks: list[Block] = field(default_factory=list)


def parse_source(path: Path) -> Source:
    source = Source(path=path)
    lines = path.read_text(encoding="utf-8").splitlines()
    in_directives = True
    table: Block | None = None

    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if line.startswith("%%"):
            continue

        if in_directives and line.startswith("@"):
            read_directive(source, line, number)
            continue
        if in_directives and not line.strip():
            continue
        in_directives = False

        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            cells = [cell.strip() for cell in stripped[1:-1].split("|")]
            if table is None:
                table = Block(kind="table")
                source.blocks.append(table)
            table.rows.append(cells)
            continue
        table = None

        if not stripped:
            source.blocks.append(Block(kind="blank"))
        elif stripped == "---page---":
            source.blocks.append(Block(kind="page"))
        elif stripped == "~~column~~":
            source.blocks.append(Block(kind="column"))
        elif stripped.startswith("==") and stripped.endswith("==") and len(stripped) > 4:
            source.blocks.append(Block(kind="heading", text=stripped.strip("=").strip()))
        else:
            source.blocks.append(Block(kind="line", text=line))

    if source.layout not in LAYOUTS:
        raise SourceError(path, None, f"unknown layout '{source.layout}'")
    if source.layout != "twocolumn" and any(block.kind == "column" for block in source.blocks):
        raise SourceError(path, None, "~~column~~ needs @layout twocolumn")
    source.font = source.font or DEFAULT_FONT[source.layout]
    if source.font not in FONTS:
        raise SourceError(path, None, f"unknown font '{source.font}'")
    return source


def read_directive(source: Source, line: str, number: int) -> None:
    name, _, value = line[1:].partition(" ")
    value = value.strip()
    if name == "title":
        source.title = value
    elif name == "layout":
        source.layout = value
    elif name == "font":
        source.font = value
    elif name == "banner":
        source.banner = value
    elif name == "footer":
        source.footer = value
    else:
        raise SourceError(source.path, number, f"unknown directive '@{name}'")


# ---------------------------------------------------------------------------------------------
# Text measurement, with a fallback font for characters the standard fonts cannot encode


_fallback_registered = False


def encodable(char: str) -> bool:
    try:
        char.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def fallback_font(path: Path) -> str:
    global _fallback_registered
    if not _fallback_registered:
        found = next((p for p in FALLBACK_PATHS if p.exists()), None)
        if found is None:
            raise SourceError(path, None, "needs DejaVuSans.ttf for a non-Latin-1 character; "
                              "install fonts-dejavu-core or remove the character")
        pdfmetrics.registerFont(TTFont(FALLBACK_FONT, str(found)))
        _fallback_registered = True
    return FALLBACK_FONT


def runs(text: str, font: str, path: Path) -> list[tuple[str, str]]:
    """Split text into (font, piece) runs so unencodable characters use the fallback font."""
    result: list[tuple[str, str]] = []
    for char in text:
        chosen = font if encodable(char) else fallback_font(path)
        if result and result[-1][0] == chosen:
            result[-1] = (chosen, result[-1][1] + char)
        else:
            result.append((chosen, char))
    return result


def width(text: str, font: str, size: float, path: Path) -> float:
    return sum(pdfmetrics.stringWidth(piece, name, size) for name, piece in runs(text, font, path))


def wrap(text: str, font: str, size: float, limit: float, path: Path) -> list[str]:
    """Greedy word wrap; keeps leading indentation; breaks words longer than the line."""
    indent = text[: len(text) - len(text.lstrip(" "))]
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = (current + " " + word) if current else indent + word
        if current and width(candidate, font, size, path) > limit:
            lines.append(current)
            candidate = indent + word
        while width(candidate, font, size, path) > limit and len(candidate) > 1:
            cut = len(candidate) - 1
            while cut > 1 and width(candidate[:cut], font, size, path) > limit:
                cut -= 1
            lines.append(candidate[:cut])
            candidate = candidate[cut:]
        current = candidate
    lines.append(current)
    return lines


# ---------------------------------------------------------------------------------------------
# Layout: content is flowed into frames (one per page, two for twocolumn) as drawing operations


@dataclass
class Style:
    """Sizes and decorations of one layout."""

    body: float
    leading: float
    heading: float
    title: float
    margin: float
    paragraph_gap: float
    table_size: float
    columns: int = 1
    gutter: float = 18


STYLES = {
    "ehr": Style(body=9.5, leading=12.5, heading=10.5, title=14, margin=50,
                 paragraph_gap=5, table_size=8.8),
    "narrative": Style(body=11, leading=14.5, heading=11, title=15, margin=72,
                       paragraph_gap=8, table_size=10),
    "twocolumn": Style(body=9.5, leading=12, heading=10, title=14, margin=46,
                       paragraph_gap=5, table_size=8.5, columns=2),
    "terse": Style(body=9, leading=11, heading=9, title=11, margin=48,
                   paragraph_gap=3, table_size=8.5),
    "form": Style(body=9.5, leading=12, heading=10, title=14, margin=50,
                  paragraph_gap=4, table_size=9),
}


@dataclass
class Op:
    """One drawing operation on a page."""

    kind: str  # text | rect | line
    x: float = 0
    y: float = 0
    w: float = 0
    h: float = 0
    text: str = ""
    font: str = ""
    size: float = 0
    fill: Color | None = None
    stroke: Color | None = None
    color: Color = black


class Flow:
    """Places content top to bottom in frames, opening new frames and pages as needed."""

    def __init__(self, source: Source):
        self.source = source
        self.style = STYLES[source.layout]
        regular, bold, italic = FONTS[source.font]
        self.regular, self.bold, self.italic = regular, bold, italic
        self.pages: list[list[Op]] = []
        self.column = 0
        self.top = 0.0
        self.y = 0.0
        self.new_page()
        self.place_title()

    # frame geometry -------------------------------------------------------------------------

    @property
    def content_top(self) -> float:
        top = PAGE_HEIGHT - self.style.margin + 8
        if self.source.banner:
            top -= 26
        return top

    @property
    def content_bottom(self) -> float:
        return self.style.margin + (22 if self.source.footer else 0)

    @property
    def frame_width(self) -> float:
        full = PAGE_WIDTH - 2 * self.style.margin
        if self.style.columns == 1:
            return full
        return (full - self.style.gutter * (self.style.columns - 1)) / self.style.columns

    @property
    def x(self) -> float:
        return self.style.margin + self.column * (self.frame_width + self.style.gutter)

    def new_page(self) -> None:
        self.pages.append([])
        self.column = 0
        self.top = self.content_top
        self.y = self.top

    def next_frame(self) -> None:
        if self.column + 1 < self.style.columns:
            self.column += 1
            self.y = self.top
        else:
            self.new_page()

    def ensure(self, height: float) -> None:
        if self.y - height < self.content_bottom and self.y < self.top:
            self.next_frame()

    def add(self, op: Op) -> None:
        self.pages[-1].append(op)

    def text(self, x: float, y: float, text: str, font: str, size: float,
             color: Color = black) -> None:
        self.add(Op(kind="text", x=x, y=y, text=text, font=font, size=size, color=color))

    # title ----------------------------------------------------------------------------------

    def place_title(self) -> None:
        if not self.source.title:
            return
        s, layout, full = self.style, self.source.layout, PAGE_WIDTH - 2 * self.style.margin
        left = s.margin
        lines = wrap(self.source.title, self.bold, s.title, full - 16, self.source.path)
        height = len(lines) * (s.title + 4) + 10
        if layout == "ehr":
            self.add(Op(kind="rect", x=left, y=self.y - height, w=full, h=height, fill=GREY_DARK))
            for index, line in enumerate(lines):
                self.text(left + 8, self.y - 6 - (index + 1) * (s.title + 2), line, self.bold,
                          s.title, white)
        elif layout == "form":
            self.add(Op(kind="rect", x=left, y=self.y - height, w=full, h=height,
                        stroke=black, fill=GREY_HEAD))
            for index, line in enumerate(lines):
                line_width = width(line, self.bold, s.title, self.source.path)
                self.text(left + (full - line_width) / 2, self.y - 6 - (index + 1) * (s.title + 2),
                          line, self.bold, s.title)
        elif layout == "terse":
            for index, line in enumerate(lines):
                self.text(left, self.y - (index + 1) * (s.title + 3), line, self.bold, s.title)
            height = len(lines) * (s.title + 3) + 4
            self.add(Op(kind="line", x=left, y=self.y - height, w=full, stroke=black))
        else:
            for index, line in enumerate(lines):
                line_width = width(line, self.bold, s.title, self.source.path)
                self.text(left + (full - line_width) / 2, self.y - (index + 1) * (s.title + 4),
                          line, self.bold, s.title)
            height = len(lines) * (s.title + 4) + 6
            self.add(Op(kind="line", x=left, y=self.y - height, w=full, stroke=GREY_RULE))
        self.y -= height + s.paragraph_gap + 6
        self.top = self.y

    # content --------------------------------------------------------------------------------

    def place(self, block: Block) -> None:
        if block.kind == "page":
            self.new_page()
        elif block.kind == "column":
            self.next_frame()
        elif block.kind == "blank":
            if self.y < self.top:
                self.y -= self.style.paragraph_gap
        elif block.kind == "heading":
            self.place_heading(block.text)
        elif block.kind == "table":
            self.place_table(block.rows)
        elif self.source.layout == "form" and is_field(block.text):
            self.place_field(block.text)
        else:
            self.place_line(block.text)

    def place_line(self, text: str) -> None:
        s = self.style
        for line in wrap(text, self.regular, s.body, self.frame_width, self.source.path):
            self.ensure(s.leading)
            self.y -= s.leading
            self.text(self.x, self.y + 3, line, self.regular, s.body)

    def place_heading(self, text: str) -> None:
        s, layout = self.style, self.source.layout
        lines = wrap(text, self.bold, s.heading, self.frame_width - 8, self.source.path)
        height = len(lines) * (s.heading + 3) + 6
        self.ensure(height + 3 * s.leading)  # keep a heading with what follows it
        if self.y < self.top:
            self.y -= s.paragraph_gap
        if layout in ("ehr", "form"):
            self.add(Op(kind="rect", x=self.x, y=self.y - height, w=self.frame_width, h=height,
                        fill=GREY_BAND))
        for index, line in enumerate(lines):
            shown = line.upper() if layout in ("narrative", "twocolumn") else line
            if layout == "terse":
                shown = line.upper() + ("" if line.endswith(":") else ":")
            self.text(self.x + (4 if layout in ("ehr", "form") else 0),
                      self.y - (index + 1) * (s.heading + 3), shown, self.bold, s.heading)
        if layout == "twocolumn":
            self.add(Op(kind="line", x=self.x, y=self.y - height + 2, w=self.frame_width,
                        stroke=GREY_RULE))
        self.y -= height + 2

    def place_field(self, text: str) -> None:
        """A form line 'Label: value' becomes a labelled box with the value inside."""
        s = self.style
        label, _, value = text.partition(":")
        label_size = s.body - 2
        inner = self.frame_width - 8
        values = wrap(value.strip() or " ", self.regular, s.body, inner, self.source.path)
        height = label_size + 5 + len(values) * s.leading + 3
        self.ensure(height + 2)
        top = self.y - 2
        self.add(Op(kind="rect", x=self.x, y=top - height, w=self.frame_width, h=height,
                    stroke=GREY_RULE))
        self.text(self.x + 4, top - label_size - 1, label.strip().upper(), self.bold, label_size)
        for index, line in enumerate(values):
            self.text(self.x + 4, top - label_size - 3 - (index + 1) * s.leading + 3, line,
                      self.regular, s.body)
        self.y = top - height

    def place_table(self, rows: list[list[str]]) -> None:
        s, path = self.style, self.source.path
        count = max(len(row) for row in rows)
        rows = [row + [""] * (count - len(row)) for row in rows]
        size = s.table_size
        pad = 4
        natural = [max(width(row[i], self.bold if r == 0 else self.regular, size, path)
                       for r, row in enumerate(rows)) + 2 * pad + 1 for i in range(count)]
        widths = fit_columns(natural, self.frame_width)
        leading = size + 2.5
        grid = self.source.layout != "terse"
        if self.y < self.top:
            self.y -= 2

        for index, row in enumerate(rows):
            font = self.bold if index == 0 else self.regular
            cells = [wrap(cell, font, size, widths[i] - 2 * pad, path) for i, cell in enumerate(row)]
            height = max(len(cell) for cell in cells) * leading + 2 * pad
            self.ensure(height)
            x = self.x
            if index == 0:
                self.add(Op(kind="rect", x=x, y=self.y - height, w=sum(widths), h=height,
                            fill=GREY_HEAD))
            for column, cell in enumerate(cells):
                if grid:
                    self.add(Op(kind="rect", x=x, y=self.y - height, w=widths[column], h=height,
                                stroke=GREY_RULE))
                for number, line in enumerate(cell):
                    self.text(x + pad, self.y - pad - (number + 1) * leading + 2.5, line, font,
                              size)
                x += widths[column]
            if not grid:
                self.add(Op(kind="line", x=self.x, y=self.y - height, w=sum(widths),
                            stroke=GREY_RULE))
            self.y -= height
        self.y -= s.paragraph_gap


def is_field(text: str) -> bool:
    label, colon, value = text.partition(":")
    return bool(colon) and 0 < len(label.strip()) <= 40 and not label.startswith(" ")


def fit_columns(natural: list[float], available: float) -> list[float]:
    """Natural widths when they fit; otherwise shrink the widest columns first."""
    total = sum(natural)
    if total <= available:
        return natural
    widths = list(natural)
    floor = available / len(widths) * 0.5
    while sum(widths) > available + 0.01:
        excess = sum(widths) - available
        widest = max(widths)
        shrinkable = [i for i, w in enumerate(widths) if w >= widest - 0.01 and w > floor]
        if not shrinkable:
            scale = available / sum(widths)
            return [w * scale for w in widths]
        others = [w for w in widths if w < widest - 0.01]
        target = max(max(others) if others else floor, floor, widest - excess / len(shrinkable))
        for i in shrinkable:
            widths[i] = target
    return widths


# ---------------------------------------------------------------------------------------------
# Rendering


def render(source: Source) -> bytes:
    flow = Flow(source)
    for block in source.blocks:
        flow.place(block)
    pages = [page for page in flow.pages]
    while len(pages) > 1 and not pages[-1]:
        pages.pop()

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter, invariant=1, pageCompression=1)
    pdf.setCreator("PendCheck corpus generator")
    pdf.setProducer("PendCheck corpus generator (reportlab)")
    pdf.setTitle(source.title or source.path.name.removesuffix(".src.txt"))
    pdf.setAuthor("PendCheck corpus (fictional)")
    total = len(pages)
    for number, ops in enumerate(pages, start=1):
        draw_furniture(pdf, flow, number, total)
        for op in ops:
            draw(pdf, op, source.path)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def draw_furniture(pdf: canvas.Canvas, flow: Flow, number: int, total: int) -> None:
    """Banner atop and footer at the foot of every page, with {page} and {pages} filled in."""
    source, s = flow.source, flow.style
    full = PAGE_WIDTH - 2 * s.margin
    fill = {"page": str(number), "pages": str(total)}
    if source.banner:
        text = source.banner.format_map(fill)
        top = PAGE_HEIGHT - s.margin + 20
        if source.layout in ("ehr", "form"):
            draw(pdf, Op(kind="rect", x=s.margin, y=top - 16, w=full, h=16, fill=GREY_BAND,
                         stroke=GREY_RULE), source.path)
        else:
            draw(pdf, Op(kind="line", x=s.margin, y=top - 17, w=full, stroke=GREY_RULE),
                 source.path)
        draw(pdf, Op(kind="text", x=s.margin + 4, y=top - 11.5, text=text, font=flow.bold,
                     size=8), source.path)
    if source.footer:
        text = source.footer.format_map(fill)
        y = s.margin - 6
        draw(pdf, Op(kind="line", x=s.margin, y=y + 11, w=full, stroke=GREY_RULE), source.path)
        draw(pdf, Op(kind="text", x=s.margin, y=y, text=text, font=flow.regular, size=7.5),
             source.path)


def draw(pdf: canvas.Canvas, op: Op, path: Path) -> None:
    if op.kind == "rect":
        if op.fill is not None:
            pdf.setFillColor(op.fill)
        if op.stroke is not None:
            pdf.setStrokeColor(op.stroke)
            pdf.setLineWidth(0.5)
        pdf.rect(op.x, op.y, op.w, op.h, stroke=int(op.stroke is not None),
                 fill=int(op.fill is not None))
    elif op.kind == "line":
        pdf.setStrokeColor(op.stroke or black)
        pdf.setLineWidth(0.6)
        pdf.line(op.x, op.y, op.x + op.w, op.y)
    else:
        pdf.setFillColor(op.color)
        x = op.x
        for font, piece in runs(op.text, op.font, path):
            pdf.setFont(font, op.size)
            pdf.drawString(x, op.y, piece)
            x += pdfmetrics.stringWidth(piece, font, op.size)


# ---------------------------------------------------------------------------------------------
# Driver and checks


def sources_under(roots: list[Path]) -> list[Path]:
    found: list[Path] = []
    for root in roots:
        found.extend(sorted(root.rglob("*.src.txt")))
    return found


def pdf_for(source_path: Path) -> Path:
    return source_path.with_name(source_path.name.removesuffix(".src.txt") + ".pdf")


def build(roots: list[Path], force: bool) -> int:
    written = unchanged = 0
    for path in sources_under(roots):
        data = render(parse_source(path))
        target = pdf_for(path)
        if not force and target.exists() and target.read_bytes() == data:
            unchanged += 1
            continue
        target.write_bytes(data)
        written += 1
    print(f"rendered {written} PDF(s), {unchanged} already up to date")
    return 0


def check(roots: list[Path]) -> int:
    problems: list[str] = []
    sources = sources_under(roots)
    for path in sources:
        target = pdf_for(path)
        try:
            data = render(parse_source(path))
        except SourceError as error:
            problems.append(str(error))
            continue
        if not target.exists():
            problems.append(f"{target}: missing (run build_corpus.py)")
        elif target.read_bytes() != data:
            problems.append(f"{target}: out of date with {path.name} (run build_corpus.py)")

    golds = [gold for root in roots for gold in sorted(root.rglob("gold.json"))]
    for gold in golds:
        problems.extend(check_gold(gold))
    for root in roots:
        for folder in sorted(p.parent for p in root.rglob("gold.json")):
            if not any(folder.glob("*.pdf")):
                problems.append(f"{folder}: case has no PDF")
            request = folder / "request.json"
            if request.exists():
                try:
                    json.loads(request.read_text(encoding="utf-8"))
                except json.JSONDecodeError as error:
                    problems.append(f"{request}: not valid JSON ({error})")

    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"checked {len(sources)} source(s), {len(golds)} gold file(s): "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


def check_gold(path: Path) -> list[str]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        return [f"{path}: not valid JSON ({error})"]
    if not isinstance(gold, dict):
        return [f"{path}: top level is not an object"]

    problems = [f"{path}: missing key '{key}'"
                for key in ("case", "noteDate", "facts", "expected", "design") if key not in gold]
    if gold.get("case") not in (None, path.parent.name):
        problems.append(f"{path}: case '{gold.get('case')}' differs from folder name")
    if "facts" in gold and not (isinstance(gold["facts"], list)
                                and all(isinstance(f, dict) and "type" in f
                                        for f in gold["facts"])):
        problems.append(f"{path}: facts must be a list of objects with a 'type'")
    expected = gold.get("expected")
    if isinstance(expected, dict):
        for key in ("guideline", "determination", "gaps"):
            if key not in expected:
                problems.append(f"{path}: expected lacks '{key}'")
        if expected.get("guideline") not in GUIDELINES:
            problems.append(f"{path}: unknown guideline {expected.get('guideline')!r}")
        if expected.get("determination") not in DETERMINATIONS:
            problems.append(f"{path}: unknown determination {expected.get('determination')!r}")
        gaps = expected.get("gaps", [])
        if not isinstance(gaps, list) or any(gap not in GAP_FAMILIES for gap in gaps):
            problems.append(f"{path}: gaps must be a list of contract gap families")
    elif "expected" in gold:
        problems.append(f"{path}: expected is not an object")
    problems.extend(f"{path}: {where} is not an ISO date (YYYY-MM or YYYY-MM-DD): {value!r}"
                    for where, value in dates_in(gold, "") if not ISO_DATE.fullmatch(value))
    if isinstance(gold.get("facts"), list):
        problems.extend(f"{path}: {problem}" for problem in check_facts(gold["facts"]))
    request = path.parent / "request.json"
    if request.exists() and "request" in gold:
        try:
            if json.loads(request.read_text(encoding="utf-8")) != gold["request"]:
                problems.append(f"{path}: request differs from request.json")
        except json.JSONDecodeError:
            pass  # reported by the request.json check
    return problems


# The contract's fact types: key fields, then the enumerated values of fields that have them.
FACT_KEYS = {
    "painScore": ("value", "context"),
    "functionalDisability": ("present", "instrument"),
    "painDuration": ("months",),
    "painPattern": ("pattern",),
    "provocationTest": ("test", "result"),
    "budapestFinding": ("category", "kind", "present"),
    "crpsDiagnosis": ("crpsType",),
    "relief": ("percent", "procedure"),
    "therapy": ("modality", "name"),
    "staphScreen": ("organism", "result"),
    "decolonization": ("planned",),
    "psychEvaluation": ("completed",),
    "opioidUse": ("status",),
    "priorProcedure": ("procedure", "date"),
    "imagingFinding": ("finding",),
    "riskFactor": ("condition", "present"),
    "diagnosis": ("condition",),
    "surgicalPlan": ("kind",),
    "deviceTrial": ("device", "percent"),
    # PendCheck's additions (README.md, contract additions).
    "implantProblem": ("problem",),
    "consultation": ("specialty",),
    "anginaClass": ("system", "class"),
    "patientAge": ("years", "context"),
    "spondyloarthritisFeature": ("feature", "present"),
    "diagnosticUncertainty": ("kind",),
    "deviceInterrogation": ("device",),
}
PROCEDURES = ("epiduralInjection", "facetInjection", "medialBranchBlock", "radiofrequencyAblation",
              "sacroiliacInjection", "stellateGanglionBlock", "lumbarSympatheticBlock",
              "thoracicSympatheticBlock", "celiacPlexusBlock", "superiorHypogastricBlock",
              "spinalCordStimulatorTrial", "intrathecalTrial", "spineSurgery", "other",
              "deviceRemoval", "coronaryRevascularization")
SIDES = ("left", "right", "bilateral")
REGIONS = ("cervical", "thoracic", "lumbar", "sacral", "sacroiliac", "upperExtremity",
           "lowerExtremity", "abdomen", "pelvis")
FACT_ENUMS = {
    ("painScore", "context"): ("current", "average", "worst", "least", "preProcedure",
                               "postProcedure", "unspecified"),
    ("functionalDisability", "instrument"): ("odi", "ndi", "promis", "narrative"),
    ("painPattern", "pattern"): ("axial", "radicular", "mixed"),
    ("provocationTest", "test"): ("distraction", "compression", "sacralThrust", "faber",
                                  "posteriorShear", "yeoman", "gaenslen", "thighThrust",
                                  "straightLegRaise", "slump", "spurling", "facetLoading"),
    ("provocationTest", "result"): ("positive", "negative"),
    ("provocationTest", "side"): SIDES,
    ("budapestFinding", "category"): ("sensory", "vasomotor", "sudomotorEdema", "motorTrophic"),
    ("budapestFinding", "kind"): ("symptom", "sign"),
    ("relief", "procedure"): PROCEDURES,
    ("priorProcedure", "procedure"): PROCEDURES,
    ("priorProcedure", "side"): SIDES,
    ("priorProcedure", "region"): REGIONS,
    ("therapy", "modality"): ("physicalTherapy", "homeExercise", "chiropractic", "medication",
                              "injection", "device", "occupationalTherapy", "painPsychology",
                              "acupuncture"),
    ("therapy", "status"): ("completed", "ongoing", "planned", "unable", "discontinued"),
    ("therapy", "outcome"): ("failed", "improved", "worsened", "unknown"),
    ("therapy", "prescribedBy"): ("physician", "physicalTherapist", "chiropractor"),
    ("staphScreen", "organism"): ("mrsa", "mssa", "staphAureus"),
    ("staphScreen", "result"): ("positive", "negative"),
    ("opioidUse", "status"): ("current", "past", "naive"),
    ("imagingFinding", "finding"): ("synovialCyst", "parsDefect", "spinalStenosis",
                                    "severeStenosisObstruction", "discHerniation", "sacroiliitis",
                                    "facetArthropathy", "spondylolisthesis", "other"),
    ("imagingFinding", "modality"): ("mri", "ct", "xray"),
    ("riskFactor", "condition"): ("systemicInfection", "spinalInfection", "skinInfectionAtSite",
                                  "anticoagulation", "coagulopathy", "pregnancy",
                                  "uncontrolledDiabetes", "contrastAllergy", "anestheticAllergy",
                                  "localMalignancy", "recentMyocardialInfarction",
                                  "insufficientBodyHabitus"),
    ("diagnosis", "condition"): ("radiculopathy", "spinalStenosis", "failedBackSurgerySyndrome",
                                 "epiduralFibrosis", "facetJointPain", "spondylolysis",
                                 "sacroiliacJointPain", "spondyloarthritis", "crps",
                                 "acuteHerpesZoster", "postherpeticNeuralgia", "phantomLimbPain",
                                 "cancerPain", "ischemicLimbPain", "chronicPancreatitis",
                                 "pelvicVisceralPain", "lumbosacralArachnoiditis",
                                 "diabeticNeuropathy", "peripheralNeuropathy", "refractoryAngina",
                                 "spinalCordInjury", "multipleSclerosis", "stiffPersonSyndrome",
                                 "intractableSpasticity", "chronicIntractablePain", "other"),
    ("surgicalPlan", "kind"): ("preoperativeEvaluation", "surgeryPlanned",
                               "notSurgicalCandidate", "notRevascularizationCandidate"),
    ("deviceTrial", "device"): ("spinalCordStimulator", "dorsalRootGanglion", "intrathecalPump"),
    ("implantProblem", "problem"): ("leadMigration", "lossOfEffect", "batteryDepletion",
                                    "intolerance", "infection", "painfulSite",
                                    "neurologicalDeficit", "malfunction", "patientRequest",
                                    "other"),
    ("implantProblem", "device"): ("spinalCordStimulator", "dorsalRootGanglion",
                                   "intrathecalPump"),
    ("consultation", "specialty"): ("infectiousDisease",),
    ("anginaClass", "system"): ("nyha", "ccs"),
    ("anginaClass", "class"): (1, 2, 3, 4),
    ("patientAge", "context"): ("current", "onset"),
    ("spondyloarthritisFeature", "feature"): ("insidiousOnset", "improvesWithExercise",
                                              "noImprovementWithRest", "nightPain", "arthritis",
                                              "enthesitis", "uveitis", "dactylitis", "psoriasis",
                                              "inflammatoryBowelDisease", "nsaidResponse",
                                              "familyHistory", "hlaB27", "elevatedCrp"),
    ("diagnosticUncertainty", "kind"): ("painGenerator", "multilevelPathology"),
    ("deviceInterrogation", "device"): ("spinalCordStimulator", "dorsalRootGanglion",
                                        "intrathecalPump"),
}


def check_facts(facts: list[dict]) -> list[str]:
    """Known types and enum values, and ANNOTATION.md's one fact per distinct key."""
    problems: list[str] = []
    seen: set[tuple] = set()
    for index, fact in enumerate(facts):
        kind = fact.get("type")
        if kind not in FACT_KEYS:
            problems.append(f"facts[{index}]: unknown fact type {kind!r}")
            continue
        for (enum_type, name), allowed in FACT_ENUMS.items():
            if enum_type == kind and name in fact and fact[name] not in allowed:
                problems.append(f"facts[{index}]: {kind}.{name} {fact[name]!r} is not in the "
                                f"contract")
        key = (kind,) + tuple(json.dumps(fact.get(name)) for name in FACT_KEYS[kind])
        if kind == "painPattern" or kind == "painDuration":
            key = (kind,)  # one per case
        if key in seen:
            problems.append(f"facts[{index}]: second {kind} fact with the same key")
        seen.add(key)
    return problems


DATE_KEYS = ("noteDate", "plannedDate", "date", "start", "end", "onset", "procedureDate")
ISO_DATE = re.compile(r"(19|20)\d\d-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?")


def dates_in(value: object, where: str) -> list[tuple[str, str]]:
    """Every (path, value) of a date-valued key anywhere inside a gold file."""
    found: list[tuple[str, str]] = []
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in DATE_KEYS and not isinstance(inner, (dict, list)):
                found.append((f"{where}.{key}", str(inner)))
            else:
                found.extend(dates_in(inner, f"{where}.{key}"))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found.extend(dates_in(inner, f"{where}[{index}]"))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="*", type=Path, help="folders to scan (default Corpus/)")
    parser.add_argument("--check", action="store_true", help="verify, do not write")
    parser.add_argument("--force", action="store_true", help="rewrite every PDF")
    parser.add_argument(
        "--scanned", action="store_true", help="write image-only scans of some cases")
    arguments = parser.parse_args()
    corpus = Path(__file__).resolve().parent.parent
    if arguments.scanned:
        from scanned import build_scanned  # Pillow and numpy are needed only here

        return build_scanned(corpus)
    roots = arguments.roots or [corpus]
    try:
        return check(roots) if arguments.check else build(roots, arguments.force)
    except SourceError as error:
        print(error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
