internal import CPoppler
internal import CPopplerShim
import Foundation

extension PopplerFile {
  /// Draws the page at the 0-based `index` on white paper at `dpi` pixels per inch, turned
  /// by `rotation` degrees (clockwise on screen) about its centre, and hands the image to
  /// `body`; nil when the page cannot be drawn.
  ///
  /// The image is as large as the unrotated page; the corners a turn uncovers stay white.
  func withImage<Result>(
    ofPageAt index: Int, dpi: Double, rotation: Double = 0, _ body: (PageImage) -> Result
  ) -> Result? {
    guard let page = api.poppler_document_get_page(document, Int32(index)) else { return nil }
    defer { g_object_unref(UnsafeMutableRawPointer(page)) }

    var width = 0.0
    var height = 0.0
    api.poppler_page_get_size(page, &width, &height)
    let scale = dpi / 72
    let pixelWidth = Int((width * scale).rounded(.up))
    let pixelHeight = Int((height * scale).rounded(.up))
    guard pixelWidth > 0, pixelHeight > 0, pixelWidth * pixelHeight <= Self.maxPixels else {
      return nil
    }

    guard
      let surface = api.cairo_image_surface_create(
        CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight))
    else { return nil }
    defer { api.cairo_surface_destroy(surface) }
    guard api.cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }

    draw(page, on: surface, scale: scale, size: (pixelWidth, pixelHeight), rotation: rotation)
    guard let data = api.cairo_image_surface_get_data(surface) else { return nil }
    let image = PageImage(
      pixels: UnsafePointer(data), width: pixelWidth, height: pixelHeight,
      bytesPerRow: Int(api.cairo_image_surface_get_stride(surface)), dpi: dpi)
    return body(image)
  }

  /// The largest image drawn for OCR, in pixels: a US Letter page at 600 dpi. A bigger page
  /// (a poster-sized scan) is not a note, and would take hundreds of megabytes.
  static let maxPixels = 5100 * 6600

  private func draw(
    _ page: OpaquePointer, on surface: OpaquePointer, scale: Double, size: (Int, Int),
    rotation: Double
  ) {
    guard let context = api.cairo_create(surface) else { return }
    defer { api.cairo_destroy(context) }

    // Pages are transparent where nothing is drawn; OCR wants white paper.
    api.cairo_set_source_rgb(context, 1, 1, 1)
    api.cairo_paint(context)

    if rotation != 0 {
      let centre = (Double(size.0) / 2, Double(size.1) / 2)
      api.cairo_translate(context, centre.0, centre.1)
      api.cairo_rotate(context, rotation * .pi / 180)
      api.cairo_translate(context, -centre.0, -centre.1)
    }
    api.cairo_scale(context, scale, scale)
    api.poppler_page_render(page, context)
    api.cairo_surface_flush(surface)
  }
}
