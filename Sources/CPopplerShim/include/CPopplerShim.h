// poppler-glib and cairo, loaded at run time with dlopen.
//
// Linked, poppler-glib brings some 45 shared libraries that the dynamic loader maps and binds
// before `main`: 7 ms of every process's start, measured on an empty C program, paid also
// by the watcher, which never reads a PDF. Loaded here, a process pays it the first time it
// opens a PDF, and the watcher pays it on a thread of its own, beside the lexicons, before
// it forks its workers. Each function's type is the one poppler's or cairo's own header
// declares, so a call that does not match the library fails to compile.
#ifndef PENDCHECK_POPPLER_SHIM_H
#define PENDCHECK_POPPLER_SHIM_H

#include <cairo.h>
#include <poppler/glib/poppler.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// Every poppler-glib and cairo function PendCheck calls. cairo's are found through
// poppler-glib's handle: cairo is one of the libraries it loads.
#define PC_POPPLER_FUNCTIONS(X)                \
  X(poppler_document_new_from_bytes)           \
  X(poppler_document_get_n_pages)              \
  X(poppler_document_get_page)                 \
  X(poppler_error_quark)                       \
  X(poppler_page_get_size)                     \
  X(poppler_page_get_text)                     \
  X(poppler_page_get_text_layout)              \
  X(poppler_page_get_image_mapping)            \
  X(poppler_page_free_image_mapping)           \
  X(poppler_page_get_form_field_mapping)       \
  X(poppler_page_free_form_field_mapping)      \
  X(poppler_page_render)                       \
  X(poppler_form_field_get_field_type)         \
  X(poppler_form_field_text_get_text)          \
  X(poppler_form_field_button_get_button_type) \
  X(poppler_form_field_button_get_state)       \
  X(poppler_form_field_choice_get_n_items)     \
  X(poppler_form_field_choice_is_item_selected)\
  X(poppler_form_field_choice_get_item)        \
  X(poppler_form_field_choice_get_text)        \
  X(cairo_image_surface_create)                \
  X(cairo_image_surface_get_data)              \
  X(cairo_image_surface_get_stride)            \
  X(cairo_surface_status)                      \
  X(cairo_surface_flush)                       \
  X(cairo_surface_destroy)                     \
  X(cairo_create)                              \
  X(cairo_destroy)                             \
  X(cairo_set_source_rgb)                      \
  X(cairo_paint)                               \
  X(cairo_translate)                           \
  X(cairo_rotate)                              \
  X(cairo_scale)

/// The functions above, each under its own name, found in the loaded library.
typedef struct pc_poppler_functions {
#define PC_POPPLER_FIELD(name) __typeof__(name) *_Nonnull name;
  PC_POPPLER_FUNCTIONS(PC_POPPLER_FIELD)
#undef PC_POPPLER_FIELD
} pc_poppler_functions;

/// Loads `library` (poppler-glib's file name) and looks up the functions into `functions`.
///
/// Returns 0, the library staying loaded for the life of the process (poppler keeps global
/// state, and the documents opened through it point into it); otherwise -1, with the reason
/// (the dynamic loader's message, or the first function missing) copied into `error`
/// (`capacity` bytes). Loading a library already loaded costs a lookup of each function.
int pc_poppler_open(const char *_Nonnull library, pc_poppler_functions *_Nonnull functions,
                    char *_Nonnull error, size_t capacity);

#ifdef __cplusplus
}
#endif

#endif
