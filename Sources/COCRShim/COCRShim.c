// Tesseract through dlopen: the function pointers are looked up once, under a lock, and
// their types come from Tesseract's own C header, so a signature mismatch fails to compile.
#include "COCRShim.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>

#define PC_OCR_FUNCTIONS(X)        \
  X(TessVersion)                   \
  X(TessDeleteText)                \
  X(TessDeleteIntArray)            \
  X(TessBaseAPICreate)             \
  X(TessBaseAPIDelete)             \
  X(TessBaseAPISetVariable)        \
  X(TessBaseAPIInit3)              \
  X(TessBaseAPISetPageSegMode)     \
  X(TessBaseAPISetImage)           \
  X(TessBaseAPISetSourceResolution)\
  X(TessBaseAPIRecognize)          \
  X(TessBaseAPIGetUTF8Text)        \
  X(TessBaseAPIAllWordConfidences) \
  X(TessBaseAPIClear)              \
  X(TessBaseAPIEnd)                \
  X(TessBaseAPIGetInputImage)      \
  X(TessBaseAPISetImage2)

#define PC_OCR_POINTER(name) static __typeof__(&name) pc_##name;
PC_OCR_FUNCTIONS(PC_OCR_POINTER)

// Three Leptonica functions, found through Tesseract's handle (Leptonica is one of its
// dependencies); declared here rather than through allheaders.h, which is large.
#define PC_LEPTONICA_FUNCTIONS(X) \
  X(pixConvertTo8)                \
  X(pixMedianFilter)              \
  X(pixDestroy)

static struct Pix *(*pc_pixConvertTo8)(struct Pix *pix, int colormap);
static struct Pix *(*pc_pixMedianFilter)(struct Pix *pix, int width, int height);
static void (*pc_pixDestroy)(struct Pix **pix);

struct pc_ocr_engine {
  TessBaseAPI *api;
};

static pthread_mutex_t pc_ocr_lock = PTHREAD_MUTEX_INITIALIZER;
static void *pc_ocr_library;

static int pc_ocr_fail(char *error, size_t capacity, const char *reason) {
  if (error && capacity > 0) snprintf(error, capacity, "%s", reason ? reason : "unknown");
  return -1;
}

static int pc_ocr_resolve(void *library, char *error, size_t capacity) {
#define PC_OCR_RESOLVE(name)                                       \
  pc_##name = (__typeof__(&name))dlsym(library, #name);            \
  if (!pc_##name) return pc_ocr_fail(error, capacity, "missing symbol " #name);
  PC_OCR_FUNCTIONS(PC_OCR_RESOLVE)
#undef PC_OCR_RESOLVE
#define PC_LEPTONICA_RESOLVE(name)                                 \
  *(void **)&pc_##name = dlsym(library, #name);                    \
  if (!pc_##name) return pc_ocr_fail(error, capacity, "missing symbol " #name);
  PC_LEPTONICA_FUNCTIONS(PC_LEPTONICA_RESOLVE)
#undef PC_LEPTONICA_RESOLVE
  return 0;
}

int pc_ocr_load(const char *library, char *error, size_t capacity) {
  pthread_mutex_lock(&pc_ocr_lock);
  int status = 0;
  if (!pc_ocr_library) {
    setenv("OMP_THREAD_LIMIT", "1", 0);
    void *handle = dlopen(library, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      status = pc_ocr_fail(error, capacity, dlerror());
    } else if (pc_ocr_resolve(handle, error, capacity) != 0) {
      dlclose(handle);
      status = -1;
    } else {
      pc_ocr_library = handle;
    }
  }
  pthread_mutex_unlock(&pc_ocr_lock);
  return status;
}

const char *pc_ocr_version(void) {
  return pc_ocr_library ? pc_TessVersion() : NULL;
}

pc_ocr_engine *pc_ocr_engine_create(const char *datapath, const char *language) {
  if (!pc_ocr_library) return NULL;
  TessBaseAPI *api = pc_TessBaseAPICreate();
  if (!api) return NULL;

  // Tesseract writes its warnings ("Estimating resolution...") to stderr; they would land
  // in the middle of the command's diagnostics.
  pc_TessBaseAPISetVariable(api, "debug_file", "/dev/null");
  if (pc_TessBaseAPIInit3(api, datapath, language) != 0) {
    pc_TessBaseAPIDelete(api);
    return NULL;
  }
  pc_TessBaseAPISetPageSegMode(api, PSM_AUTO);

  pc_ocr_engine *engine = malloc(sizeof *engine);
  if (!engine) {
    pc_TessBaseAPIEnd(api);
    pc_TessBaseAPIDelete(api);
    return NULL;
  }
  engine->api = api;
  return engine;
}

void pc_ocr_engine_destroy(pc_ocr_engine *engine) {
  if (!engine) return;
  pc_TessBaseAPIEnd(engine->api);
  pc_TessBaseAPIDelete(engine->api);
  free(engine);
}

// Replaces the engine's input image by its grey version with a median filter of `size`
// pixels applied; leaves the input as it was if Leptonica fails.
static void pc_ocr_despeckle(TessBaseAPI *api, int size) {
  struct Pix *input = pc_TessBaseAPIGetInputImage(api);
  struct Pix *grey = input ? pc_pixConvertTo8(input, 0) : NULL;
  struct Pix *clean = grey ? pc_pixMedianFilter(grey, size, size) : NULL;
  // Tesseract keeps its own reference to the image it is given, so ours can go at once.
  if (clean) pc_TessBaseAPISetImage2(api, clean);
  if (clean) pc_pixDestroy(&clean);
  if (grey) pc_pixDestroy(&grey);
}

int pc_ocr_recognize(pc_ocr_engine *engine, const unsigned char *pixels, int width, int height,
                     int bytes_per_pixel, int bytes_per_line, int dpi, int median_size) {
  pc_TessBaseAPIClear(engine->api);
  pc_TessBaseAPISetImage(engine->api, pixels, width, height, bytes_per_pixel, bytes_per_line);
  if (median_size > 1) pc_ocr_despeckle(engine->api, median_size);
  pc_TessBaseAPISetSourceResolution(engine->api, dpi);
  return pc_TessBaseAPIRecognize(engine->api, NULL) == 0 ? 0 : -1;
}

char *pc_ocr_text(pc_ocr_engine *engine) {
  char *text = pc_TessBaseAPIGetUTF8Text(engine->api);
  if (!text) return NULL;
  char *copy = strdup(text);
  pc_TessDeleteText(text);
  return copy;
}

int *pc_ocr_word_confidences(pc_ocr_engine *engine, int *count) {
  *count = 0;
  int *all = pc_TessBaseAPIAllWordConfidences(engine->api);
  if (!all) return NULL;

  int n = 0;
  while (all[n] >= 0) n++;
  int *copy = n > 0 ? malloc(sizeof(int) * (size_t)n) : NULL;
  if (copy) {
    memcpy(copy, all, sizeof(int) * (size_t)n);
    *count = n;
  }
  pc_TessDeleteIntArray(all);
  return copy;
}

void pc_ocr_free(void *memory) {
  free(memory);
}
