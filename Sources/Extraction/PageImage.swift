/// A page drawn into memory for OCR: opaque 32-bit pixels, row by row.
///
/// The pixels belong to the renderer and are valid only inside the closure that receives
/// the image (`PopplerFile.withImage(ofPageAt:dpi:rotation:_:)`). Each pixel is four bytes,
/// blue, green, red and alpha in memory (cairo's ARGB32 on a little-endian machine); the
/// paper is painted white first, so alpha is always 255 and grey pages have equal channels.
struct PageImage {
  let pixels: UnsafePointer<UInt8>
  let width: Int
  let height: Int
  let bytesPerRow: Int
  /// Pixels per inch the page was drawn at.
  let dpi: Double

  static let bytesPerPixel = 4
}
