// SPDX-License-Identifier: MPL-2.0
#include "msoko/table.hpp"

#include "msoko/form_layout.hpp"
#include "msoko/text.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

namespace msoko {

namespace {

std::string column_place(std::size_t c) {
    return "table column " + std::to_string(c + 1);
}
std::string row_place(std::size_t r) {
    return "table row " + std::to_string(r + 1);
}

// ОО / ДОО / УО, a type id, or a catalogue type's short name.
std::optional<std::string> organisation_type(const Catalogue& c, const std::string& typed) {
    const std::string t = fold(typed);
    for (const auto& ot : c.organisation_types)
        if (t == fold(ot.id) || t == fold(ot.short_title) || t == fold(ot.title))
            return ot.id;
    return std::nullopt;
}

std::optional<std::string> flag_id(const Catalogue& c, const std::string& typed) {
    const std::string t = fold(typed);
    for (const auto& f : c.flags)
        if (t == fold(f.id) || t == fold(f.short_title))
            return f.id;
    return std::nullopt;
}

// The direction a table is of, from all its fields, whatever their order:
// the one with the most indicators the table can compute, then the one with
// the most of its own fields; a tie is ambiguous.
std::variant<std::string, Result> table_direction(const Catalogue& c, const std::vector<std::string>& fields) {
    const std::set<std::string> have(fields.begin(), fields.end());
    std::pair<std::size_t, std::size_t> best{0, 0};
    std::vector<std::string> leaders;
    for (const auto& d : c.directions) {
        std::size_t computable = 0, own = 0;
        for (const auto& id : d.indicators) {
            const auto inputs = c.indicator(id)->compute.inputs();
            computable += std::all_of(inputs.begin(), inputs.end(), [&](const auto& f) { return have.count(f) > 0; });
        }
        for (const auto& f : d.fields)
            own += have.count(f);
        const std::pair<std::size_t, std::size_t> score{computable, own};
        if (score == std::pair<std::size_t, std::size_t>{0, 0} || score < best)
            continue;
        if (score > best)
            leaders.clear();
        best = score;
        leaders.push_back(d.id);
    }
    if (leaders.empty())
        return Result::invalid("the table's fields belong to no direction of the catalogue");
    if (leaders.size() > 1)
        return Result::invalid("the table's fields fit directions " + join(leaders) +
                               " equally: add the fields of its own direction");
    return leaders.front();
}

// «ОО, ДОО or УО»: the catalogue's types as the type column names them.
std::string expected_types(const Catalogue& c) {
    std::string out;
    for (std::size_t i = 0; i < c.organisation_types.size(); ++i)
        out += (i == 0                                 ? ""
                : i + 1 == c.organisation_types.size() ? " or "
                                                       : ", ") +
               c.organisation_types[i].short_title;
    return out;
}

bool is_municipality_code(const std::string& code) {
    const std::string c = fold(code);
    return c == fold(kMunicipalityCode) || c == "мо" || c == "муниципалитет";
}

}  // namespace

std::optional<std::string> organisation_code(const Cell& cell) {
    switch (cell.kind()) {
        case Cell::Kind::Text: {
            std::string t = trim(cell.text());  // as typed, without surrounding spaces (also no-break ones)
            if (t.empty())
                return std::nullopt;
            return t;
        }
        case Cell::Kind::Number:
            if (std::isfinite(cell.number()))
                return format_number(cell.number());
            return std::nullopt;
        case Cell::Kind::Empty:
        case Cell::Kind::Error:
            return std::nullopt;
    }
    return std::nullopt;
}

std::variant<Table, Result> read_table(const Catalogue& catalogue, const Range& range) {
    if (range.rows() < 1 || range.cols() < 2)
        return Result::invalid("the table needs a header row of field codes and a column of organisation codes");
    Table table;
    std::vector<std::pair<std::size_t, std::string>> field_columns;
    std::optional<std::size_t> type_col, flags_col, name_col;
    std::set<std::string> seen;
    for (std::size_t c = 1; c < range.cols(); ++c) {
        const Cell& h = range.at(0, c);
        if (h.kind() != Cell::Kind::Text)
            continue;
        const std::string code = fold(h.text());
        std::optional<std::size_t>* reserved = code == "type"    ? &type_col
                                               : code == "flags" ? &flags_col
                                               : code == "name"  ? &name_col
                                                                 : nullptr;
        if (reserved) {
            if (*reserved)
                return Result::invalid("column '" + code + "' appears twice in the table header");
            *reserved = c;
            continue;
        }
        const Field* f = catalogue.field(code);
        if (!f)
            continue;  // notes, computed columns: not ours
        if (!seen.insert(code).second)
            return Result::invalid("field " + code + " appears twice in the table header (" + column_place(c) + ")");
        field_columns.push_back({c, code});
        table.fields.push_back(code);
    }
    if (field_columns.empty())
        return Result::invalid("the table header holds no field code of the catalogue");
    if (auto direction = table_direction(catalogue, table.fields); std::holds_alternative<Result>(direction))
        return std::get<Result>(direction);
    else
        table.direction = std::get<std::string>(direction);

    // Without a type column: the one organisation type the fields concern.
    const std::string& municipal = catalogue.municipal_type().id;
    std::string default_type;
    if (!type_col) {
        std::set<std::string> types;
        for (const auto& [c, code] : field_columns)
            for (const auto& t : catalogue.field(code)->org_types)
                if (t != municipal)
                    types.insert(t);
        if (types.size() > 1)
            return Result::invalid("the table's fields concern several organisation types: it needs a 'type' column");
        default_type = types.empty() ? municipal : *types.begin();
    }

    for (std::size_t r = 1; r < range.rows(); ++r) {
        const auto code = organisation_code(range.at(r, 0));
        // Only the catalogue's fields hold figures: a note beside a blank row is no data.
        bool has_data = false;
        for (const auto& [c, field] : field_columns)
            has_data = has_data || !range.at(r, c).is_empty();
        if (!code) {
            if (range.at(r, 0).kind() == Cell::Kind::Error)
                return Result::invalid("error value as organisation code in " + row_place(r));
            if (has_data)
                return Result::invalid(row_place(r) + " has figures but no organisation code");
            table.row_codes.emplace_back();
            continue;  // a blank row
        }
        Organisation org;
        org.code = *code;
        if (type_col) {
            const Cell& t = range.at(r, *type_col);
            if (t.kind() != Cell::Kind::Text)
                return Result::invalid("no organisation type in " + row_place(r));
            const auto type = organisation_type(catalogue, t.text());
            if (!type)
                return Result::invalid("unknown organisation type in " + row_place(r) + "; expected " +
                                       expected_types(catalogue));
            org.type = *type;
        } else {
            org.type = is_municipality_code(org.code) ? municipal : default_type;
        }
        if (flags_col) {
            const Cell& fl = range.at(r, *flags_col);
            if (fl.kind() == Cell::Kind::Text) {
                std::string text = fl.text();
                std::size_t start = 0;
                while (start <= text.size()) {
                    std::size_t end = text.find_first_of(";,", start);
                    if (end == std::string::npos)
                        end = text.size();
                    const std::string item = text.substr(start, end - start);
                    if (!fold(item).empty()) {
                        const auto id = flag_id(catalogue, item);
                        if (!id)
                            return Result::invalid("unknown flag in " + row_place(r));
                        org.flags.push_back(*id);
                    }
                    start = end + 1;
                }
            } else if (!fl.is_empty()) {
                return Result::invalid("flags must be text in " + row_place(r));
            }
        }
        if (name_col && range.at(r, *name_col).kind() == Cell::Kind::Text)
            org.name = range.at(r, *name_col).text();
        if (!table.workbook.add(org))
            return Result::invalid("organisation code in " + row_place(r) + " appears twice in the table");
        table.organisations.push_back(org.code);
        table.row_codes.push_back(org.code);
        for (const auto& [c, field] : field_columns)
            table.workbook.set(org.code, field, range.at(r, c));
    }
    return table;
}

namespace {

// The first catalogue field the indicator needs that the table lacks.
std::optional<std::string> lacking_field(const Indicator& ind, const Table& table) {
    for (const auto& f : ind.compute.inputs())
        if (std::find(table.fields.begin(), table.fields.end(), f) == table.fields.end())
            return f;
    return std::nullopt;
}

}  // namespace

Result indicator_in_table(const Catalogue& catalogue, const Range& range, const std::string& id,
                          const std::optional<std::string>& organisation) {
    if (!catalogue.indicator(id))
        return Result::invalid("unknown indicator id");
    auto read = read_table(catalogue, range);
    if (auto* bad = std::get_if<Result>(&read))
        return *bad;
    return indicator_in_table(catalogue, std::get<Table>(read), id, organisation);
}

Result indicator_in_table(const Catalogue& catalogue, const Table& table, const std::string& id,
                          const std::optional<std::string>& organisation) {
    const Indicator* ind = catalogue.indicator(id);
    if (!ind)
        return Result::invalid("unknown indicator id");
    if (const auto lacking = lacking_field(*ind, table))
        return Result::invalid("indicator " + id + " needs field " + *lacking + ", which the table lacks");
    const Engine engine(catalogue, table.workbook);
    if (organisation) {
        if (!table.workbook.organisation(*organisation))
            return Result::invalid("the organisation code is not in the table");
        return engine.organisation(id, *organisation).result;
    }
    return engine.municipality(id).result;
}

std::variant<IndicatorGrid, Result> indicators_in_table(const Catalogue& catalogue, const Range& range) {
    auto read = read_table(catalogue, range);
    if (auto* bad = std::get_if<Result>(&read))
        return *bad;
    return indicators_in_table(catalogue, std::get<Table>(read));
}

IndicatorGrid indicators_in_table(const Catalogue& catalogue, const Table& table) {
    const Direction* direction = catalogue.direction(table.direction);
    IndicatorGrid grid;
    grid.indicators = direction->indicators;
    grid.rows = table.row_codes;
    grid.municipal_row = grid.rows.size();
    grid.rows.push_back("");
    const Engine engine(catalogue, table.workbook);
    for (std::size_t r = 0; r < grid.rows.size(); ++r) {
        const std::string& code = grid.rows[r];
        const bool municipal = r == grid.municipal_row;
        std::vector<Result> row;
        for (const auto& id : grid.indicators) {
            const Indicator& ind = *catalogue.indicator(id);
            // As MSOKO.INDICATOR: a field the table lacks is an error of the table, not missing data.
            if (const auto lacking = lacking_field(ind, table)) {
                row.push_back(
                    Result::invalid("indicator " + id + " needs field " + *lacking + ", which the table lacks"));
                continue;
            }
            if (municipal)
                row.push_back(engine.municipality(id).result);
            else if (code.empty())
                row.push_back(Result::missing("a blank row of the table"));
            else
                row.push_back(engine.organisation(id, code).result);
        }
        grid.values.push_back(std::move(row));
    }
    return grid;
}

std::size_t TableCache::cost(const Range& range) {
    std::size_t text = 0;
    for (const auto& c : range.cells())
        text += c.text().capacity();
    // The range kept as the key, and the table's own copy of its figures.
    return 2 * (range.size() * sizeof(Cell) + text) + sizeof(Kept);
}

TableCache::Entry TableCache::get(const Catalogue& catalogue, const Range& range) {
    {
        std::lock_guard lock(mutex_);
        for (auto it = entries_.begin(); it != entries_.end(); ++it) {
            if (it->catalogue == &catalogue && it->range == range) {
                entries_.splice(entries_.begin(), entries_, it);
                ++hits_;
                return entries_.front().entry;
            }
        }
    }
    // Read outside the lock: two threads may read the same table once each.
    auto entry = std::make_shared<const std::variant<Table, Result>>(read_table(catalogue, range));
    const std::size_t bytes = cost(range);
    if (bytes > max_bytes_)
        return entry;  // computed, not kept
    std::lock_guard lock(mutex_);
    entries_.push_front({&catalogue, range, entry, bytes});
    bytes_ += bytes;
    while (bytes_ > max_bytes_ && !entries_.empty()) {
        bytes_ -= entries_.back().bytes;
        entries_.pop_back();
    }
    return entry;
}

void TableCache::clear() {
    std::lock_guard lock(mutex_);
    entries_.clear();
    bytes_ = 0;
}

std::size_t TableCache::hits() const {
    std::lock_guard lock(mutex_);
    return hits_;
}

std::size_t TableCache::bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
}

Range without_trailing_empty_rows(Range range) {
    std::size_t rows = range.rows();
    while (rows > 1) {
        bool empty = true;
        for (std::size_t c = 0; c < range.cols() && empty; ++c)
            empty = range.at(rows - 1, c).is_empty();
        if (!empty)
            break;
        --rows;
    }
    if (rows == range.rows())
        return range;
    std::vector<Cell> cells(range.cells().begin(),
                            range.cells().begin() + static_cast<std::ptrdiff_t>(rows * range.cols()));
    return Range(rows, range.cols(), std::move(cells));
}

}  // namespace msoko
