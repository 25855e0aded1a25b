// SPDX-License-Identifier: MPL-2.0
#pragma once

// What the unit tests share: the small test catalogue and short cell makers.

#include "msoko/catalogue.hpp"
#include "msoko/cell.hpp"

#include <fstream>
#include <sstream>
#include <string>

namespace msoko::test {

/// The text of tests/unit/fixtures/mini-catalogue.json.
inline std::string mini_text() {
    std::ifstream in(MSOKO_TEST_FIXTURES "/mini-catalogue.json");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The test catalogue, loaded once.
inline const Catalogue& mini() {
    static const Catalogue c = parse_catalogue(mini_text(), "mini-catalogue.json");
    return c;
}

inline Cell N(double v) {
    return Cell::number(v);
}
inline Cell T(const char* s) {
    return Cell::text(s);
}
inline Cell E() {
    return Cell::empty();
}

}  // namespace msoko::test
