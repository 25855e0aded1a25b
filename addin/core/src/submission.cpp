// SPDX-License-Identifier: MPL-2.0
#include "msoko/submission.hpp"

#include "msoko/cell.hpp"
#include "msoko/engine.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/form_reader.hpp"
#include "msoko/text.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <stdexcept>

namespace msoko {

namespace {

// A spreadsheet's date serial (days since 1899-12-30) as an ISO 8601 date;
// the days to a civil date by H. Hinnant's algorithm.
std::string iso_date(double serial) {
    if (!std::isfinite(serial) || serial < 1 || serial > 2958465)  // 1899-12-31 … 9999-12-31
        return format_number(serial);
    const long long z = static_cast<long long>(std::floor(serial)) - 25569 + 719468;  // days since 0000-03-01
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const long long d = doy - (153 * mp + 2) / 5 + 1;
    const long long m = mp < 10 ? mp + 3 : mp - 9;
    const long long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char buf[80];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
    return buf;
}

// A cell typed as a date: ISO 8601 when it holds a date number, else as typed.
std::string date_text(const Cell& c) {
    return c.kind() == Cell::Kind::Number ? iso_date(c.number()) : trim(cell_text(c));
}

// Rounded to one decimal as Calc shows a number: half away from zero, on the
// decimal the binary value stands for (1.45 → 1.5 though the double is 1.4499…).
double shown_round(double v) {
    const double scaled = v * 10;
    if (!std::isfinite(scaled) || std::fabs(scaled) >= 1e15)
        return v;
    double whole = std::trunc(scaled);
    if (std::fabs(scaled - whole) > 0.5 - 1e-9 * std::max(1.0, std::fabs(scaled)))
        whole += scaled < 0 ? -1 : 1;
    return whole / 10;
}

bool same_value(double a, double b) {
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a));
}

// Why a municipal value is invalid, for an error of the form's own (no sheet,
// an error value in the table), in Russian like the engine's reasons.
std::string form_reason(const FormIndicator& fi) {
    if (fi.error == 524)
        return "в книге нет листа направления";
    if (fi.error == 504)
        return "в таблице направления есть ячейка с ошибкой";
    return fi.value.result.reason();
}

// The row of an indicator on «Показатели», by its id in the «Код» column
// (where the form put it, when the id is not found).
std::size_t indicators_row(const SheetSnapshot& s, const std::string& id, int layout_row) {
    for (std::size_t r = IndicatorsColumns::kFirstRow; r < s.rows; ++r)
        if (const Cell& c = s.value(r, IndicatorsColumns::kId); c.kind() == Cell::Kind::Text && trim(c.text()) == id)
            return r;
    return static_cast<std::size_t>(layout_row);
}

bool in_scope(const Indicator& ind, const Organisation& org) {
    return ind.scope_flags.empty() || std::any_of(ind.scope_flags.begin(), ind.scope_flags.end(),
                                                  [&](const std::string& f) { return org.has_flag(f); });
}

bool about(const Catalogue& catalogue, const Indicator& ind, const SubmissionWarning& w) {
    if (w.field.empty())
        return false;
    if (w.field == ind.id)
        return true;
    const Direction* d = catalogue.direction(ind.direction);
    if (!d || w.sheet != direction_sheet_name(*d))
        return false;
    const auto inputs = ind.compute.inputs();
    return std::find(inputs.begin(), inputs.end(), w.field) != inputs.end();
}

}  // namespace

const char* status_key(Result::Status status) {
    switch (status) {
        case Result::Status::Value:
            return "value";
        case Result::Status::NotApplicable:
            return "not_applicable";
        case Result::Status::MissingData:
            return "missing_data";
        case Result::Status::Invalid:
            break;
    }
    return "invalid";
}

const char* status_text(Result::Status status) {
    switch (status) {
        case Result::Status::Value:
            return "значение";
        case Result::Status::NotApplicable:
            return "не применимо";
        case Result::Status::MissingData:
            return "нет данных";
        case Result::Status::Invalid:
            break;
    }
    return "ошибка в данных";
}

