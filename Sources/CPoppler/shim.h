#include <poppler/glib/poppler.h>
#include <glib.h>
#include <cairo.h>
