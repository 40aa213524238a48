#!/usr/bin/env python3
"""Measures which clean-up steps help Tesseract on the scanned corpus (Corpus/scanned).

For the first page of every Nth scanned case, draws the page at 300 dpi (pdftoppm), applies
each variant (nothing; deskew by projection profile; 3x3 median despeckle; both), runs the
tesseract command (OMP_THREAD_LIMIT=1, --dpi 300) and scores the words it read against the
text PDF's own text layer (pdftotext): the share of reference words found (as a multiset of
lower-cased words) and the CPU seconds Tesseract spent. Used to decide what PendCheck's OCR
stage does before recognition; the result is quoted in Sources/Extraction/OCRReader.swift.

Needs pdftoppm, pdftotext, tesseract, Pillow and numpy.
"""

from __future__ import annotations

import collections
import os
import re
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parent.parent / "Corpus"


def words(text: str) -> collections.Counter:
    return collections.Counter(re.findall(r"[a-z0-9]+", text.lower()))


def recall(reference: collections.Counter, read: collections.Counter) -> float:
    found = sum(min(count, read[word]) for word, count in reference.items())
    return found / max(1, sum(reference.values()))


def skew(image: Image.Image) -> float:
    small = numpy.asarray(image.resize((image.width // 3, image.height // 3))) < 128
    ys, xs = numpy.nonzero(small)

    def sharpness(angle: float) -> float:
        rows = numpy.round(ys - xs * numpy.tan(numpy.radians(angle))).astype(int)
        counts = numpy.bincount(rows - rows.min())
        return float((counts.astype(float) ** 2).sum())

    coarse = max(numpy.arange(-3, 3.01, 0.25), key=sharpness)
    return max(numpy.arange(coarse - 0.25, coarse + 0.26, 0.05), key=sharpness)


def variants(page: Image.Image) -> dict[str, Image.Image]:
    straight = page.rotate(-skew(page), resample=Image.BILINEAR, fillcolor=255)
    return {
        "raw": page,
        "deskew": straight,
        "median": page.filter(ImageFilter.MedianFilter(3)),
        "deskew+median": straight.filter(ImageFilter.MedianFilter(3)),
    }


def tesseract(image: Image.Image, folder: str) -> tuple[str, float]:
    path = f"{folder}/page.png"
    image.save(path)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    result = subprocess.run(
        ["tesseract", path, "-", "--dpi", "300"], capture_output=True, text=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"}, check=True)
    return result.stdout, resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before


def main() -> int:
    every = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    cases = sorted((ROOT / "scanned").iterdir())[::every]
    totals: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0.0])
    with tempfile.TemporaryDirectory() as folder:
        for case in cases:
            scanned = sorted(case.glob("*.pdf"))[0]
            original = next((ROOT / split / case.name / scanned.name for split in ("dev", "test")
                             if (ROOT / split / case.name).exists()))
            reference = words(subprocess.run(
                ["pdftotext", "-f", "1", "-l", "1", str(original), "-"],
                capture_output=True, text=True, check=True).stdout)
            subprocess.run(["pdftoppm", "-r", "300", "-gray", "-f", "1", "-l", "1",
                            str(scanned), f"{folder}/scan"], check=True)
            page = Image.open(next(Path(folder).glob("scan*.pgm"))).copy()
            for name, image in variants(page).items():
                text, seconds = tesseract(image, folder)
                totals[name][0] += recall(reference, words(text))
                totals[name][1] += seconds
            for leftover in Path(folder).glob("scan*.pgm"):
                leftover.unlink()
    for name, (score, seconds) in totals.items():
        print(f"{name:15} word recall {score / len(cases):.3f}  "
              f"tesseract {seconds / len(cases):.2f} s/page  ({len(cases)} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