SubmissionFigures submission_figures(const Catalogue& catalogue, const WorkbookSnapshot& snapshot,
                                     const ReportModel& explained) {
    SubmissionFigures out;
    out.catalogue_id = catalogue.info.id;
    out.catalogue_version = catalogue.info.version;
    out.catalogue_title = catalogue.info.title;

    const FormContents form = read_form(catalogue, snapshot);
    // The catalogue the form was made from, as its passport says, when it says (a form of another
    // version is then told apart by whoever reads the figures, the region first).
    if (const std::string id = trim(form.passport_text(kPassportCatalogueId)); !id.empty())
        out.catalogue_id = id;
    if (const std::string version = trim(form.passport_text(kPassportCatalogueVersion)); !version.empty())
        out.catalogue_version = version;
    out.municipality = trim(form.passport_text("municipality"));
    out.region = trim(form.passport_text("region"));
    out.period = trim(form.passport_text(kPassportPeriod));
    out.responsible = trim(form.passport_text("responsible"));
    out.position = trim(form.passport_text("position"));
    out.phone = trim(form.passport_text("phone"));
    out.email = trim(form.passport_text("email"));
    if (const auto date = form.passport.find("date"); date != form.passport.end())
        out.filled_on = date_text(date->second);

    out.check_summary = explained.summary;
    out.ready = explained.ready;
    out.errors = explained.errors;
    out.warnings_count = explained.warnings;
    out.notes = explained.notes;
    for (const ReportRow& r : explained.rows) {
        if (r.severity != Severity::Warning)
            continue;
        out.warnings.push_back({r.number, r.kind, r.rule, r.sheet, r.cell, r.organisation, r.field, r.field_title,
                                r.value, r.message, r.explanation, r.more});
    }

    out.procedures = read_procedures(catalogue, snapshot);
    const FormLayout layout = form_layout(catalogue, {});
    const Engine engine(catalogue, form.workbook);
    const std::vector<FormIndicator> municipal = form_indicators(catalogue, form);
    const SheetSnapshot* shown = snapshot.sheet(kIndicatorsSheet);
    const std::string& municipal_type = catalogue.municipal_type().id;
    out.indicators.reserve(municipal.size());
    for (const FormIndicator& fi : municipal) {
        const Indicator& ind = *fi.indicator;
        const IndicatorRow& row = *layout.indicator_row(ind.id);
        IndicatorFigures f;
        f.id = ind.id;
        f.direction = ind.direction;
        f.title = ind.title;
        f.variant_of = ind.variant_of;
        f.label = ind.label;
        f.unit = ind.unit;
        f.municipal_unit = row.unit;
        f.decimals = row.counted_flag ? 0 : indicator_decimals(ind);

        const Result& value = fi.value.result;
        f.status = value.status();
        if (value.has_value())
            f.value = value.value();
        else
            f.reason = form_reason(fi);
        f.shown = shown_value(row, value, false, fi.error ? fi.error : 502);
        // The sums and the organisations in them, from the engine over the
        // whole form: only when it computes the form's value (a table the
        // form cannot pass gives none).
        const IndicatorResult sums = engine.municipality(ind.id);
        if (sums.result.status() == value.status() &&
            (!value.has_value() || same_value(sums.result.value(), value.value()))) {
            f.numerator = sums.numerator;
            f.denominator = sums.denominator;
            f.included = sums.included;
            f.left_out = sums.left_out;
            f.invalid = sums.invalid;
        }

        for (const Organisation& org : form.workbook.organisations()) {
            if (org.type == municipal_type || !ind.concerns(org.type) || !in_scope(ind, org))
                continue;
            const IndicatorResult r = engine.organisation(ind.id, org.code);
            OrganisationFigure of;
            of.code = org.code;
            of.name = org.name;
            of.type = org.type;
            if (const OrganisationType* t = catalogue.organisation_type(org.type))
                of.type_short = t->short_title;
            of.status = r.result.status();
            if (r.result.has_value())
                of.value = r.result.value();
            else
                of.reason = r.result.reason();
            of.numerator = r.numerator;
            of.denominator = r.denominator;
            of.missing_fields = r.missing_fields;
            f.organisations.push_back(std::move(of));
        }

        const std::size_t r = shown ? indicators_row(*shown, ind.id, row.row) : 0;
        if (shown && row.role(IndicatorsColumns::kLastYear) == CellRole::Typed) {
            const Cell& last = shown->value(r, IndicatorsColumns::kLastYear);
            if (last.kind() == Cell::Kind::Number)
                f.last_year = last.number();
            else if (last.kind() == Cell::Kind::Text && !trim(last.text()).empty())
                f.last_year = last.text();
            if (f.value && last.kind() == Cell::Kind::Number)
                f.dynamics = shown_round(*f.value - last.number());
        }
        if (row.evidence == IndicatorRow::Evidence::Typed && shown) {
            f.evidence = FlagEvidence{trim(cell_text(shown->value(r, IndicatorsColumns::kDocument))),
                                      date_text(shown->value(r, IndicatorsColumns::kDate)),
                                      trim(cell_text(shown->value(r, IndicatorsColumns::kLink)))};
        } else if (row.evidence == IndicatorRow::Evidence::Shown) {
            // The documents are fields of the direction's municipal row.
            const auto field = [&](int k) -> const Cell& {
                static const Cell none;
                const Field* ef = row.evidence_fields[k];
                return ef ? form.workbook.value(kMunicipalityCode, ef->id) : none;
            };
            f.evidence = FlagEvidence{trim(cell_text(field(0))), date_text(field(1)), trim(cell_text(field(2)))};
        }

        for (std::size_t w = 0; w < out.warnings.size(); ++w)
            if (about(catalogue, ind, out.warnings[w]))
                f.warnings.push_back(w);
        out.indicators.push_back(std::move(f));
    }
    return out;
}

