// SPDX-License-Identifier: MPL-2.0
#include "msoko/form_reader.hpp"

#include "msoko/cell.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/table.hpp"
#include "msoko/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace msoko {

namespace {

bool is_yes(const Cell& c) {
    return c.kind() == Cell::Kind::Text && fold(c.text()) == "да";
}

// The flags of a direction row's «Признаки» («ШНОР; РЦ»), by their short titles.
std::vector<std::string> flags_of(const Catalogue& catalogue, const Cell& cell) {
    std::vector<std::string> out;
    if (cell.kind() != Cell::Kind::Text)
        return out;
    const std::string& text = cell.text();
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of(";,", start);
        if (end == std::string::npos)
            end = text.size();
        const std::string item = fold(text.substr(start, end - start));
        for (const auto& f : catalogue.flags)
            if (!item.empty() && (item == fold(f.short_title) || item == fold(f.id)))
                out.push_back(f.id);
        start = end + 1;
    }
    return out;
}

void read_passport(const FormLayout& layout, const SheetSnapshot& s, FormContents& out) {
    // Each item by its label in column A (where the contract puts it, when the label is not found).
    std::unordered_map<std::string, std::size_t> row_of_label;
    for (std::size_t r = 0; r < s.rows; ++r)
        if (const Cell& c = s.value(r, PassportLayout::kLabelColumn); c.kind() == Cell::Kind::Text)
            row_of_label.emplace(trim(c.text()), r);
    for (const auto& item : layout.passport.items) {
        const auto found = row_of_label.find(item.label);
        const std::size_t row = found != row_of_label.end() ? found->second : static_cast<std::size_t>(item.row);
        out.passport[item.key] = s.value(row, PassportLayout::kValueColumn);
    }
}

void read_register(const Catalogue& catalogue, const FormLayout& layout, const SheetSnapshot& s, Workbook& wb) {
    const auto column = [&](const char* key) { return static_cast<std::size_t>(layout.register_column(key)); };
    const std::size_t code_col = column("code"), name_col = column("name"), short_col = column("short"),
                      type_col = column("type");
    for (std::size_t r = FormLayout::kRegisterFirstRow; r < s.rows; ++r) {
        const auto code = organisation_code(s.value(r, code_col));
        if (!code)
            continue;
        const OrganisationType* type = catalogue.organisation_type_by_short(cell_text(s.value(r, type_col)));
        if (!type || type->id == layout.municipal_type)
            continue;  // a row of no type of the register: no organisation the form's tables compute with
        Organisation org;
        org.code = *code;
        org.name = trim(cell_text(s.value(r, short_col)));
        if (org.name.empty())
            org.name = trim(cell_text(s.value(r, name_col)));
        org.type = type->id;
        for (const auto& rc : layout.register_columns)
            if (rc.kind == RegisterColumn::Kind::Flag &&
                is_yes(s.value(r, static_cast<std::size_t>(layout.flag_column(rc.key)))))
                org.flags.push_back(rc.key);
        wb.add(std::move(org));  // a duplicate code: the first row counts (the check reports the second)
    }
}

void read_direction(const Catalogue& catalogue, const DirectionSheet& ds, const SheetSnapshot& s, Workbook& wb) {
    // The table's columns by their codes in the code row, wherever they are.
    std::unordered_map<std::string, std::size_t> col_of;
    for (std::size_t c = 0; c < s.cols; ++c)
        if (const Cell& h = s.value(DirectionSheet::kCodeRow, c); h.kind() == Cell::Kind::Text)
            col_of.emplace(trim(h.text()), c);
    const auto col = [&](const std::string& code) {
        const auto it = col_of.find(code);
        return it == col_of.end() ? s.cols : it->second;  // s.cols: no such column, an empty cell
    };
    const std::size_t code_col = col("code"), name_col = col("name"), type_col = col("type"), flags_col = col("flags");
    if (code_col == s.cols)
        return;
    for (std::size_t r = static_cast<std::size_t>(ds.first_row()); r < s.rows; ++r) {
        if (const Cell& label = s.value(r, 1); label.kind() == Cell::Kind::Text && label.text() == kTotalRowLabel)
            break;  // the municipal totals under the table: the form's sums
        const auto code = organisation_code(s.value(r, code_col));
        if (!code)
            continue;
        if (!wb.organisation(*code)) {
            // A row the register does not hold: as the table names it.
            const OrganisationType* type = catalogue.organisation_type_by_short(cell_text(s.value(r, type_col)));
            if (!type)
                continue;
            wb.add(
                {*code, trim(cell_text(s.value(r, name_col))), type->id, flags_of(catalogue, s.value(r, flags_col))});
        }
        for (const auto& fc : ds.columns) {
            if (fc.kind != FormColumn::Kind::Input)
                continue;  // linked fields are read on their own direction's sheet
            const Cell& v = s.value(r, col(fc.code));
            if (!v.is_empty())
                wb.set(*code, fc.code, v);
        }
    }
}

