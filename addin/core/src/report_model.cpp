// SPDX-License-Identifier: MPL-2.0
#include "msoko/report_model.hpp"

#include "msoko/form.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/text.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace msoko {

namespace {

// 99.4 → «99,4», as Russian readers write it.
std::string decimal_comma(std::string s) {
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

// Display width of UTF-8 text in a terminal: its code points (enough for
// Cyrillic and Latin).
std::size_t width(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string pad(const std::string& s, std::size_t w) {
    const std::size_t n = width(s);
    return s + std::string(w > n ? w - n : 0, ' ');
}

// «31,178518150174» → 31.178518150174 and its number of decimals; nothing
// for a text that is not a plain decimal number.
bool read_decimal(const std::string& text, double& v, std::size_t& decimals) {
    std::string s = text;
    std::replace(s.begin(), s.end(), ',', '.');
    if (s.empty() || s.find_first_not_of("-0123456789.") != std::string::npos)
        return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size())
        return false;
    const std::size_t point = s.find('.');
    decimals = point == std::string::npos ? 0 : s.size() - point - 1;
    return true;
}

// A value the form computes, rounded as the form shows it: 31,178518150174
// as «31,2» for a share. A value with no more decimals than that stays as it is.
std::string rounded(const std::string& value, int places) {
    double v = 0;
    std::size_t decimals = 0;
    if (!read_decimal(value, v, decimals) || decimals <= static_cast<std::size_t>(places))
        return value;
    std::ostringstream out;
    out << std::fixed << std::setprecision(places) << v;
    std::string s = out.str();
    if (s.find_first_not_of("-0.") == std::string::npos && !s.empty() && s[0] == '-')
        s.erase(0, 1);  // «-0,0» reads as «0,0»
    return decimal_comma(s);
}

// The kinds whose value is an indicator's computed value (not a typed one).
bool computed_value(const std::string& kind) {
    return kind == "plausibility.dynamics" || kind == "plausibility.outlier";
}

}  // namespace

int indicator_decimals(const Indicator& indicator) {
    if (indicator.unit == "%")
        return 1;
    if (indicator.unit == "да/нет")
        return 0;
    switch (indicator.compute.kind) {
        case Computation::Kind::Count:
        case Computation::Kind::Sum:
        case Computation::Kind::Flag:
            return 0;
        default:
            return 1;
    }
}

std::string field_title(const Catalogue& catalogue, const std::string& sheet, const std::string& field) {
    if (field.empty())
        return {};
    if (sheet == kProceduresSheet) {  // a column of «Процедуры оценки» by its key
        for (int c = 0; c < ProceduresColumns::kCount; ++c)
            if (field == ProceduresColumns::key(c))
                return ProceduresColumns::head(c);
        return {};
    }
    if (const Field* f = catalogue.field(field))
        return f->title;
    if (const Indicator* i = catalogue.indicator(field))
        return i->title;
    if (sheet == kRegisterSheet) {
        for (const auto& c : form_layout(catalogue, {}).register_columns)
            if (c.key == field)
                return c.label;
    }
    if (sheet == kPassportSheet) {
        if (const char* label = PassportLayout::label_of(field))
            return label;
    }
    // The fixed columns of a direction table.
    const std::pair<const char*, const char*> fixed[] = {{"code", "Код организации"},
                                                         {"name", "Наименование организации"},
                                                         {"type", "Тип организации"},
                                                         {"flags", "Признаки организации"}};
    for (const auto& [code, title] : fixed)
        if (field == code)
            return title;
    return {};
}

const char* severity_key(Severity s) {
    switch (s) {
        case Severity::Error:
            return "error";
        case Severity::Warning:
            return "warning";
        case Severity::Info:
            return "info";
    }
    return "";
}

ReportModel report_model(const ValidationReport& report) {
    ReportModel m;
    m.title = "Проверка формы перед отправкой";
    m.summary = report.summary();
    m.ready = report.ready();
    m.errors = report.count(Severity::Error);
    m.warnings = report.count(Severity::Warning);
    m.notes = report.count(Severity::Info);
    m.completeness_title = "Заполненность обязательных полей по направлениям";
    m.completeness_header = {"Лист", "Полей", "Заполнено", "%"};
    for (const auto& c : report.completeness) {
        CompletenessRow row;
        row.direction = c.direction;
        row.sheet = c.sheet;
        row.required = c.required;
        row.filled = c.filled;
        row.percent = std::round(c.percent() * 10) / 10;
        row.percent_text = decimal_comma(format_number(row.percent));
        m.completeness.push_back(std::move(row));
    }
    m.finding_header = {"№",   "Уровень",  "Лист",      "Ячейка",    "Организация",   "Поле",
                        "Код", "Значение", "Сообщение", "Пояснение", "Что проверено", "Правило"};
    std::size_t number = 0;
    for (const auto& f : report.findings) {
        ReportRow row;
        row.number = ++number;
        row.severity = f.severity;
        row.severity_text = severity_name(f.severity);
        row.sheet = f.sheet;
        row.row = f.row;
        row.col = f.col;
        if (f.row >= 0) {
            // A finding about a whole row points at its first cell.
            row.cell = f.col >= 0 ? cell_address(f.row, f.col) : "A" + std::to_string(f.row + 1);
            row.link = "#$'" + f.sheet + "'." + row.cell;
        }
        row.organisation = f.organisation;
        row.field = f.field;
        row.value = f.value;
        row.message = f.message;
        row.rule = f.rule;
        row.kind = f.kind;
        if (const FindingKind* k = finding_kind(f.kind))
            row.kind_text = k->description;
        row.id = f.id.empty() ? f.rule : f.id;
        row.more = f.more;
        m.rows.push_back(std::move(row));
    }
    m.unmarked_sheets = report.unmarked_sheets;
    return m;
}

ReportModel report_model(const ValidationReport& report, const Catalogue& catalogue) {
    ReportModel m = report_model(report);
    for (auto& row : m.rows) {
        row.field_title = field_title(catalogue, row.sheet, row.field);
        if (const Indicator* i = catalogue.indicator(row.field); i && computed_value(row.kind))
            row.value = rounded(row.value, indicator_decimals(*i));
    }
    return m;
}

std::string report_text(const ReportModel& model, const std::string& workbook) {
    std::ostringstream out;
    out << "Проверка формы: " << workbook << "\n" << model.summary << "\n";
    if (!model.completeness.empty()) {
        out << "\nЗаполненность обязательных полей:\n";
        for (const auto& c : model.completeness)
            out << "  " << pad(truncate_utf8(c.sheet, 40), 42) << std::setw(6) << c.percent_text << " %\n";
    }
    if (!model.rows.empty())
        out << "\n";
    for (const auto& r : model.rows) {
        const std::string place = r.cell.empty() ? r.sheet : r.sheet + "!" + r.cell;
        out << pad(r.severity_text, 15) << " " << place << "\n    " << r.message << " [" << r.rule << "]\n";
        if (!r.explanation.empty())
            out << "    Пояснение: " << r.explanation << "\n";
    }
    return out.str();
}

std::string report_tsv(const ReportModel& model) {
    auto field = [](const std::string& s) {
        std::string out;
        for (char ch : s)
            out += ch == '\t'   ? std::string("\\t")
                   : ch == '\n' ? std::string("\\n")
                   : ch == '\r' ? std::string("\\r")
                                : std::string(1, ch);
        return out;
    };
    std::string out;
    for (const auto& r : model.rows) {
        for (const std::string* s :
             {&r.severity_text, &r.sheet, &r.cell, &r.organisation, &r.field, &r.value, &r.message})
            out += field(*s) + "\t";
        out += field(r.rule) + "\t" + field(r.explanation) + "\n";
    }
    return out;
}

std::string report_json(const ReportModel& model, const std::string& workbook) {
    namespace json = boost::json;
    json::object root;
    root["format"] = "msoko-check-report/1";
    root["workbook"] = workbook;
    root["summary"] = model.summary;
    root["ready"] = model.ready;
    root["counts"] = {{"errors", model.errors}, {"warnings", model.warnings}, {"notes", model.notes}};
    json::array completeness;
    for (const auto& c : model.completeness)
        completeness.push_back({{"direction", c.direction},
                                {"sheet", c.sheet},
                                {"required", c.required},
                                {"filled", c.filled},
                                {"percent", c.percent}});
    root["completeness"] = std::move(completeness);
    json::array findings;
    for (const auto& r : model.rows) {
        json::object f;
        f["number"] = r.number;
        f["severity"] = severity_key(r.severity);
        f["severity_text"] = r.severity_text;
        f["sheet"] = r.sheet;
        f["cell"] = r.cell.empty() ? json::value(nullptr) : json::value(r.cell);
        f["row"] = r.row >= 0 ? json::value(r.row + 1) : json::value(nullptr);
        f["column"] = r.col >= 0 ? json::value(r.col + 1) : json::value(nullptr);
        f["organisation"] = r.organisation;
        f["field"] = r.field;
        f["field_title"] = r.field_title;
        f["value"] = r.value;
        f["message"] = r.message;
        f["rule"] = r.rule;
        f["kind"] = r.kind;
        f["kind_text"] = r.kind_text;
        f["id"] = r.id;
        f["more"] = r.more;
        f["explanation"] = r.explanation;
        findings.push_back(std::move(f));
    }
    root["findings"] = std::move(findings);
    json::array unmarked;
    for (const auto& s : model.unmarked_sheets)
        unmarked.push_back(json::value(s));
    root["unmarked_sheets"] = std::move(unmarked);
    return json::serialize(root);
}

}  // namespace msoko