// --- indicators.json ------------------------------------------------------------

namespace {

namespace json = boost::json;

// A number as JSON: a whole number as an integer (113, not 1.13E2), any other
// as the double it is; null for none (or a value no JSON number can hold).
json::value number(std::optional<double> v) {
    if (!v || !std::isfinite(*v))
        return nullptr;
    if (std::trunc(*v) == *v && std::fabs(*v) < 9007199254740992.0)
        return static_cast<std::int64_t>(*v == 0 ? 0 : *v);
    return *v;
}

json::value text_or_null(const std::string& s) {
    return s.empty() ? json::value(nullptr) : json::value(s);
}

json::array strings(const std::vector<std::string>& v) {
    json::array a;
    for (const auto& s : v)
        a.push_back(json::value(s));
    return a;
}

}  // namespace

std::string submission_json(const SubmissionFigures& figures, const SubmissionMeta& meta) {
    json::object root;
    root["format"] = "msoko-submission/1";
    root["prepared_at"] = meta.prepared_at;
    root["extension_version"] = meta.extension_version;
    root["form_file"] = meta.form_file;
    root["catalogue"] = {
        {"id", figures.catalogue_id}, {"version", figures.catalogue_version}, {"title", figures.catalogue_title}};
    root["municipality"] = figures.municipality;
    root["region"] = figures.region;
    root["period"] = figures.period;
    root["responsible"] = {{"name", figures.responsible},
                           {"position", figures.position},
                           {"phone", figures.phone},
                           {"email", figures.email}};
    root["filled_on"] = text_or_null(figures.filled_on);
    root["check"] = {{"summary", figures.check_summary},
                     {"ready", figures.ready},
                     {"errors", figures.errors},
                     {"warnings", figures.warnings_count},
                     {"notes", figures.notes}};

    json::array warnings;
    for (const SubmissionWarning& w : figures.warnings)
        warnings.push_back({{"number", w.number},
                            {"kind", w.kind},
                            {"rule", w.rule},
                            {"sheet", w.sheet},
                            {"cell", text_or_null(w.cell)},
                            {"organisation", text_or_null(w.organisation)},
                            {"field", text_or_null(w.field)},
                            {"field_title", w.field_title},
                            {"value", w.value},
                            {"message", w.message},
                            {"explanation", w.explanation},
                            {"more", w.more}});

    json::array indicators;
    for (const IndicatorFigures& f : figures.indicators) {
        json::object o;
        o["id"] = f.id;
        o["direction"] = f.direction;
        o["title"] = f.title;
        o["variant_of"] = text_or_null(f.variant_of);
        o["label"] = text_or_null(f.label);
        o["unit"] = f.unit;
        o["municipal_unit"] = f.municipal_unit;
        o["decimals"] = f.decimals;
        o["status"] = status_key(f.status);
        o["value"] = number(f.value);
        o["shown"] = f.shown;
        o["reason"] = text_or_null(f.reason);
        o["numerator"] = number(f.numerator);
        o["denominator"] = number(f.denominator);
        o["included"] = strings(f.included);
        o["left_out"] = strings(f.left_out);
        o["invalid"] = strings(f.invalid);
        json::array orgs;
        for (const OrganisationFigure& of : f.organisations)
            orgs.push_back({{"code", of.code},
                            {"name", of.name},
                            {"type", of.type},
                            {"type_short", of.type_short},
                            {"status", status_key(of.status)},
                            {"value", number(of.value)},
                            {"reason", text_or_null(of.reason)},
                            {"numerator", number(of.numerator)},
                            {"denominator", number(of.denominator)},
                            {"missing_fields", strings(of.missing_fields)}});
        o["organisations"] = std::move(orgs);
        if (const auto* n = std::get_if<double>(&f.last_year))
            o["last_year"] = number(*n);
        else if (const auto* s = std::get_if<std::string>(&f.last_year))
            o["last_year"] = *s;
        else
            o["last_year"] = nullptr;
        o["dynamics"] = number(f.dynamics);
        if (f.evidence)
            o["evidence"] = {
                {"document", f.evidence->document}, {"date", f.evidence->date}, {"link", f.evidence->link}};
        else
            o["evidence"] = nullptr;
        json::array about;
        for (const std::size_t w : f.warnings) {
            const SubmissionWarning& sw = figures.warnings[w];
            about.push_back({{"number", sw.number},
                             {"organisation", text_or_null(sw.organisation)},
                             {"message", sw.message},
                             {"explanation", sw.explanation}});
        }
        o["warnings"] = std::move(about);
        indicators.push_back(std::move(o));
    }
    root["indicators"] = std::move(indicators);
    root["warnings"] = std::move(warnings);
    json::array procedures;
    for (const Procedure& p : figures.procedures)
        procedures.push_back({{"row", p.row + 1},
                              {"name", p.name},
                              {"object", p.object},
                              {"direction", text_or_null(p.direction)},
                              {"level", p.level},
                              {"method", p.method},
                              {"frequency", p.frequency},
                              {"participants", p.participants},
                              {"conducted_by", p.conducted_by},
                              {"document", p.document},
                              {"document_date", text_or_null(p.document_date)},
                              {"use", p.use}});
    root["procedures"] = std::move(procedures);
    return json::serialize(root) + "\n";
}

