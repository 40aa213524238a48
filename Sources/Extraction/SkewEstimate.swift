import Foundation

/// How far a scanned page is turned, found from its projection profile.
///
/// Text lines on a straight page make the count of dark pixels per row jump between full
/// rows (the lines) and empty ones (the gaps). Counted along slightly slanted rows instead,
/// the profile is sharpest at the slant that matches the page's: the estimate tries slants
/// within ±`maxDegrees`, coarsely then finely, and keeps the one whose profile has the
/// largest sum of squared row counts. Pages with too little ink to tell come out straight.
struct SkewEstimate {
  /// Pixels per inch the page is drawn at for the estimate: enough to resolve a text line,
  /// small enough to be cheap (about a million pixels for a Letter page).
  static let dpi = 100.0
  /// The largest turn looked for; scanners and fax machines rarely turn a page more.
  static let maxDegrees = 3.0
  /// Turns smaller than this are left alone: redrawing would not change what OCR reads.
  static let negligibleDegrees = 0.1

  /// The page's turn in degrees, clockwise on screen (0 when straight or unknown).
  let degrees: Double

  init(image: PageImage) {
    let ink = Self.darkPixels(of: image)
    guard ink.count >= Self.minimumInk else {
      degrees = 0
      return
    }

    let profile = Profile(ink: ink, height: image.height, width: image.width)
    let coarse = profile.sharpest(
      among: stride(from: -Self.maxDegrees, through: Self.maxDegrees, by: 0.25))
    let fine = profile.sharpest(
      among: stride(from: coarse - 0.25, through: coarse + 0.25, by: 0.05))
    degrees = abs(fine) < Self.negligibleDegrees ? 0 : fine
  }

  /// Fewer dark pixels than this (at 100 dpi) is a page with a line or two at most.
  static let minimumInk = 500
  /// At most this many dark pixels are used; more only slow the estimate down (20 000 still
  /// put the fixture's turn within 0.05° of its true value).
  static let maximumInk = 20_000

  /// The dark pixels of the page, away from its edges (where scan borders lie), evenly
  /// thinned to at most `maximumInk`.
  static func darkPixels(of image: PageImage) -> [(x: Int32, y: Int32)] {
    let marginX = image.width / 40
    let marginY = image.height / 40
    var ink: [(x: Int32, y: Int32)] = []
    for y in marginY..<max(marginY, image.height - marginY) {
      // The green byte of each pixel, read straight from the row: this loop sees every pixel.
      let row = image.pixels + y * image.bytesPerRow + 1
      for x in marginX..<max(marginX, image.width - marginX)
      where row[x * PageImage.bytesPerPixel] < 128 {
        ink.append((Int32(x), Int32(y)))
      }
    }
    guard ink.count > maximumInk else { return ink }
    let step = Double(ink.count) / Double(maximumInk)
    return (0..<maximumInk).map { ink[Int(Double($0) * step)] }
  }

  /// Dark pixels counted along slanted rows.
  private struct Profile {
    let ink: [(x: Int32, y: Int32)]
    let height: Int
    let width: Int

    init(ink: [(x: Int32, y: Int32)], height: Int, width: Int) {
      self.ink = ink
      self.height = height
      self.width = width
    }

    /// The slant among `angles` (degrees) with the sharpest profile.
    func sharpest(among angles: some Sequence<Double>) -> Double {
      var best = (angle: 0.0, score: -1.0)
      for angle in angles {
        let score = sharpness(at: angle)
        if score > best.score { best = (angle, score) }
      }
      return best.angle
    }

    /// The sum of squared dark-pixel counts of the rows slanted by `angle` degrees.
    func sharpness(at angle: Double) -> Double {
      let slope = tan(angle * .pi / 180)
      let shift = Int((Double(width) * abs(slope)).rounded(.up)) + 1
      var rows = [Int](repeating: 0, count: height + 2 * shift)
      let offset = Double(shift) + 0.5
      rows.withUnsafeMutableBufferPointer { rows in
        for pixel in ink {
          rows[Int(Double(pixel.y) - Double(pixel.x) * slope + offset)] += 1
        }
      }
      return rows.reduce(0.0) { $0 + Double($1) * Double($1) }
    }
  }
}
