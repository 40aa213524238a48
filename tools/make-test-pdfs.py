#!/usr/bin/env python3
"""Regenerates the PDF fixtures of the extraction tests in Tests/Fixtures/pdf.

Every note in these files is fictional. Each fixture exercises one thing the
extraction stage must cope with (see Tests/ExtractionTests); the tests quote
the text written here, so change both together.

Needs reportlab and weasyprint (`pip install reportlab weasyprint`, tooling
only) and qpdf (for the encrypted and rotated fixtures). weasyprint lays out
HTML and CSS as a browser's print does (CSS columns, tables, page margin boxes,
automatic hyphenation), for the fixture that stands for a note printed from a
patient portal. Output is deterministic: reportlab runs in invariant mode
and qpdf with static ids.

Usage:
  tools/make-test-pdfs.py                 # rewrite Tests/Fixtures/pdf
  tools/make-test-pdfs.py --benchmark N OUT.pdf
                                          # an N-page note for timing (not committed)
"""

import io
import os
import random
import subprocess
import sys

from PIL import Image, ImageDraw
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Frame, Paragraph, Table, TableStyle

rl_config.invariant = 1

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "pdf")
WIDTH, HEIGHT = letter
MARGIN = 54
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13)
TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=14, leading=18)
HEADING = ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=11, leading=15)

BANNER_LEFT = "Valley Spine & Pain Associates"
BANNER_RIGHT = "Rivera, Ana   DOB 04/12/1968   MRN 5521907"

TWO_COLUMN_LEFT = [
    "History of present illness: the patient reports low back pain radiating into the "
    "left buttock and posterior thigh for seven months.",
    "The pain is worse with prolonged standing and improves with sitting. She rates it "
    "seven out of ten on most days.",
    "She completed eight weeks of physical therapy with a home exercise program and took "
    "meloxicam daily without lasting relief.",
]
TWO_COLUMN_RIGHT = [
    "Assessment: lumbar radiculopathy at L5 on the left, consistent with the imaging "
    "findings of a foraminal disc protrusion.",
    "Plan: left L5 transforaminal epidural steroid injection under fluoroscopic guidance, "
    "then reassess function in two weeks.",
    "She understands the risks and benefits and wishes to proceed with the procedure as "
    "discussed today.",
]

VITALS = [["BP", "Pulse", "Temp", "Pain", "BMI"], ["142/88", "76", "98.4 F", "7/10", "31.2"]]
MEDICATIONS = [
    ["Medication", "Dose", "Frequency", "Started"],
    ["Gabapentin", "300 mg", "three times daily", "01/2026"],
    ["Meloxicam", "15 mg", "once daily", "11/2025"],
    ["Cyclobenzaprine", "10 mg", "at bedtime", "12/2025"],
]
EXAM = [
    ["Test", "Left", "Right"],
    ["Straight leg raise", "Positive at 40 degrees", "Negative"],
    ["FABER", "Negative", "Positive"],
    ["Patellar reflex", "2+", "2+"],
]

HYPHENATED_LINES = [
    ("Current medi-", "cation includes meloxicam daily."),
    ("Return for follow-", "up in four weeks."),
    ("Relief lasted 5-", "7 days after the injection."),
    ("Lumbar x-", "ray shows mild spondylosis."),
    ("Encouraged self-", "care and daily walking."),
    ("Tried non-", "steroidal agents first."),
    ("Completed physical ther-", "apy in March."),
    ("A fluoroscopy-", "guided approach is planned."),
    ("Pain rated 6-", "8 out of 10 at night."),
    ("Seen by Dr. Lopez-", "Marin for a second opinion."),
]


def path(name):
    return os.path.join(OUT, name)


def new_canvas(name):
    pdf = canvas.Canvas(path(name), pagesize=letter, invariant=1, pageCompression=1)
    pdf.setTitle(name)
    pdf.setAuthor("PendCheck test fixtures")
    return pdf


