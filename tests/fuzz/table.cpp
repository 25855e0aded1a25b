// SPDX-License-Identifier: MPL-2.0
// Fuzz target: a direction table as MSOKO.INDICATOR and MSOKO.INDICATORS
// receive it — msoko::read_table, indicators_in_table and indicator_in_table —
// on a range decoded from the input: a header of the catalogue's field codes
// (the fields a direction's indicators read, reserved columns, other fields,
// notes), organisation codes, types, flags and typed figures. The default
// catalogue and the unit tests' one (counts without an upper bound).
#include "msoko/table.hpp"

#include "fuzz_support.hpp"

#include <algorithm>
#include <limits>
#include <set>

namespace msoko {
namespace {

const char* pick(FuzzedDataProvider& in, std::initializer_list<const char*> choices) {
    return choices.begin()[in.ConsumeIntegralInRange<std::size_t>(0, choices.size() - 1)];
}

// A header code as typed: sometimes in capitals or with spaces around (codes are folded).
std::string typed_code(FuzzedDataProvider& in, std::string code) {
    switch (in.ConsumeIntegralInRange(0, 7)) {
        case 0:
            std::transform(code.begin(), code.end(), code.begin(),
                           [](char ch) { return ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch; });
            return code;
        case 1:
            return " " + code + "\xC2\xA0";
        default:
            return code;
    }
}

enum class Column { Field, Type, Flags, Name, Other };

struct Decoded {
    Range range;
    std::vector<Column> kinds;         // per column from 1
    std::vector<const Field*> fields;  // per column from 1: the field of a Field column
};

Cell code_cell(FuzzedDataProvider& in) {
    switch (in.ConsumeIntegralInRange(0, 9)) {
        case 0:
        case 1:
        case 2:
            return Cell::number(4201 + in.ConsumeIntegralInRange(0, 9));
        case 3:
        case 4:
            return Cell::text(std::to_string(4201 + in.ConsumeIntegralInRange(0, 9)) + pick(in, {"", " ", "\xC2\xA0"}));
        case 5:
            return Cell::text(pick(in, {"УО", "уо", " УО ", "МО", "Муниципалитет"}));
        case 6:
            return Cell::empty();
        default:
            return fuzz::cell(in);
    }
}

Cell figure(FuzzedDataProvider& in, const Field& f) {
    if (in.ConsumeIntegralInRange(0, 5) == 0)
        return fuzz::cell(in);  // anything at all
    switch (f.type) {
        case FieldType::Count:
        case FieldType::Number:
            return in.ConsumeIntegralInRange(0, 9) == 0 ? Cell::empty()
                                                        : Cell::number(in.ConsumeIntegralInRange(0, 60));
        case FieldType::YesNo:
            switch (in.ConsumeIntegralInRange(0, 3)) {
                case 0:
                    return Cell::number(in.ConsumeIntegralInRange(0, 1));
                default:
                    return Cell::text(pick(in, {"да", "нет", "Да ", "НЕТ", "yes", "no", ""}));
            }
        case FieldType::Date:
            return Cell::text(pick(in, {"2025-05-20", "20.05.2025", ""}));
        case FieldType::Text:
        case FieldType::Link:
            return Cell::text(pick(in, {"№ 12", "https://example.ru/npa", ""}));
    }
    return Cell::empty();
}

Decoded decode(FuzzedDataProvider& in, const Catalogue& c) {
    const Direction& d = c.directions[in.ConsumeIntegralInRange<std::size_t>(0, c.directions.size() - 1)];
    // The fields the direction's indicators read, its own first.
    std::vector<std::string> inputs = d.fields;
    for (const auto& id : d.indicators)
        for (const auto& f : c.indicator(id)->compute.inputs())
            if (std::find(inputs.begin(), inputs.end(), f) == inputs.end())
                inputs.push_back(f);

    Decoded out;
    const auto cols = in.ConsumeIntegralInRange<std::size_t>(1, 12);
    const auto rows = in.ConsumeIntegralInRange<std::size_t>(0, 10);
    std::vector<Cell> cells;
    cells.push_back(in.ConsumeBool() ? Cell::text("code") : fuzz::cell(in));
    for (std::size_t col = 1; col <= cols; ++col) {
        const Field* f = nullptr;
        Column kind = Column::Field;
        switch (in.ConsumeIntegralInRange(0, 11)) {
            case 0:
                kind = Column::Type;
                cells.push_back(Cell::text(typed_code(in, "type")));
                break;
            case 1:
                kind = Column::Flags;
                cells.push_back(Cell::text(typed_code(in, "flags")));
                break;
            case 2:
                kind = Column::Name;
                cells.push_back(Cell::text(typed_code(in, "name")));
                break;
            case 3:
                f = &c.fields[in.ConsumeIntegralInRange<std::size_t>(0, c.fields.size() - 1)];
                cells.push_back(Cell::text(typed_code(in, f->id)));
                break;
            case 4:
                kind = Column::Other;
                cells.push_back(fuzz::cell(in));  // a note, a number, nothing; maybe a code by chance
                break;
            default:
                f = c.field(inputs[in.ConsumeIntegralInRange<std::size_t>(0, inputs.size() - 1)]);
                cells.push_back(Cell::text(typed_code(in, f->id)));
                break;
        }
        out.kinds.push_back(kind);
        out.fields.push_back(f);
    }
    for (std::size_t r = 0; r < rows; ++r) {
        cells.push_back(code_cell(in));
        for (std::size_t col = 0; col < cols; ++col) {
            switch (out.kinds[col]) {
                case Column::Field:
                    cells.push_back(figure(in, *out.fields[col]));
                    break;
                case Column::Type:
                    cells.push_back(in.ConsumeIntegralInRange(0, 7) == 0
                                        ? fuzz::cell(in)
                                        : Cell::text(pick(in, {"ОО", "ДОО", "УО", "доо ", "school", "kindergarten"})));
                    break;
                case Column::Flags:
                    cells.push_back(in.ConsumeIntegralInRange(0, 7) == 0
                                        ? fuzz::cell(in)
                                        : Cell::text(pick(in, {"ШНОР", "ШФНСУ", "шнор; ШФНСУ", "ШНОР,", ";", ""})));
                    break;
                case Column::Name:
                case Column::Other:
                    cells.push_back(fuzz::cell(in));
                    break;
            }
        }
    }
    out.range = Range(rows + 1, cols + 1, std::move(cells));
    return out;
}

bool same(const Result& a, const Result& b) {
    return a.status() == b.status() && (!a.has_value() || fuzz::same(a.value(), b.value()));
}

// A value of the indicator: a number, a percentage within [0, 100].
void check_value(const Indicator& ind, const Result& r) {
    if (!r.has_value()) {
        FUZZ_CHECK(!r.reason().empty());
        return;
    }
    FUZZ_CHECK(std::isfinite(r.value()) && r.value() >= 0);
    const Computation& k = ind.compute;
    const bool percent = (k.kind == Computation::Kind::Ratio && k.multiplier == 100) ||
                         k.kind == Computation::Kind::BandShare || k.kind == Computation::Kind::OrganisationShare;
    if (percent)
        FUZZ_CHECK(r.value() <= 100 * (1 + 8 * std::numeric_limits<double>::epsilon()));
    if (k.kind == Computation::Kind::Flag && ind.org_types == std::vector<std::string>{"municipality"})
        FUZZ_CHECK(r.value() == 0 || r.value() == 1);
}

bool lacks_field(const Indicator& ind, const Table& t) {
    for (const auto& f : ind.compute.inputs())
        if (std::find(t.fields.begin(), t.fields.end(), f) == t.fields.end())
            return true;
    return false;
}

void check_table(const Catalogue& c, const Decoded& d, const Table& t) {
    const Range& range = d.range;
    FUZZ_CHECK(t.row_codes.size() == range.rows() - 1);
    std::vector<std::string> codes;
    for (const auto& code : t.row_codes)
        if (!code.empty())
            codes.push_back(code);
    FUZZ_CHECK(codes == t.organisations);
    FUZZ_CHECK(std::set<std::string>(codes.begin(), codes.end()).size() == codes.size());
    FUZZ_CHECK(!t.fields.empty() && std::set<std::string>(t.fields.begin(), t.fields.end()).size() == t.fields.size());
    // The direction is decided from all the fields: one the table holds a field of.
    FUZZ_CHECK(c.direction(t.direction) != nullptr);
    FUZZ_CHECK(std::any_of(t.fields.begin(), t.fields.end(), [&](const std::string& f) {
        const Direction& d = *c.direction(t.direction);
        return std::find(d.fields.begin(), d.fields.end(), f) != d.fields.end() ||
               std::any_of(d.indicators.begin(), d.indicators.end(), [&](const std::string& id) {
                   const auto inputs = c.indicator(id)->compute.inputs();
                   return std::find(inputs.begin(), inputs.end(), f) != inputs.end();
               });
    }));
    // Every figure as typed, found by its column's code.
    for (std::size_t col = 1; col < range.cols(); ++col) {
        const Field* f = d.fields[col - 1];
        if (!f || std::find(t.fields.begin(), t.fields.end(), f->id) == t.fields.end())
            continue;
        for (std::size_t r = 1; r < range.rows(); ++r)
            if (!t.row_codes[r - 1].empty())
                FUZZ_CHECK(fuzz::same(t.workbook.value(t.row_codes[r - 1], f->id), range.at(r, col)));
    }
    for (const auto& code : codes) {
        const Organisation* org = t.workbook.organisation(code);
        FUZZ_CHECK(org && c.organisation_type(org->type));
        for (const auto& flag : org->flags)
            FUZZ_CHECK(std::any_of(c.flags.begin(), c.flags.end(), [&](const Flag& x) { return x.id == flag; }));
    }

    const IndicatorGrid grid = indicators_in_table(c, t);
    FUZZ_CHECK(grid.indicators == c.direction(t.direction)->indicators);
    FUZZ_CHECK(grid.rows.size() == t.row_codes.size() + 1 && grid.municipal_row == t.row_codes.size());
    FUZZ_CHECK(grid.values.size() == grid.rows.size());
    const Engine engine(c, t.workbook);
    for (std::size_t k = 0; k < grid.indicators.size(); ++k) {
        const Indicator& ind = *c.indicator(grid.indicators[k]);
        const bool lacking = lacks_field(ind, t);
        for (std::size_t r = 0; r < grid.rows.size(); ++r) {
            FUZZ_CHECK(grid.values[r].size() == grid.indicators.size());
            const Result& v = grid.values[r][k];
            check_value(ind, v);
            if (lacking) {
                FUZZ_CHECK(v.status() == Result::Status::Invalid);  // as MSOKO.INDICATOR: an error of the table
                continue;
            }
            // MSOKO.INDICATOR gives what MSOKO.INDICATORS shows in that cell.
            const bool municipal = r == grid.municipal_row;
            if (!municipal && grid.rows[r].empty())
                continue;
            const auto org = municipal ? std::nullopt : std::optional<std::string>(grid.rows[r]);
            FUZZ_CHECK(same(indicator_in_table(c, t, ind.id, org), v));
        }
        if (lacking)
            FUZZ_CHECK(indicator_in_table(c, t, ind.id, std::nullopt).status() == Result::Status::Invalid);
        // Every threshold of a score band, for the municipality and each organisation.
        if (ind.compute.kind == Computation::Kind::BandShare && !lacking)
            for (const auto& band : ind.compute.bands) {
                check_value(ind, engine.municipality(ind.id, band.from).result);
                for (const auto& code : codes)
                    check_value(ind, engine.organisation(ind.id, code, band.from).result);
            }
    }
}

}  // namespace
}  // namespace msoko

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace msoko;
    FuzzedDataProvider in(data, size);
    const Catalogue& c = in.ConsumeIntegralInRange(0, 3) == 0 ? fuzz::mini_catalogue() : fuzz::default_catalogue();
    const Decoded d = decode(in, c);

    const auto read = read_table(c, d.range);
    if (const auto* bad = std::get_if<Result>(&read)) {
        FUZZ_CHECK(bad->status() == Result::Status::Invalid && !bad->reason().empty());
        FUZZ_CHECK(std::holds_alternative<Result>(indicators_in_table(c, d.range)));
        return 0;
    }
    const Table& t = std::get<Table>(read);
    check_table(c, d, t);

    // The range-taking functions read the same table.
    const auto grid = indicators_in_table(c, d.range);
    FUZZ_CHECK(std::holds_alternative<IndicatorGrid>(grid));
    const IndicatorGrid direct = indicators_in_table(c, t);
    const auto& via_range = std::get<IndicatorGrid>(grid);
    FUZZ_CHECK(via_range.rows == direct.rows);
    for (std::size_t r = 0; r < direct.values.size(); ++r)
        for (std::size_t k = 0; k < direct.values[r].size(); ++k)
            FUZZ_CHECK(same(via_range.values[r][k], direct.values[r][k]));
    const std::string& first = direct.indicators.front();
    FUZZ_CHECK(
        same(indicator_in_table(c, d.range, first, std::nullopt), indicator_in_table(c, t, first, std::nullopt)));

    // A cached table is the one read again (a range is equal to itself unless
    // it holds NaN, which no spreadsheet cell does).
    TableCache cache;  // the default budget: a fuzz input is far below it
    const auto entry = cache.get(c, d.range);
    FUZZ_CHECK(std::holds_alternative<Table>(*entry));
    const bool nan = std::any_of(d.range.cells().begin(), d.range.cells().end(), [](const Cell& x) {
        return x.kind() == Cell::Kind::Number && std::isnan(x.number());
    });
    if (!nan)
        FUZZ_CHECK(cache.get(c, d.range) == entry && cache.hits() == 1);
    return 0;
}
