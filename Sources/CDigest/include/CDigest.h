// SHA-256's compression function on the processor's SHA extensions, where it has them.
#ifndef PENDCHECK_DIGEST_H
#define PENDCHECK_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// SHA-256's 64 round constants (FIPS 180-4, 4.2.2), for the portable rounds as well.
const uint32_t *pc_sha256_round_constants(void);

/// Whether this processor has the SHA extensions `pc_sha256_compress` needs.
int pc_sha256_is_accelerated(void);

/// Compresses `count` whole 64-byte blocks at `blocks` into the eight state words, as
/// FIPS 180-4 does; only to be called when `pc_sha256_is_accelerated()` is true.
void pc_sha256_compress(uint32_t state[8], const uint8_t *blocks, size_t count);

#ifdef __cplusplus
}
#endif

#endif
