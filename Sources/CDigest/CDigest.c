#include "CDigest.h"

static const uint32_t roundConstants[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
};

const uint32_t *pc_sha256_round_constants(void) { return roundConstants; }

#if defined(__x86_64__)

#include <cpuid.h>
#include <immintrin.h>

int pc_sha256_is_accelerated(void) {
  unsigned int eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
  int hasSSE41 = (ecx >> 19) & 1, hasSSSE3 = (ecx >> 9) & 1;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
  int hasSHA = (ebx >> 29) & 1;
  return hasSHA && hasSSE41 && hasSSSE3;
}


// The state is held as two vectors, ABEF and CDGH (high word first), as the round
// instruction takes it; each instruction does two rounds, and the two vectors swap roles.
__attribute__((target("sha,sse4.1,ssse3"))) void pc_sha256_compress(
    uint32_t state[8], const uint8_t *blocks, size_t count) {
  const __m128i bigEndianWords = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
  __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
  __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
  __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
  __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

  for (size_t block = 0; block < count; block++) {
    const uint8_t *bytes = blocks + 64 * block;
    __m128i schedule[16];
    for (int group = 0; group < 4; group++) {
      __m128i words = _mm_loadu_si128((const __m128i *)(bytes + 16 * group));
      schedule[group] = _mm_shuffle_epi8(words, bigEndianWords);
    }
    // Words 16 to 63, four at a time: w[t-16] + s0(w[t-15]) + w[t-7] + s1(w[t-2]).
    for (int group = 4; group < 16; group++) {
      __m128i partial = _mm_sha256msg1_epu32(schedule[group - 4], schedule[group - 3]);
      __m128i sevenBack = _mm_alignr_epi8(schedule[group - 1], schedule[group - 2], 4);
      partial = _mm_add_epi32(partial, sevenBack);
      schedule[group] = _mm_sha256msg2_epu32(partial, schedule[group - 1]);
    }

    __m128i savedABEF = abef, savedCDGH = cdgh;
    for (int group = 0; group < 16; group++) {
      __m128i constants = _mm_load_si128((const __m128i *)&roundConstants[4 * group]);
      __m128i input = _mm_add_epi32(schedule[group], constants);
      // Two rounds make the old ABEF the new CDGH: each call writes over the other's input.
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, input);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(input, 0x0E));
    }
    abef = _mm_add_epi32(abef, savedABEF);
    cdgh = _mm_add_epi32(cdgh, savedCDGH);
  }

  __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  __m128i ghcd = _mm_shuffle_epi32(cdgh, 0xB1);
  _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, ghcd, 0xF0));
  _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(ghcd, feba, 8));
}

#else

int pc_sha256_is_accelerated(void) { return 0; }

void pc_sha256_compress(uint32_t state[8], const uint8_t *blocks, size_t count) {
  (void)state;
  (void)blocks;
  (void)count;
}

#endif
