#pragma once
// A property a fuzz target checks: on failure, print it and abort so libFuzzer keeps the
// input as a crash (an assert would vanish under NDEBUG).
#include <cstdio>
#include <cstdlib>

#define JAMSOS_FUZZ_CHECK(cond)                                                        \
  do {                                                                                 \
    if (!(cond)) {                                                                     \
      std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                    \
    }                                                                                  \
  } while (0)
