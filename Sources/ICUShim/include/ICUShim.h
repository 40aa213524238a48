// A narrow C face over the system ICU, using only standard C types, so that Swift code
// never imports ICU's headers next to Foundation's private ICU copy.
#ifndef PENDCHECK_ICU_SHIM_H
#define PENDCHECK_ICU_SHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Which ICU break iterator to run.
typedef enum {
  PCBreakWord = 0,
  PCBreakSentence = 1,
  PCBreakLine = 2
} PCBreakKind;

/// Finds break boundaries in `text` (UTF-16, `length` units).
///
/// Writes up to `capacity` boundary offsets into `boundaries` and, for each, the rule status
/// of the segment that ends there into `statuses` (may be NULL). Returns the number of
/// boundaries found (which may exceed `capacity`: call again with more room), or a negative
/// ICU error code on failure.
int32_t pc_breaks(PCBreakKind kind, const char *locale, const uint16_t *text, int32_t length,
                  int32_t *boundaries, int32_t *statuses, int32_t capacity);

/// NFKC-normalizes `text` into `out`. Returns the length needed (call again if larger than
/// `capacity`), or a negative ICU error code.
int32_t pc_nfkc(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity);

/// Full Unicode case folding of `text` into `out`. Same return convention as `pc_nfkc`.
int32_t pc_fold_case(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity);

/// Upper-cases `text` into `out` under the root locale. Same return convention as `pc_nfkc`.
int32_t pc_to_upper(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity);

/// A compiled ICU regular expression with its own matcher state: one thread at a time.
typedef struct PCRegex PCRegex;

/// Compiles `pattern` (UTF-16, `length` units), case-insensitively when `case_insensitive`
/// is non-zero. Returns NULL and sets `error` to a negative ICU error code on failure.
PCRegex *pc_regex_open(const uint16_t *pattern, int32_t length, int32_t case_insensitive,
                       int32_t *error);

/// A new matcher for the same compiled pattern, for another thread. NULL on failure.
PCRegex *pc_regex_clone(const PCRegex *regex, int32_t *error);

void pc_regex_close(PCRegex *regex);

/// The number of capture groups of the pattern.
int32_t pc_regex_group_count(const PCRegex *regex);

/// Finds up to `limit` successive non-overlapping matches in `text` (UTF-16, `length` units),
/// as ICU's find-next does, and writes each as `2 * (groups + 1)` offsets (start and end of
/// the whole match, then of each group; -1 for a group that did not take part) into `ranges`
/// while `capacity` offsets allow. Returns the number of matches found, which may need more
/// room than `capacity` (call again with more); an ICU error (an exhausted backtracking
/// stack) ends the search with the matches before it. The text is not read after the call
/// (the matcher keeps its address until the next search sets another).
int32_t pc_regex_find(PCRegex *regex, const uint16_t *text, int32_t length, int32_t limit,
                      int32_t *ranges, int32_t capacity);

/// As `pc_regex_find`, but tries a match only at the `start_count` offsets of `starts`
/// (ascending), each as the start of a match over the rest of the text, skipping an offset
/// inside the match before it. Look-behind and word boundaries still see the text before
/// an offset, so when every match of the pattern begins at one of `starts` the matches are
/// those `pc_regex_find` returns.
int32_t pc_regex_find_at(PCRegex *regex, const uint16_t *text, int32_t length,
                         const int32_t *starts, int32_t start_count, int32_t limit,
                         int32_t *ranges, int32_t capacity);

/// Writes the ranges of code points that ICU's `\d` matches (general category Nd) into
/// `bounds`, the first and last of each, while `capacity` values allow. Returns the number
/// of ranges (call again with room for twice as many values if more), or a negative ICU
/// error code.
int32_t pc_decimal_digit_ranges(int32_t *bounds, int32_t capacity);

/// Returns a static, human-readable name for an ICU error code.
const char *pc_error_name(int32_t code);

/// Rule-status ranges of the word break iterator, re-exported as plain integers.
extern const int32_t PC_WORD_NONE_LIMIT;
extern const int32_t PC_WORD_NUMBER_LIMIT;
extern const int32_t PC_WORD_LETTER_LIMIT;
extern const int32_t PC_WORD_KANA_LIMIT;
extern const int32_t PC_WORD_IDEO_LIMIT;

#ifdef __cplusplus
}
#endif

#endif