// How «Показатели» shows a value (the number formats of the form's value
// cells): «да»/«нет» for a municipal yes/no; whole numbers with thousands
// grouped for counts, sums and organisations counted with «да»; one decimal
// otherwise (percentages too).
int decimals_of(const IndicatorRow& row) {
    const Indicator& ind = *row.indicator;
    if (row.counted_flag)
        return 0;
    if (ind.unit == "%")
        return 1;
    const auto k = ind.compute.kind;
    return k == Computation::Kind::Count || k == Computation::Kind::Sum || k == Computation::Kind::Flag ? 0 : 1;
}

// Rounded as Calc shows a number: half away from zero, on the decimal the
// binary value stands for (21.25 → 21.3; 1.005 → 1.01, not 1.00).
std::string rounded_digits(double v, int decimals) {
    const double scale = std::pow(10.0, decimals);
    const double scaled = v * scale;
    if (!std::isfinite(scaled) || std::abs(scaled) >= 1e15) {
        char buf[400];
        std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
        return buf;
    }
    double whole = std::trunc(scaled);
    const double rest = std::abs(scaled - whole);
    if (rest > 0.5 - 1e-9 * std::max(1.0, std::abs(scaled)))
        whole += scaled < 0 ? -1 : 1;
    const long long n = static_cast<long long>(whole);
    std::string digits = std::to_string(n < 0 ? -n : n);
    if (decimals > 0) {
        const std::size_t d = static_cast<std::size_t>(decimals);
        if (digits.size() <= d)
            digits.insert(0, d + 1 - digits.size(), '0');
        digits.insert(digits.size() - d, ".");
    }
    return (n < 0 ? "-" : "") + digits;
}

std::string number_text(double v, int decimals, bool english) {
    const std::string digits = rounded_digits(v, decimals);
    std::string out;
    const std::size_t point = digits.find('.');
    const std::string whole = digits.substr(0, point),
                      fraction = point == std::string::npos ? "" : digits.substr(point + 1);
    // Thousands grouped only in whole numbers (the form's integer format);
    // a Russian office groups with a no-break space.
    const std::string group = decimals == 0 ? (english ? "," : "\u00A0") : "";
    const std::size_t sign = !whole.empty() && whole[0] == '-' ? 1 : 0;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        out += whole[i];
        const std::size_t left = whole.size() - i - 1;
        if (i >= sign && left > 0 && left % 3 == 0)
            out += group;
    }
    if (!fraction.empty())
        out += (english ? "." : ",") + fraction;
    return out.find_first_not_of("-0.,") == std::string::npos && out[0] == '-' ? out.substr(1) : out;
}

// The table as the form's named range holds it: the code row, then every row
// above the totals row, the form's columns.
void read_table_of(const Catalogue& catalogue, const DirectionSheet& ds, const SheetSnapshot& s, FormContents& out) {
    std::size_t last = s.rows;  // the row above the totals, or the sheet's last
    for (std::size_t r = static_cast<std::size_t>(ds.first_row()); r < s.rows; ++r)
        if (const Cell& label = s.value(r, 1); label.kind() == Cell::Kind::Text && label.text() == kTotalRowLabel) {
            last = r;
            break;
        }
    const std::size_t first = static_cast<std::size_t>(DirectionSheet::kCodeRow);
    const std::size_t rows = last > first ? last - first : 1, cols = ds.columns.size();
    std::vector<Cell> cells;
    cells.reserve(rows * cols);
    bool error_value = false;
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cols; ++c) {
            cells.push_back(s.value(first + r, c));
            error_value = error_value || cells.back().kind() == Cell::Kind::Error;
        }
    if (error_value)
        out.tables_with_error_values.push_back(ds.direction->id);
    out.tables.emplace(ds.direction->id, read_table(catalogue, Range(rows, cols, std::move(cells))));
}

}  // namespace

