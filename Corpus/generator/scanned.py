"""Scanned variants of corpus cases: what a fax or a cheap scanner makes of the text PDFs.

Each PDF of a chosen case is drawn to grey images at 200 dpi (fax "fine" resolution) by
poppler's `pdftoppm`, turned by a small angle (within +-1.5 degrees), given speckle noise
(isolated dark specks and faint grey mottling) and a slight blur, and wrapped as an
image-only PDF (one JPEG per page, no text layer) under Corpus/scanned/<case>/, with the
case's gold.json and request.json copied unchanged. Every random choice is seeded from the
case, document and page, so a rebuild gives the same images.

Needs `pdftoppm` (Debian poppler-utils), Pillow and numpy (`pip install pillow numpy`).
"""

from __future__ import annotations

import time
import hashlib
import io
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy
from PIL import Image, ImageFilter

DPI = 200
MAX_DEGREES = 1.5
JPEG_QUALITY = 40
# For each guideline (case-name prefix) and each split, the cases with the smallest hashes of
# their names are chosen: every guideline and split gets the same share (8 x 2 x 2 = 32
# cases), and adding a case changes the choice only when its hash falls among the smallest.
PER_GUIDELINE_AND_SPLIT = 2
# Pillow writes the current time into the PDF unless told otherwise.
FIXED_DATE = time.strptime("2026-01-01", "%Y-%m-%d")


def name_hash(case: str) -> int:
    return int.from_bytes(hashlib.sha256(case.encode()).digest()[:8], "big")


def chosen_cases(corpus: Path) -> list[Path]:
    groups: dict[tuple[str, str], list[Path]] = {}
    for split in ("dev", "test"):
        for gold in (corpus / split).glob("*/gold.json"):
            key = (gold.parent.name.split("-")[0], split)
            groups.setdefault(key, []).append(gold.parent)
    chosen = [
        folder
        for folders in groups.values()
        for folder in sorted(folders, key=lambda f: name_hash(f.name))[:PER_GUIDELINE_AND_SPLIT]
    ]
    return sorted(chosen, key=lambda folder: folder.name)


def seeded(*parts: str) -> random.Random:
    digest = hashlib.sha256("/".join(parts).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def pages_of(pdf: Path) -> list[Image.Image]:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            ["pdftoppm", "-gray", "-r", str(DPI), str(pdf), f"{folder}/page"], check=True
        )
        return [Image.open(path).copy() for path in sorted(Path(folder).glob("page*.pgm"))]


def degrade(page: Image.Image, rng: random.Random) -> Image.Image:
    angle = rng.uniform(-MAX_DEGREES, MAX_DEGREES)
    turned = page.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    pixels = numpy.asarray(turned.filter(ImageFilter.GaussianBlur(0.6)), dtype=numpy.float32)

    noise = numpy.random.default_rng(rng.getrandbits(32))
    pixels += noise.normal(0, 7, pixels.shape)
    specks = noise.random(pixels.shape) < 0.0015
    pixels[specks] = noise.uniform(0, 90, int(specks.sum()))
    holes = noise.random(pixels.shape) < 0.0005
    pixels[holes] = 255
    return Image.fromarray(numpy.clip(pixels, 0, 255).astype(numpy.uint8), mode="L")


def scan(pdf: Path, case: str) -> bytes:
    pages = [
        degrade(page, seeded(case, pdf.name, str(number)))
        for number, page in enumerate(pages_of(pdf), start=1)
    ]
    out = io.BytesIO()
    pages[0].save(
        out, "PDF", save_all=True, append_images=pages[1:], resolution=float(DPI),
        quality=JPEG_QUALITY, creationDate=FIXED_DATE, modDate=FIXED_DATE,
    )
    return out.getvalue()


def build_scanned(corpus: Path) -> int:
    target_root = corpus / "scanned"
    cases = chosen_cases(corpus)
    chosen = {folder.name for folder in cases}
    for stale in sorted(target_root.glob("*/")):
        if stale.name not in chosen:
            shutil.rmtree(stale)
    total = 0
    for folder in cases:
        target = target_root / folder.name
        target.mkdir(parents=True, exist_ok=True)
        for name in ("gold.json", "request.json"):
            if (folder / name).exists():
                shutil.copyfile(folder / name, target / name)
        for pdf in sorted(folder.glob("*.pdf")):
            data = scan(pdf, folder.name)
            (target / pdf.name).write_bytes(data)
            total += len(data)
    print(f"scanned {len(cases)} case(s) into {target_root}: {total / 1e6:.1f} MB")
    return 0
