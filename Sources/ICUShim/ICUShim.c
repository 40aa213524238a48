#include "ICUShim.h"

#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
#include <unicode/uset.h>
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

/* Opening a break iterator loads and builds its rules, which costs far more than breaking
   a sentence: each thread keeps one iterator per kind and points it at each new text. The
   iterators live as long as the thread (a few per thread, never freed). Only the en_US
   locale, the one PendCheck uses, is kept; another is opened and closed each time. */
static _Thread_local UBreakIterator *kept_iterators[3];

static UBreakIterator *iterator_for(PCBreakKind kind, const char *locale, UErrorCode *status) {
  int is_kept = (int)kind >= 0 && (int)kind < 3 && strcmp(locale, "en_US") == 0;
  if (is_kept && kept_iterators[kind] != NULL) return kept_iterators[kind];
  UBreakIterator *it = ubrk_open(break_type(kind), locale, NULL, 0, status);
  if (is_kept && U_SUCCESS(*status)) kept_iterators[kind] = it;
  return it;
}

int32_t pc_breaks(PCBreakKind kind, const char *locale, const uint16_t *text, int32_t length,
                  int32_t *boundaries, int32_t *statuses, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *it = iterator_for(kind, locale, &status);
  if (U_SUCCESS(status)) ubrk_setText(it, (const UChar *)text, length, &status);
  int is_kept = (int)kind >= 0 && (int)kind < 3 && it == kept_iterators[kind];
  if (U_FAILURE(status)) {
    if (it != NULL && !is_kept) ubrk_close(it);
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
  if (!is_kept) ubrk_close(it);
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

PCRegex *pc_regex_open(const uint16_t *pattern, int32_t length, int32_t case_insensitive,
                       int32_t *error) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse;
  uint32_t flags = case_insensitive ? UREGEX_CASE_INSENSITIVE : 0;
  URegularExpression *regex = uregex_open((const UChar *)pattern, length, flags, &parse, &status);
  if (U_FAILURE(status)) {
    if (regex != NULL) uregex_close(regex);
    *error = -(int32_t)status;
    return NULL;
  }
  return (PCRegex *)regex;
}

PCRegex *pc_regex_clone(const PCRegex *regex, int32_t *error) {
  UErrorCode status = U_ZERO_ERROR;
  URegularExpression *clone = uregex_clone((const URegularExpression *)regex, &status);
  if (U_FAILURE(status)) {
    if (clone != NULL) uregex_close(clone);
    *error = -(int32_t)status;
    return NULL;
  }
  return (PCRegex *)clone;
}

void pc_regex_close(PCRegex *regex) { uregex_close((URegularExpression *)regex); }

int32_t pc_regex_group_count(const PCRegex *regex) {
  UErrorCode status = U_ZERO_ERROR;
  return uregex_groupCount((URegularExpression *)regex, &status);
}

/// Writes the current match's `stride` offsets (start and end of the match, then of each
/// group) to `out`.
static void write_match(URegularExpression *re, int32_t *out, int32_t stride,
                        UErrorCode *status) {
  for (int32_t group = 0; group < stride / 2; group++) {
    out[2 * group] = uregex_start(re, group, status);
    out[2 * group + 1] = uregex_end(re, group, status);
  }
}

int32_t pc_regex_find(PCRegex *regex, const uint16_t *text, int32_t length, int32_t limit,
                      int32_t *ranges, int32_t capacity) {
  URegularExpression *re = (URegularExpression *)regex;
  UErrorCode status = U_ZERO_ERROR;
  int32_t stride = 2 * (uregex_groupCount(re, &status) + 1);
  uregex_setText(re, (const UChar *)text, length, &status);
  int32_t found = 0;
  while (U_SUCCESS(status) && found < limit && uregex_findNext(re, &status)) {
    if (U_FAILURE(status)) break;
    if ((found + 1) * stride <= capacity) write_match(re, ranges + found * stride, stride, &status);
    found++;
  }
  // An error ends the search with the matches found before it, as NSRegularExpression does.
  // The matcher keeps the text's address but never reads the text again: the next search
  // sets its own first, and closing a matcher does not read it. Pointing the matcher at an
  // empty text cost as much as setting the text.
  return found;
}

int32_t pc_regex_find_at(PCRegex *regex, const uint16_t *text, int32_t length,
                         const int32_t *starts, int32_t start_count, int32_t limit,
                         int32_t *ranges, int32_t capacity) {
  URegularExpression *re = (URegularExpression *)regex;
  UErrorCode status = U_ZERO_ERROR;
  int32_t stride = 2 * (uregex_groupCount(re, &status) + 1);
  uregex_setText(re, (const UChar *)text, length, &status);
  // The region's start must not hide the text before it from look-behind and `\b`, nor
  // count as the text's start for `^`.
  uregex_useTransparentBounds(re, 1, &status);
  uregex_useAnchoringBounds(re, 0, &status);
  int32_t found = 0;
  int32_t cursor = 0;
  for (int32_t index = 0; index < start_count && U_SUCCESS(status) && found < limit; index++) {
    int32_t start = starts[index];
    if (start < cursor || start >= length) continue;
    uregex_setRegion(re, start, length, &status);
    if (!uregex_lookingAt(re, -1, &status) || U_FAILURE(status)) continue;
    if ((found + 1) * stride <= capacity) write_match(re, ranges + found * stride, stride, &status);
    found++;
    int32_t end = uregex_end(re, 0, &status);
    // After an empty match find-next moves on by one, as here.
    cursor = end > start ? end : start + 1;
  }
  // The bounds are put back for `pc_regex_find`; the text is left as there.
  UErrorCode reset = U_ZERO_ERROR;
  uregex_useTransparentBounds(re, 0, &reset);
  uregex_useAnchoringBounds(re, 1, &reset);
  return found;
}

int32_t pc_decimal_digit_ranges(int32_t *bounds, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  USet *digits = uset_openEmpty();
  uset_applyIntPropertyValue(digits, UCHAR_GENERAL_CATEGORY_MASK, U_GC_ND_MASK, &status);
  int32_t count = U_SUCCESS(status) ? uset_getItemCount(digits) : 0;
  for (int32_t index = 0; index < count && U_SUCCESS(status); index++) {
    UChar32 start, end;
    uset_getItem(digits, index, &start, &end, NULL, 0, &status);
    if (2 * index + 1 < capacity) {
      bounds[2 * index] = start;
      bounds[2 * index + 1] = end;
    }
  }
  uset_close(digits);
  return U_SUCCESS(status) ? count : -(int32_t)status;
}

const char *pc_error_name(int32_t code) {
  return u_errorName((UErrorCode)(code < 0 ? -code : code));
}