std::string FormContents::passport_text(const std::string& key) const {
    const auto it = passport.find(key);
    return it == passport.end() ? std::string() : cell_text(it->second);
}

FormContents read_form(const Catalogue& catalogue, const WorkbookSnapshot& snapshot) {
    const FormLayout layout = form_layout(catalogue, {});
    FormContents out;
    if (const SheetSnapshot* passport = snapshot.sheet(kPassportSheet))
        read_passport(layout, *passport, out);
    if (const SheetSnapshot* reg = snapshot.sheet(kRegisterSheet))
        read_register(catalogue, layout, *reg, out.workbook);
    out.workbook.add({kMunicipalityCode, kMunicipalityName, layout.municipal_type, {}});
    for (const auto& ds : layout.directions) {
        const SheetSnapshot* s = snapshot.sheet(ds.sheet);
        if (!s) {
            out.missing_sheets.push_back(ds.sheet);
            continue;
        }
        read_direction(catalogue, ds, *s, out.workbook);
        read_table_of(catalogue, ds, *s, out);
    }
    return out;
}

std::vector<FormIndicator> form_indicators(const Catalogue& catalogue, const FormContents& form) {
    std::vector<FormIndicator> out;
    out.reserve(catalogue.indicators.size());
    for (const auto& ind : catalogue.indicators) {
        FormIndicator fi{&ind, {}, 0};
        const auto table = form.tables.find(ind.direction);
        const auto& with_errors = form.tables_with_error_values;
        if (table == form.tables.end()) {
            fi.value.result = Result::invalid("the direction's sheet is missing");
            fi.error = 524;
        } else if (std::find(with_errors.begin(), with_errors.end(), ind.direction) != with_errors.end()) {
            fi.value.result = Result::invalid("the direction's table holds an error value");
            fi.error = 504;
        } else if (const auto* bad = std::get_if<Result>(&table->second)) {
            fi.value.result = *bad;
        } else {
            fi.value.result = indicator_in_table(catalogue, std::get<Table>(table->second), ind.id, std::nullopt);
        }
        if (fi.value.result.status() == Result::Status::Invalid && fi.error == 0)
            fi.error = 502;
        out.push_back(std::move(fi));
    }
    return out;
}

std::vector<FormIndicator> form_indicators(const Catalogue& catalogue, const Workbook& workbook) {
    const Engine engine(catalogue, workbook);
    std::vector<FormIndicator> out;
    out.reserve(catalogue.indicators.size());
    for (const auto& ind : catalogue.indicators) {
        FormIndicator fi{&ind, engine.municipality(ind.id), 0};
        if (fi.value.result.status() == Result::Status::Invalid)
            fi.error = 502;
        out.push_back(std::move(fi));
    }
    return out;
}

std::string shown_value(const IndicatorRow& row, const Result& result, bool english, int error) {
    switch (result.status()) {
        case Result::Status::Value:
            if (row.yes_no)
                return result.value() == 0 ? "нет" : "да";
            return number_text(result.value(), decimals_of(row), english);
        case Result::Status::NotApplicable:
        case Result::Status::MissingData:
            return english ? "#N/A" : "#Н/Д";
        case Result::Status::Invalid:
            break;
    }
    if (error == 524)
        return english ? "#REF!" : "#ССЫЛКА!";
    return (english ? "Err:" : "Ошибка:") + std::to_string(error);
}

bool is_frozen_copy(const WorkbookSnapshot& snapshot) {
    const SheetSnapshot* passport = snapshot.sheet(kPassportSheet);
    if (!passport)
        return false;
    for (std::size_t r = 0; r < passport->rows; ++r) {
        const Cell& label = passport->value(r, PassportLayout::kLabelColumn);
        if (label.kind() == Cell::Kind::Text && trim(label.text()) == PassportStamp::kHeading)
            return true;
    }
    return false;
}

std::string not_a_form_message() {
    return std::string("книга не является формой сбора данных МСОКО: нет листа «") + kPassportSheet +
           "» с кодом каталога показателей или листа «" + kRegisterSheet + "»";
}

}  // namespace msoko