def draw_flowables(pdf, flowables, x, top, width):
    """Draws paragraphs and tables one under another from `top`; returns the y below them."""
    y = top
    for flowable in flowables:
        _, height = flowable.wrapOn(pdf, width, HEIGHT)
        y -= height
        flowable.drawOn(pdf, x, y)
        y -= 6
    return y


def grid_table(rows, widths):
    table = Table(rows, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "Helvetica", 10),
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 10),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def banner(pdf, number, count):
    pdf.setFont("Helvetica", 8)
    pdf.drawString(MARGIN, HEIGHT - 36, BANNER_LEFT)
    pdf.drawRightString(WIDTH - MARGIN, HEIGHT - 36, BANNER_RIGHT)
    pdf.drawCentredString(WIDTH / 2, 30, f"Page {number} of {count}")


def office_note():
    """One page of plain prose, with a banner and footer that a single page keeps."""
    pdf = new_canvas("office-note.pdf")
    banner(pdf, 1, 1)
    draw_flowables(
        pdf,
        [
            Paragraph("Office Visit Note", TITLE),
            Paragraph(
                "Chief complaint: chronic low back pain for seven months, worse with "
                "standing. The patient rates her pain seven out of ten.", BODY),
            Paragraph(
                "She completed six weeks of physical therapy and takes meloxicam daily. "
                "Examination shows tenderness over the right sacroiliac joint.", BODY),
        ],
        MARGIN, HEIGHT - 60, WIDTH - 2 * MARGIN)
    pdf.showPage()
    pdf.save()


def two_column():
    """A title across the page, two columns of prose, a footer across the page."""
    pdf = new_canvas("two-column.pdf")
    top = draw_flowables(
        pdf, [Paragraph("Lumbar Spine Consultation", TITLE)], MARGIN, HEIGHT - 54,
        WIDTH - 2 * MARGIN)
    gutter = 24
    column = (WIDTH - 2 * MARGIN - gutter) / 2
    for x, texts in [(MARGIN, TWO_COLUMN_LEFT), (MARGIN + column + gutter, TWO_COLUMN_RIGHT)]:
        frame = Frame(x, 120, column, top - 120, leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0, showBoundary=0)
        frame.addFromList([Paragraph(text, BODY) for text in texts], pdf)
    pdf.setFont("Helvetica", 9)
    pdf.drawString(MARGIN, 80, "Electronically signed by the treating physician after the visit.")
    pdf.showPage()
    pdf.save()


def tables():
    """Vitals, medication list and exam grid as ruled tables."""
    pdf = new_canvas("tables.pdf")
    width = WIDTH - 2 * MARGIN
    draw_flowables(
        pdf,
        [
            Paragraph("Vitals", HEADING),
            grid_table(VITALS, [width / 5] * 5),
            Paragraph("Current medications", HEADING),
            grid_table(MEDICATIONS, [150, 80, 150, 80]),
            Paragraph("Physical examination", HEADING),
            grid_table(EXAM, [160, 170, 120]),
        ],
        MARGIN, HEIGHT - 54, width)
    pdf.showPage()
    pdf.save()


def banner_pages():
    """Three pages under one running banner and a "Page N of 3" footer."""
    pdf = new_canvas("banner-three-pages.pdf")
    bodies = [
        ["History", "Low back pain since the summer, radiating to the left calf."],
        ["Examination", "Straight leg raise is positive on the left at forty degrees."],
        ["Plan", "Schedule a left L5 transforaminal injection within three weeks."],
    ]
    for number, (heading, text) in enumerate(bodies, start=1):
        banner(pdf, number, len(bodies))
        draw_flowables(
            pdf, [Paragraph(heading, HEADING), Paragraph(text, BODY)], MARGIN, HEIGHT - 60,
            WIDTH - 2 * MARGIN)
        pdf.showPage()
    pdf.save()


