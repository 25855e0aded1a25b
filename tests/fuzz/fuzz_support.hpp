// SPDX-License-Identifier: MPL-2.0
#pragma once

// What the fuzz targets share: invariant checks that abort with a message
// (libFuzzer then saves the input as a crash), the catalogues, and cells
// decoded from the fuzz input the way a spreadsheet can hold them.
//
// The targets that decode their input (read_field, share, table, validate)
// read it through FuzzedDataProvider: numbers and choices are taken from the
// end of the input, texts from its start (a text ends at "\" followed by
// another character). Their seeds in corpus/ are written in that layout.

#include "msoko/catalogue.hpp"
#include "msoko/cell.hpp"

#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

/// Aborts with the condition's text when it is false (also in release builds).
#define FUZZ_CHECK(cond) ((cond) ? (void)0 : ::msoko::fuzz::fail(#cond, __FILE__, __LINE__))

namespace msoko::fuzz {

[[noreturn]] inline void fail(const char* what, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: invariant violated: %s\n", file, line, what);
    std::abort();
}

/// The shipped catalogue, addin/catalogue/msoko-267-1.json, loaded once.
inline const Catalogue& default_catalogue() {
    static const Catalogue c = read_catalogue(MSOKO_CATALOGUE_FILE);
    return c;
}

/// The unit tests' catalogue: every field type and computation kind, and
/// counts without an upper bound.
inline const Catalogue& mini_catalogue() {
    static const Catalogue c = read_catalogue(MSOKO_TEST_FIXTURES "/mini-catalogue.json");
    return c;
}

/// Any double: NaN, infinities and subnormals included (the bits from the input).
inline double any_double(FuzzedDataProvider& in) {
    const auto bits = in.ConsumeIntegral<std::uint64_t>();
    double v = 0;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}

/// A number as a spreadsheet holds one: mostly a small whole number, also
/// one read from typed text (12.5, 1E308, 4.9E-324) or any bits at all.
inline double number(FuzzedDataProvider& in) {
    switch (in.ConsumeIntegralInRange(0, 3)) {
        case 0:
            return in.ConsumeIntegralInRange(-2, 60);
        case 1:
            return in.ConsumeIntegralInRange(0, 6000);
        case 2:
            return std::strtod(in.ConsumeRandomLengthString(24).c_str(), nullptr);
        default:
            return any_double(in);
    }
}

/// Any cell: empty, an error value, a number or a text of the input's bytes.
inline Cell cell(FuzzedDataProvider& in) {
    switch (in.ConsumeIntegralInRange(0, 4)) {
        case 0:
            return Cell::empty();
        case 1:
            return Cell::error();
        case 2:
        case 3:
            return Cell::number(number(in));
        default:
            return Cell::text(in.ConsumeRandomLengthString(32));
    }
}

/// The same value (NaN equal to NaN): for comparing two ways of computing it.
inline bool same(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

/// The same cell, a NaN equal to a NaN (Cell::operator== compares numbers with ==).
inline bool same(const Cell& a, const Cell& b) {
    return a.kind() == Cell::Kind::Number ? b.kind() == Cell::Kind::Number && same(a.number(), b.number()) : a == b;
}

}  // namespace msoko::fuzz
