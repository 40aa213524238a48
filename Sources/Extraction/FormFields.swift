internal import CPoppler
internal import CPopplerShim

/// The value of one filled-in form field, and the field's box on the page.
///
/// poppler-glib's page text leaves out what a user typed into a PDF form (a request form's
/// CPT code, the planned date, a ticked "conservative care completed" box), so the values
/// are read from the form fields themselves and placed in the text where the fields stand.
struct FormFieldValue: Equatable {
  /// The typed text, the selected choices joined by ", ", or `[x]` / `[ ]` for a check box
  /// or radio button.
  var text: String
  /// The field's box, in points from the top left of the unrotated page.
  var box: Box
}

extension PopplerFile {
  /// The values of the form fields on `page` (a `PopplerPage *`) whose page is `height`
  /// points tall; empty fields and push buttons are left out.
  func formFieldValues(of page: OpaquePointer, height: Double) -> [FormFieldValue] {
    guard let mapping = api.poppler_page_get_form_field_mapping(page) else { return [] }
    defer { api.poppler_page_free_form_field_mapping(mapping) }

    var values: [FormFieldValue] = []
    var node: UnsafeMutablePointer<GList>? = mapping
    while let current = node {
      node = current.pointee.next
      guard
        let entry = current.pointee.data?.assumingMemoryBound(to: PopplerFormFieldMapping.self),
        let field = entry.pointee.field, let text = value(of: field), !text.isEmpty
      else { continue }
      // Field areas are in PDF points from the bottom left; text boxes from the top left.
      let area = Box(poppler: entry.pointee.area)
      let box = Box(
        minX: area.minX, minY: height - area.maxY, maxX: area.maxX, maxY: height - area.minY)
      values.append(FormFieldValue(text: text, box: box))
    }
    return values
  }

  /// What the field holds, as text, or nil for a push button or a signature.
  private func value(of field: OpaquePointer) -> String? {
    switch api.poppler_form_field_get_field_type(field) {
    case POPPLER_FORM_FIELD_TEXT:
      return Self.ownedString(api.poppler_form_field_text_get_text(field))
    case POPPLER_FORM_FIELD_CHOICE:
      return choices(of: field)
    case POPPLER_FORM_FIELD_BUTTON:
      guard api.poppler_form_field_button_get_button_type(field) != POPPLER_FORM_BUTTON_PUSH else {
        return nil
      }
      return api.poppler_form_field_button_get_state(field) != 0 ? "[x]" : "[ ]"
    default:
      return nil
    }
  }

  /// The selected items of a list or combo box, or the text typed into an editable one.
  private func choices(of field: OpaquePointer) -> String? {
    let count = api.poppler_form_field_choice_get_n_items(field)
    let selected = (0..<max(0, count)).compactMap { index -> String? in
      guard api.poppler_form_field_choice_is_item_selected(field, index) != 0 else { return nil }
      return Self.ownedString(api.poppler_form_field_choice_get_item(field, index))
    }
    if !selected.isEmpty { return selected.joined(separator: ", ") }
    return Self.ownedString(api.poppler_form_field_choice_get_text(field))
  }

  /// The string glib handed over, freed.
  private static func ownedString(_ pointer: UnsafeMutablePointer<gchar>?) -> String? {
    guard let pointer else { return nil }
    defer { g_free(pointer) }
    return String(cString: pointer)
  }
}