def hyphenation():
    """Line pairs broken after a hyphen, drawn at fixed positions so the breaks are exact."""
    pdf = new_canvas("hyphenation.pdf")
    pdf.setFont("Helvetica", 10)
    y = HEIGHT - 60
    for first, second in HYPHENATED_LINES:
        pdf.drawString(MARGIN, y, first)
        pdf.drawString(MARGIN, y - 13, second)
        y -= 44
    pdf.showPage()
    pdf.save()


def characters():
    """Literal ligatures, odd spaces and curly quotes, in an embedded font that has them."""
    pdfmetrics.registerFont(TTFont("DejaVuSans", DEJAVU))
    pdf = new_canvas("characters.pdf")
    pdf.setFont("DejaVuSans", 10)
    lines = [
        "Her \ufb01rst visit was in March.",
        "Lumbar \ufb02exion is limited.",
        "Take 5\u00a0mg twice daily and 20\u2009mg at night.",
        "She calls the pain \u201csharp\u201d and \u2018deep\u2019.",
    ]
    y = HEIGHT - 60
    for line in lines:
        pdf.drawString(MARGIN, y, line)
        y -= 20
    pdf.showPage()
    pdf.save()


def fax_image(label):
    """A small black-and-white picture of a faxed page: text-like bars and a label."""
    image = Image.new("1", (306, 396), 1)
    draw = ImageDraw.Draw(image)
    draw.text((20, 20), label, fill=0)
    generator = random.Random(label)
    for row in range(50, 380, 12):
        draw.rectangle([20, row, 20 + generator.randint(120, 270), row + 5], fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    return ImageReader(buffer)


def scanned_pages():
    """Page 1 has a text layer; page 2 is only an image; page 3 an image and a fax stamp."""
    pdf = new_canvas("scanned-pages.pdf")
    draw_flowables(
        pdf,
        [Paragraph("Referral letter", TITLE),
         Paragraph("The attached pages were received by fax from the referring clinic.", BODY)],
        MARGIN, HEIGHT - 60, WIDTH - 2 * MARGIN)
    pdf.showPage()
    pdf.drawImage(fax_image("MRI report"), 0, 0, WIDTH, HEIGHT)
    pdf.showPage()
    pdf.drawImage(fax_image("Therapy notes"), 0, 0, WIDTH, HEIGHT)
    pdf.setFont("Helvetica", 7)
    pdf.drawString(10, HEIGHT - 10, "Fax p3")
    pdf.showPage()
    pdf.save()


SCAN_LINES = [
    "Lumbar radicular pain for 9 weeks.",
    "Pain averages 7/10 on most days.",
    "Physical therapy since 03/02/2026.",
]


def scan_image(lines, degrees):
    """Grey picture of a faxed strip of note at 200 dpi: DejaVu text, turned, with specks."""
    from PIL import ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 36)
    image = Image.new("L", (1000, 400), 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        draw.text((50, 60 + number * 90), line, font=font, fill=20)
    image = image.rotate(degrees, fillcolor=255)
    generator = random.Random("scan")
    for _ in range(300):
        image.putpixel((generator.randrange(1000), generator.randrange(400)), 60)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    return ImageReader(buffer)


def small_canvas(name):
    pdf = canvas.Canvas(path(name), pagesize=(360, 144), invariant=1)
    pdf.setCreator("PendCheck test fixtures")
    return pdf


def scanned_note():
    """One small image-only page (5 x 2 inches at 200 dpi), turned by a degree, for OCR."""
    pdf = small_canvas("scanned-note.pdf")
    pdf.drawImage(scan_image(SCAN_LINES, 1.0), 0, 0, 360, 144)
    pdf.showPage()
    pdf.save()


def garbage_layer():
    """The same scan carrying an invisible text layer of stray symbols, as a broken OCR
    program leaves behind: the page must be read by OCR, not by its layer."""
    pdf = small_canvas("garbage-layer.pdf")
    pdf.drawImage(scan_image(SCAN_LINES, 0.0), 0, 0, 360, 144)
    text = pdf.beginText(10, 100)
    text.setTextRenderMode(3)
    text.setFont("Helvetica", 8)
    for row in range(4):
        text.textLine("~# 1 | % 2 ;; @ 3 .. * 4 ^^ = 5 __ ) 6 (( + 7 \\\\ 8 $")
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()


def browser_print():
    """A visit summary as a browser prints it: date and title above, URL and "n/2" below."""
    pdf = new_canvas("browser-print.pdf")
    url = "https://portal.valleyspine.example/visits/88231/summary"
    width = WIDTH - 2 * 36

    def chrome(number):
        pdf.setFont("Helvetica", 8)
        pdf.drawString(36, HEIGHT - 22, "3/2/26, 2:14 PM")
        pdf.drawCentredString(WIDTH / 2, HEIGHT - 22, "Visit Summary - Valley Spine Portal")
        pdf.drawString(36, 18, url)
        pdf.drawRightString(WIDTH - 36, 18, f"{number}/2")

    chrome(1)
    top = draw_flowables(
        pdf,
        [Paragraph("Visit summary: lumbar radicular pain", TITLE),
         grid_table([["Patient", "Ana Rivera"], ["Visit date", "03/02/2026"],
                     ["Provider", "Interventional pain clinic"]], [120, 300])],
        36, HEIGHT - 50, width)
    gutter = 20
    column = (width - gutter) / 2
    for x, texts in [(36, TWO_COLUMN_LEFT), (36 + column + gutter, TWO_COLUMN_RIGHT)]:
        frame = Frame(x, 60, column, top - 60, leftPadding=0, rightPadding=0, topPadding=0,
                      bottomPadding=0)
        frame.addFromList([Paragraph(text, BODY) for text in texts], pdf)
    pdf.showPage()

    chrome(2)
    draw_flowables(
        pdf,
        [Paragraph("Vitals", HEADING), grid_table(VITALS, [width / 5] * 5),
         Paragraph("Current medications", HEADING), grid_table(MEDICATIONS, [150, 80, 150, 80]),
         Paragraph("Physical examination", HEADING), grid_table(EXAM, [160, 170, 120]),
         Paragraph("Follow-up in the spine clinic two weeks after the injection.", BODY)],
        36, HEIGHT - 50, width)
    pdf.showPage()
    pdf.save()


REVIEW_OF_SYSTEMS = [
    ["Constitutional", "No fever, chills or weight loss"],
    ["Eyes", "No change in vision"],
    ["Cardiovascular", "No chest pain or palpitations"],
    ["Respiratory", "No shortness of breath"],
    ["Gastrointestinal", "No bowel incontinence"],
    ["Genitourinary", "No bladder incontinence or retention"],
    ["Musculoskeletal", "Low back pain with stiffness in the morning"],
    ["Neurological", "Numbness of the left foot, no weakness"],
    ["Psychiatric", "Sleep disturbed by pain"],
    ["Skin", "No rash over the lumbar spine"],
    ["Endocrine", "No heat or cold intolerance"],
    ["Hematologic", "Not on anticoagulation, no easy bruising"],
]


CONSERVATIVE_CARE = (
    "Conservative management included anti-inflammatory medication, supervised "
    "physiotherapy, chiropractic manipulation and a structured home exercise programme, "
    "without durable improvement of her radicular symptoms.")

FUNCTION = (
    "She cannot stand at the counter of her bakery for more than twenty minutes, stopped "
    "cycling to work in January, and now needs help carrying flour sacks upstairs.")

BROWSER_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Visit Summary</title><style>
@page {{ size: letter; margin: 0.6in 0.5in;
  @top-left {{ content: "3/2/26, 2:14 PM"; font: 8pt sans-serif; }}
  @top-center {{ content: "Visit Summary - Valley Spine Portal"; font: 8pt sans-serif; }}
  @bottom-left {{ content: "https://portal.valleyspine.example/visits/88231/summary";
                  font: 8pt sans-serif; }}
  @bottom-right {{ content: counter(page) "/" counter(pages); font: 8pt sans-serif; }} }}
body {{ font: 10pt sans-serif; }}
.columns {{ columns: 2; column-gap: 1.5em; }}
.narrow {{ hyphens: auto; text-align: justify; width: 2.2in; }}
.justified {{ text-align: justify; width: 3in; }}
table {{ border-collapse: collapse; margin: 6pt 0; }}
td, th {{ border: 0.5pt solid #888; padding: 3pt 8pt; text-align: left; }}
h1 {{ font-size: 14pt; }}
h2 {{ font-size: 11pt; margin: 10pt 0 2pt; letter-spacing: 0.12em; text-transform: uppercase; }}
.next {{ break-before: page; }}
</style></head><body>
<h1>Visit summary: lumbar radicular pain</h1>
<div class="columns">{columns}</div>
<h2>Vitals</h2>{vitals}
<h2>Treatment so far</h2><p class="narrow">{care}</p>
<h2>Function</h2><p class="justified">{function}</p>
<h2 class="next">Current medications</h2>{medications}
<h2>Physical examination</h2>{exam}
<p>Follow-up in the spine clinic two weeks after the injection.</p>
</body></html>"""


def html_table(rows):
    head = "".join(f"<th>{cell}</th>" for cell in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>"
                   for row in rows[1:])
    return f"<table><tr>{head}</tr>{body}</table>"


def browser_print_html():
    """A visit summary laid out by weasyprint as a browser prints a portal page: CSS
    columns, ruled tables, letter-spaced headings, a justified and hyphenated narrow
    paragraph, and date, title, address and "n/2" in the page margins."""
    import weasyprint

    html = BROWSER_HTML.format(
        columns="".join(f"<p>{text}</p>" for text in TWO_COLUMN_LEFT[:2] + TWO_COLUMN_RIGHT[:2]),
        vitals=html_table(VITALS), care=CONSERVATIVE_CARE, function=FUNCTION,
        medications=html_table(MEDICATIONS), exam=html_table(EXAM))
    weasyprint.HTML(string=html).write_pdf(path("browser-print-html.pdf"))


def form_fields():
    """A request form filled in as a PDF form: text fields, check boxes, a choice and a
    multi-line field. The typed values live in the fields, not in the page's text."""
    pdf = new_canvas("form-fields.pdf")
    form = pdf.acroForm
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, 700, "CPT code:")
    form.textfield(name="cpt", value="64483", x=140, y=695, width=100, height=16,
                   borderWidth=0)
    pdf.drawString(72, 670, "Planned date:")
    form.textfield(name="date", value="04/01/2026", x=140, y=665, width=100, height=16,
                   borderWidth=0)
    pdf.drawString(72, 640, "Conservative care completed:")
    form.checkbox(name="care", checked=True, x=230, y=636, size=12)
    pdf.drawString(72, 610, "Prior lumbar surgery:")
    form.checkbox(name="surgery", checked=False, x=230, y=606, size=12)
    pdf.drawString(72, 580, "Level:")
    form.choice(name="level", value="L4-L5", options=["L3-L4", "L4-L5", "L5-S1"], x=140,
                y=575, width=100, height=16)
    pdf.drawString(72, 540, "Notes:")
    form.textfield(name="notes", value="Failed 8 weeks of PT.\nNSAIDs without relief.",
                   x=140, y=500, width=250, height=40, fieldFlags="multiline", borderWidth=0)
    pdf.showPage()
    pdf.save()


def review_of_systems():
    """A long two-column table of labels and findings: read row by row, not as columns."""
    pdf = new_canvas("review-of-systems.pdf")
    table = Table(REVIEW_OF_SYSTEMS, colWidths=[200, 300])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "Helvetica", 10),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    draw_flowables(pdf, [Paragraph("Review of systems", HEADING), table], MARGIN,
                   HEIGHT - 60, WIDTH - 2 * MARGIN)
    pdf.showPage()
    pdf.save()


def offset_columns():
    """Two columns in different type sizes, so their lines do not share baselines."""
    pdf = new_canvas("offset-columns.pdf")
    small = ParagraphStyle("small", parent=BODY, fontSize=9, leading=11)
    gutter = 18
    column = (WIDTH - 2 * MARGIN - gutter) / 2
    for x, texts, style in [(MARGIN, TWO_COLUMN_LEFT, BODY),
                            (MARGIN + column + gutter, TWO_COLUMN_RIGHT, small)]:
        frame = Frame(x, 300, column, HEIGHT - 360, leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        frame.addFromList([Paragraph(text, style) for text in texts], pdf)
    pdf.showPage()
    pdf.save()


def justified_columns():
    """Two narrow justified columns, as a word processor sets a letter: wide word spaces."""
    pdf = new_canvas("justified-columns.pdf")
    justified = ParagraphStyle("justified", parent=BODY, alignment=4)
    gutter = 30
    column = 200
    for x, texts in [(MARGIN, TWO_COLUMN_LEFT), (MARGIN + column + gutter, TWO_COLUMN_RIGHT)]:
        frame = Frame(x, 300, column, HEIGHT - 360, leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        frame.addFromList([Paragraph(text, justified) for text in texts], pdf)
    pdf.showPage()
    pdf.save()


COLUMN_MEDICATIONS = [["Medication", "Dose"], ["Gabapentin", "300 mg TID"],
                      ["Meloxicam", "15 mg daily"], ["Cyclobenzaprine", "10 mg at night"]]


def column_table():
    """Two columns with a small ruled table inside the left one, between paragraphs."""
    pdf = new_canvas("column-table.pdf")
    gutter = 24
    column = (WIDTH - 2 * MARGIN - gutter) / 2
    left = [Paragraph(TWO_COLUMN_LEFT[0], BODY), grid_table(COLUMN_MEDICATIONS, [110, 100]),
            Paragraph(TWO_COLUMN_LEFT[2], BODY)]
    right = [Paragraph(text, BODY) for text in TWO_COLUMN_RIGHT]
    for x, flowables in [(MARGIN, left), (MARGIN + column + gutter, right)]:
        frame = Frame(x, 300, column, HEIGHT - 360, leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        frame.addFromList(flowables, pdf)
    pdf.showPage()
    pdf.save()


WRAPPED_MEDICATIONS = [
    ["Medication", "Dose", "Instructions"],
    ["Gabapentin", "300 mg", "Take one capsule by mouth three times daily with food; increase "
                             "after one week if tolerated"],
    ["Cyclobenzaprine hydrochloride extended release", "15 mg", "At bedtime"],
]


def wrapped_cells():
    """Medication tables whose long cells wrap, with the other cells set at the top, the
    middle and the bottom of the row; and the same table as a browser lays it out."""
    pdf = new_canvas("wrapped-cells.pdf")
    style = ParagraphStyle("cell", fontName="Helvetica", fontSize=10, leading=12)
    flowables = []
    for valign in ("TOP", "MIDDLE", "BOTTOM"):
        rows = [[Paragraph(cell, style) if len(cell) > 20 else cell for cell in row]
                for row in WRAPPED_MEDICATIONS]
        table = Table(rows, colWidths=[120, 60, 200])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                                   ("VALIGN", (0, 0), (-1, -1), valign),
                                   ("FONT", (0, 0), (-1, -1), "Helvetica", 10)]))
        flowables += [Paragraph(f"Cells set at the {valign.lower()}", HEADING), table]
    draw_flowables(pdf, flowables, MARGIN, HEIGHT - 60, WIDTH - 2 * MARGIN)
    pdf.showPage()
    pdf.save()

    import weasyprint

    html = ("<html><head><style>body { font: 10pt sans-serif; } table { border-collapse: "
            "collapse; } td, th { border: 0.5pt solid #888; padding: 3pt 6pt; text-align: left; }"
            "</style></head><body><h2>Medications</h2>" + html_table(WRAPPED_MEDICATIONS)
            .replace("<table>", '<table style="width: 4in">') + "</body></html>")
    weasyprint.HTML(string=html).write_pdf(path("wrapped-cells-html.pdf"))


def benchmark(pages, out):
    """An N-page note mixing prose, two columns and tables, for timing."""
    pdf = canvas.Canvas(out, pagesize=letter, invariant=1)
    width = WIDTH - 2 * MARGIN
    for number in range(1, pages + 1):
        banner(pdf, number, pages)
        top = draw_flowables(
            pdf,
            [Paragraph(f"Progress note, part {number}", TITLE)]
            + [Paragraph(text, BODY) for text in TWO_COLUMN_LEFT + TWO_COLUMN_RIGHT]
            + [grid_table(MEDICATIONS, [150, 80, 150, 80]), grid_table(EXAM, [160, 170, 120])],
            MARGIN, HEIGHT - 60, width)
        column = (width - 24) / 2
        for x, texts in [(MARGIN, TWO_COLUMN_LEFT), (MARGIN + column + 24, TWO_COLUMN_RIGHT)]:
            frame = Frame(x, 50, column, top - 50, leftPadding=0, rightPadding=0,
                          topPadding=0, bottomPadding=0)
            frame.addFromList([Paragraph(text, BODY) for text in texts], pdf)
        pdf.showPage()
    pdf.save()


def bad_inputs():
    """Files that are not usable PDFs, each for one typed error.

    The encrypted file uses 128-bit AES: qpdf's 256-bit encryption draws random salts even
    with --static-id, which would change the fixture on every run.
    """
    open(path("empty.pdf"), "wb").close()
    with open(path("not-a-pdf.pdf"), "w") as file:
        file.write("Office visit note saved as plain text, not as a PDF.\n")
    with open(path("office-note.pdf"), "rb") as file:
        whole = file.read()
    with open(path("truncated.pdf"), "wb") as file:
        file.write(whole[: len(whole) * 2 // 5])
    generator = random.Random(7)
    with open(path("corrupt.pdf"), "wb") as file:
        file.write(b"%PDF-1.7\n" + bytes(generator.randrange(256) for _ in range(2048)))
    subprocess.run(
        ["qpdf", "--static-id", "--static-aes-iv", "--encrypt", "secret", "owner-secret",
         "128", "--use-aes=y", "--", path("office-note.pdf"), path("encrypted.pdf")],
        check=True)
    write_pdf_without_pages(path("no-pages.pdf"))


def rotated_pages():
    """The tables page with a /Rotate entry of 90, 180 and 270 degrees, as faxes arrive."""
    for degrees in (90, 180, 270):
        subprocess.run(
            ["qpdf", "--static-id", f"--rotate=+{degrees}", "--", path("tables.pdf"),
             path(f"rotated-{degrees}.pdf")],
            check=True)


def write_pdf_without_pages(target):
    """A well-formed PDF whose page tree is empty (reportlab always writes a page)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        body += b"%010d 00000 n \n" % offset
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    with open(target, "wb") as file:
        file.write(body)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--benchmark":
        benchmark(int(sys.argv[2]), sys.argv[3])
        return
    os.makedirs(OUT, exist_ok=True)
    office_note()
    two_column()
    tables()
    banner_pages()
    hyphenation()
    characters()
    scanned_pages()
    scanned_note()
    garbage_layer()
    browser_print()
    browser_print_html()
    review_of_systems()
    offset_columns()
    justified_columns()
    column_table()
    wrapped_cells()
    form_fields()
    rotated_pages()
    bad_inputs()
    for name in sorted(os.listdir(OUT)):
        print(f"{os.path.getsize(path(name)):7d}  {name}")


if __name__ == "__main__":
    main()
