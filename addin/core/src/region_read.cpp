// SPDX-License-Identifier: MPL-2.0
// A municipal form as the region receives it: read back from a submission
// package's `indicators.json` (msoko-submission/1, docs/submission-format.md),
// or made from the figures and the check of a form read in the office.
#include "json_file.hpp"
#include "msoko/region.hpp"

#include <stdexcept>

namespace msoko {

namespace json = boost::json;

namespace {

class Bad : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

const json::object& object_at(const json::object& o, const char* key) {
    const json::value* v = o.if_contains(key);
    if (!v || !v->is_object())
        throw Bad(std::string("нет объекта «") + key + "»");
    return v->get_object();
}

std::string text(const json::object& o, const char* key) {
    const json::value* v = o.if_contains(key);
    if (!v || v->is_null())
        return {};
    if (!v->is_string())
        throw Bad(std::string("«") + key + "» — не строка");
    return std::string(v->get_string());
}

std::optional<double> number(const json::object& o, const char* key) {
    const json::value* v = o.if_contains(key);
    if (!v || v->is_null())
        return std::nullopt;
    if (v->is_int64())
        return static_cast<double>(v->get_int64());
    if (v->is_uint64())
        return static_cast<double>(v->get_uint64());
    if (v->is_double())
        return v->get_double();
    throw Bad(std::string("«") + key + "» — не число");
}

std::size_t count(const json::object& o, const char* key) {
    const std::optional<double> n = number(o, key);
    return n && *n >= 0 ? static_cast<std::size_t>(*n) : 0;
}

std::vector<std::string> strings(const json::object& o, const char* key) {
    std::vector<std::string> out;
    const json::value* v = o.if_contains(key);
    if (!v || !v->is_array())
        return out;
    for (const auto& s : v->get_array())
        if (s.is_string())
            out.emplace_back(s.get_string());
    return out;
}

const json::array& array_at(const json::object& o, const char* key) {
    static const json::array empty;
    const json::value* v = o.if_contains(key);
    if (!v || v->is_null())
        return empty;
    if (!v->is_array())
        throw Bad(std::string("«") + key + "» — не список");
    return v->get_array();
}

Result::Status status_of(const std::string& key) {
    if (key == "value")
        return Result::Status::Value;
    if (key == "not_applicable")
        return Result::Status::NotApplicable;
    if (key == "missing_data")
        return Result::Status::MissingData;
    if (key == "invalid")
        return Result::Status::Invalid;
    throw Bad("неизвестный статус «" + key + "»");
}

IndicatorFigures indicator_of(const json::object& o) {
    IndicatorFigures f;
    f.id = text(o, "id");
    if (f.id.empty())
        throw Bad("показатель без «id»");
    f.direction = text(o, "direction");
    f.title = text(o, "title");
    f.variant_of = text(o, "variant_of");
    f.label = text(o, "label");
    f.unit = text(o, "unit");
    f.municipal_unit = text(o, "municipal_unit");
    f.decimals = static_cast<int>(count(o, "decimals"));
    f.status = status_of(text(o, "status"));
    f.value = number(o, "value");
    if (f.status == Result::Status::Value && !f.value)
        throw Bad("у показателя " + f.id + " статус «value» без значения");
    f.shown = text(o, "shown");
    f.reason = text(o, "reason");
    f.numerator = number(o, "numerator");
    f.denominator = number(o, "denominator");
    f.included = strings(o, "included");
    f.left_out = strings(o, "left_out");
    f.invalid = strings(o, "invalid");
    for (const auto& v : array_at(o, "organisations")) {
        if (!v.is_object())
            continue;
        const json::object& g = v.get_object();
        OrganisationFigure of;
        of.code = text(g, "code");
        of.name = text(g, "name");
        of.type = text(g, "type");
        of.type_short = text(g, "type_short");
        of.status = status_of(text(g, "status"));
        of.value = number(g, "value");
        of.reason = text(g, "reason");
        of.numerator = number(g, "numerator");
        of.denominator = number(g, "denominator");
        of.missing_fields = strings(g, "missing_fields");
        f.organisations.push_back(std::move(of));
    }
    if (const json::value* last = o.if_contains("last_year")) {
        if (last->is_string())
            f.last_year = std::string(last->get_string());
        else if (!last->is_null())
            f.last_year = *number(o, "last_year");
    }
    f.dynamics = number(o, "dynamics");
    if (const json::value* e = o.if_contains("evidence"); e && e->is_object())
        f.evidence = FlagEvidence{text(e->get_object(), "document"), text(e->get_object(), "date"),
                                  text(e->get_object(), "link")};
    return f;
}

}  // namespace

RegionForm read_submission_json(const std::string& content, const std::string& file) {
    json::value root;
    try {
        root = json_file::parse(content, file);
    } catch (const std::exception& e) {
        throw std::runtime_error("«" + file + "» — повреждённый файл показателей пакета: " + e.what() +
                                 " / a damaged indicators.json");
    }
    try {
        if (!root.is_object())
            throw Bad("это не объект JSON");
        const json::object& o = root.get_object();
        if (text(o, "format") != "msoko-submission/1")
            throw Bad("формат «" + text(o, "format") + "», ожидается «msoko-submission/1»");
        RegionForm form;
        form.file = file;
        form.source = RegionForm::Source::Json;
        form.prepared_at = text(o, "prepared_at");
        SubmissionFigures& f = form.figures;
        const json::object& catalogue = object_at(o, "catalogue");
        f.catalogue_id = text(catalogue, "id");
        f.catalogue_version = text(catalogue, "version");
        f.catalogue_title = text(catalogue, "title");
        f.municipality = text(o, "municipality");
        f.region = text(o, "region");
        f.period = text(o, "period");
        const json::object& responsible = object_at(o, "responsible");
        f.responsible = text(responsible, "name");
        f.position = text(responsible, "position");
        f.phone = text(responsible, "phone");
        f.email = text(responsible, "email");
        f.filled_on = text(o, "filled_on");
        const json::object& check = object_at(o, "check");
        f.check_summary = text(check, "summary");
        const json::value* ready = check.if_contains("ready");
        f.ready = ready && ready->is_bool() && ready->get_bool();
        f.errors = count(check, "errors");
        f.warnings_count = count(check, "warnings");
        f.notes = count(check, "notes");
        for (const auto& v : array_at(o, "indicators"))
            if (v.is_object())
                f.indicators.push_back(indicator_of(v.get_object()));
        for (const auto& v : array_at(o, "warnings")) {
            if (!v.is_object())
                continue;
            const json::object& w = v.get_object();
            ReportRow row;
            row.number = count(w, "number");
            row.severity = Severity::Warning;
            row.severity_text = "Предупреждение";
            row.kind = text(w, "kind");
            row.rule = text(w, "rule");
            row.sheet = text(w, "sheet");
            row.cell = text(w, "cell");
            row.organisation = text(w, "organisation");
            row.field = text(w, "field");
            row.field_title = text(w, "field_title");
            row.value = text(w, "value");
            row.message = text(w, "message");
            row.explanation = text(w, "explanation");
            row.more = count(w, "more");
            form.findings.push_back(std::move(row));
        }
        return form;
    } catch (const Bad& e) {
        throw std::runtime_error("«" + file + "» — не файл показателей пакета МСОКО: " + std::string(e.what()) +
                                 " / not an indicators.json of a submission package");
    }
}

RegionForm region_form(const std::string& file, const SubmissionFigures& figures, const ReportModel& report,
                       const std::string& modified, bool frozen_copy) {
    RegionForm form;
    form.file = file;
    form.source = RegionForm::Source::Workbook;
    form.figures = figures;
    form.prepared_at = modified;
    form.findings = report.rows;
    form.frozen_copy = frozen_copy;
    return form;
}

}  // namespace msoko
