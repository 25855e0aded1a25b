// SPDX-License-Identifier: MPL-2.0
// Fuzz target: how a typed cell is read — msoko::read_field over every field
// of the default catalogue (every field type, with its range) and of the unit
// tests' catalogue (a number field, counts without a bound), and
// msoko::organisation_code, on a cell built from the input.
#include "msoko/engine.hpp"
#include "msoko/table.hpp"
#include "msoko/text.hpp"

#include "fuzz_support.hpp"

namespace msoko {
namespace {

void check_field(const Field& f, const Cell& cell) {
    const FieldValue v = read_field(f, cell);
    switch (v.status) {
        case FieldValue::Status::Empty:
            // Nothing typed; for yes/no also a text of spaces only.
            FUZZ_CHECK(cell.is_empty() ||
                       (f.type == FieldType::YesNo && cell.kind() == Cell::Kind::Text && fold(cell.text()).empty()));
            break;
        case FieldValue::Status::Invalid:
            FUZZ_CHECK(!v.reason.empty());
            FUZZ_CHECK(!cell.is_empty());
            break;
        case FieldValue::Status::Value:
            FUZZ_CHECK(std::isfinite(v.value));
            switch (f.type) {
                case FieldType::Count:
                    FUZZ_CHECK(v.value >= 0 && v.value == std::floor(v.value));
                    [[fallthrough]];
                case FieldType::Number:
                    FUZZ_CHECK(cell.kind() == Cell::Kind::Number && v.value == cell.number());
                    FUZZ_CHECK(!f.min || v.value >= *f.min);
                    FUZZ_CHECK(!f.max || v.value <= *f.max);
                    break;
                case FieldType::YesNo:
                    FUZZ_CHECK(v.value == 0 || v.value == 1);
                    break;
                case FieldType::Date:
                case FieldType::Text:
                case FieldType::Link:
                    FUZZ_CHECK(v.value == 1);
                    break;
            }
            break;
    }
    // An error value is never a figure.
    if (cell.kind() == Cell::Kind::Error)
        FUZZ_CHECK(v.status == FieldValue::Status::Invalid);
}

void check_code(const Cell& cell) {
    const auto code = organisation_code(cell);
    switch (cell.kind()) {
        case Cell::Kind::Empty:
        case Cell::Kind::Error:
            FUZZ_CHECK(!code);
            break;
        case Cell::Kind::Text:
            FUZZ_CHECK(!code ||
                       (!code->empty() && *code == trim(*code) && cell.text().find(*code) != std::string::npos));
            FUZZ_CHECK(code || trim(cell.text()).empty());
            break;
        case Cell::Kind::Number: {
            const double n = cell.number();
            FUZZ_CHECK(code.has_value() == std::isfinite(n));
            // A whole number is written without decimals and reads back exactly.
            if (code && n == std::floor(n) && std::fabs(n) < 1e15) {
                FUZZ_CHECK(code->find_first_of(".eE") == std::string::npos);
                FUZZ_CHECK(std::strtod(code->c_str(), nullptr) == n);
            }
            break;
        }
    }
}

}  // namespace
}  // namespace msoko

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace msoko;
    FuzzedDataProvider in(data, size);
    const Cell cell = fuzz::cell(in);
    for (const Catalogue* c : {&fuzz::default_catalogue(), &fuzz::mini_catalogue()})
        for (const Field& f : c->fields)
            check_field(f, cell);
    check_code(cell);
    return 0;
}