std::vector<Procedure> submission_procedures(const std::string& indicators_json) {
    json::error_code ec;
    const json::value root = json::parse(indicators_json, ec);
    if (ec || !root.is_object())
        throw std::runtime_error("indicators.json: not a JSON object");
    std::vector<Procedure> out;
    const json::value* list = root.as_object().if_contains("procedures");
    if (!list || list->is_null())
        return out;
    if (!list->is_array())
        throw std::runtime_error("indicators.json: \"procedures\" is not a list");
    for (const json::value& v : list->as_array()) {
        if (!v.is_object())
            throw std::runtime_error("indicators.json: a procedure is not an object");
        const json::object& o = v.as_object();
        const auto text = [&](const char* key) {
            const json::value* m = o.if_contains(key);
            return m && m->is_string() ? std::string(m->as_string()) : std::string();
        };
        Procedure p;
        const json::value* row = o.if_contains("row");
        p.row = row && row->is_int64() && row->as_int64() > 0 && row->as_int64() < (1 << 30)
                    ? static_cast<int>(row->as_int64()) - 1
                    : -1;
        p.name = text("name");
        p.object = text("object");
        p.direction = text("direction");
        p.level = text("level");
        p.method = text("method");
        p.frequency = text("frequency");
        p.participants = text("participants");
        p.conducted_by = text("conducted_by");
        p.document = text("document");
        p.document_date = text("document_date");
        p.use = text("use");
        out.push_back(std::move(p));
    }
    return out;
}

