// A narrow C face over Tesseract's C API, loaded at run time with dlopen.
//
// Nothing links libtesseract at build time: a `pendcheck` run that meets no scanned page
// never loads it (it pulls in about 55 shared libraries, some 45 ms of start-up). The header
// uses only standard C types and an opaque engine handle, so Swift never sees Tesseract's.
#ifndef PENDCHECK_OCR_SHIM_H
#define PENDCHECK_OCR_SHIM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// One Tesseract engine with its language model loaded; used by one thread at a time.
typedef struct pc_ocr_engine pc_ocr_engine;

/// Loads the Tesseract library once per process and looks up the functions the shim uses.
///
/// Sets `OMP_THREAD_LIMIT=1` first unless the environment already has a value: Tesseract's
/// OpenMP runtime reads it when the library loads, and on a shared two-core machine its own
/// threads make a page several times slower. Returns 0 on success; otherwise -1, with the
/// reason (the dynamic loader's message) copied into `error` (`capacity` bytes).
int pc_ocr_load(const char *library, char *error, size_t capacity);

/// The loaded library's version string, or NULL before a successful `pc_ocr_load`.
const char *pc_ocr_version(void);

/// A new engine reading `language` with the models in `datapath` (a tessdata folder), or
/// NULL when the library is not loaded or the model cannot be read.
pc_ocr_engine *pc_ocr_engine_create(const char *datapath, const char *language);

/// Releases the engine and its model.
void pc_ocr_engine_destroy(pc_ocr_engine *engine);

/// Recognises one page image: `pixels` holds `height` rows of `bytes_per_line` bytes, each
/// pixel `bytes_per_pixel` bytes (1 grey, 4 for 32-bit colour), scanned at `dpi`. With
/// `median_size` above 1 the image is first made grey and median-filtered over squares of
/// that many pixels (Leptonica), which removes speckle smaller than half the square.
/// Returns 0 on success, -1 when Tesseract fails.
int pc_ocr_recognize(pc_ocr_engine *engine, const unsigned char *pixels, int width, int height,
                     int bytes_per_pixel, int bytes_per_line, int dpi, int median_size);

/// The text of the last recognised page (UTF-8, lines ending in newlines, a blank line
/// between blocks), to be released with `pc_ocr_free`; NULL on failure.
char *pc_ocr_text(pc_ocr_engine *engine);

/// The confidence (0-100) of each word of the last recognised page, in reading order, as a
/// malloc'd array of `*count` values to be released with `pc_ocr_free`; NULL when none.
int *pc_ocr_word_confidences(pc_ocr_engine *engine, int *count);

/// Releases memory returned by `pc_ocr_text` or `pc_ocr_word_confidences`.
void pc_ocr_free(void *memory);

#ifdef __cplusplus
}
#endif

#endif
