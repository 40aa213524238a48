#include "ICUShim.h"

#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

const int32_t PC_WORD_NONE_LIMIT = UBRK_WORD_NONE_LIMIT;
const int32_t PC_WORD_NUMBER_LIMIT = UBRK_WORD_NUMBER_LIMIT;
const int32_t PC_WORD_LETTER_LIMIT = UBRK_WORD_LETTER_LIMIT;
const int32_t PC_WORD_KANA_LIMIT = UBRK_WORD_KANA_LIMIT;
const int32_t PC_WORD_IDEO_LIMIT = UBRK_WORD_IDEO_LIMIT;

static UBreakIteratorType break_type(PCBreakKind kind) {
  switch (kind) {
  case PCBreakSentence:
    return UBRK_SENTENCE;
  case PCBreakLine:
    return UBRK_LINE;
  default:
    return UBRK_WORD;
  }
}

int32_t pc_breaks(PCBreakKind kind, const char *locale, const uint16_t *text, int32_t length,
                  int32_t *boundaries, int32_t *statuses, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *it = ubrk_open(break_type(kind), locale, (const UChar *)text, length, &status);
  if (U_FAILURE(status)) {
    if (it != NULL) ubrk_close(it);
    return -(int32_t)status;
  }
  int32_t count = 0;
  for (int32_t b = ubrk_first(it); b != UBRK_DONE; b = ubrk_next(it)) {
    if (count < capacity) {
      boundaries[count] = b;
      if (statuses != NULL) statuses[count] = ubrk_getRuleStatus(it);
    }
    count++;
  }
  ubrk_close(it);
  return count;
}

int32_t pc_nfkc(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
  if (U_FAILURE(status)) return -(int32_t)status;
  int32_t needed = unorm2_normalize(nfkc, (const UChar *)text, length, (UChar *)out, capacity,
                                    &status);
  if (status == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(status)) return needed;
  return -(int32_t)status;
}

int32_t pc_fold_case(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t needed = u_strFoldCase((UChar *)out, capacity, (const UChar *)text, length,
                                 U_FOLD_CASE_DEFAULT, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(status)) return needed;
  return -(int32_t)status;
}

int32_t pc_to_upper(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t needed = u_strToUpper((UChar *)out, capacity, (const UChar *)text, length, "",
                                &status);
  if (status == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(status)) return needed;
  return -(int32_t)status;
}

const char *pc_error_name(int32_t code) { return u_errorName((UErrorCode)(code < 0 ? -code : code)); }