// --- indicators.csv ----------------------------------------------------------------

namespace {

// A number with a decimal comma, as few digits as give the double back (no
// exponent, no thousands separator); empty for none.
std::string csv_number(std::optional<double> v) {
    if (!v || !std::isfinite(*v))
        return {};
    const double x = *v == 0 ? 0.0 : *v;  // no «-0»
    std::array<char, 400> buf{};
    const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), x, std::chars_format::fixed);
    std::string s = ec == std::errc() ? std::string(buf.data(), end) : format_number(x);
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string last_year_text(const IndicatorFigures& f) {
    if (const auto* n = std::get_if<double>(&f.last_year))
        return csv_number(*n);
    if (const auto* s = std::get_if<std::string>(&f.last_year))
        return *s;
    return {};
}

}  // namespace

std::string csv_field(const std::string& text, bool number) {
    std::string s = text;
    if (!number && !s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos)
        s.insert(0, "'");
    if (s.find_first_of(";\"\r\n") == std::string::npos)
        return s;
    std::string quoted = "\"";
    for (const char c : s) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string submission_csv(const SubmissionFigures& figures) {
    struct Column {
        std::string text;
        bool number;
    };
    std::string out = "\xEF\xBB\xBF";  // the BOM: Excel reads the file as UTF-8
    const auto line = [&out](const std::vector<Column>& columns) {
        for (std::size_t i = 0; i < columns.size(); ++i)
            out += (i ? ";" : "") + csv_field(columns[i].text, columns[i].number);
        out += "\r\n";
    };
    line({{"Код показателя", false},
          {"Показатель", false},
          {"Единица", false},
          {"Код организации", false},
          {"Организация", false},
          {"Значение", false},
          {"Статус", false},
          {"Причина", false},
          {"Числитель", false},
          {"Знаменатель", false},
          {"Прошлый год", false},
          {"Динамика", false},
          {"Пояснение", false}});
    // The explanations of an indicator's warnings about one organisation (or,
    // with "", about the municipality: warnings naming none or «УО»).
    const auto explanations = [&](const IndicatorFigures& f, const std::string& code) {
        std::vector<std::string> texts;
        for (const std::size_t w : f.warnings) {
            const SubmissionWarning& sw = figures.warnings[w];
            const bool municipal = sw.organisation.empty() || sw.organisation == kMunicipalityCode;
            if ((code.empty() ? municipal : sw.organisation == code) && !trim(sw.explanation).empty() &&
                std::find(texts.begin(), texts.end(), sw.explanation) == texts.end())
                texts.push_back(sw.explanation);
        }
        return join(texts, "; ");
    };
    const std::string municipality = figures.municipality.empty() ? kMunicipalityName : figures.municipality;
    for (const IndicatorFigures& f : figures.indicators) {
        line({{f.id, false},
              {f.title, false},
              {f.municipal_unit, false},
              {kMunicipalityCode, false},
              {municipality, false},
              {csv_number(f.value), true},
              {status_text(f.status), false},
              {f.reason, false},
              {csv_number(f.numerator), true},
              {csv_number(f.denominator), true},
              {last_year_text(f), std::holds_alternative<double>(f.last_year)},
              {csv_number(f.dynamics), true},
              {explanations(f, ""), false}});
        for (const OrganisationFigure& of : f.organisations)
            line({{f.id, false},
                  {f.title, false},
                  {f.unit, false},
                  {of.code, false},
                  {of.name, false},
                  {csv_number(of.value), true},
                  {status_text(of.status), false},
                  {of.reason, false},
                  {csv_number(of.numerator), true},
                  {csv_number(of.denominator), true},
                  {"", true},
                  {"", true},
                  {explanations(f, of.code), false}});
    }
    return out;
}

}  // namespace msoko
