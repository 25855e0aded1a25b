// SPDX-License-Identifier: MPL-2.0
// What `msoko region check` prints: a line per form, the summary, and every
// finding of every form as TSV or JSON (docs/cli.md).
#include "msoko/region.hpp"

#include <boost/json.hpp>

namespace msoko {

namespace {

std::string tsv(const std::string& s) {
    std::string out;
    for (char ch : s)
        out += ch == '\t'   ? std::string("\\t")
               : ch == '\n' ? std::string("\\n")
               : ch == '\r' ? "\\r"
                            : std::string(1, ch);
    return out;
}

const char* status_key(RegionEntry::Status s) {
    switch (s) {
        case RegionEntry::Status::Accepted:
            return "accepted";
        case RegionEntry::Status::NotReady:
            return "accepted_with_errors";
        case RegionEntry::Status::Refused:
            return "refused";
        case RegionEntry::Status::Failed:
            return "failed";
    }
    return "";
}

}  // namespace

std::vector<std::vector<std::string>> region_check_table(const Region& region) {
    std::vector<std::vector<std::string>> rows{
        {"Муниципалитет", "Статус", "Ошибок", "Предупр.", "Каталог", "Файл", "Примечание"}};
    for (const auto& e : region.entries) {
        const bool read = e.status != RegionEntry::Status::Failed;
        rows.push_back({e.municipality.empty() ? "—" : e.municipality, entry_status_text(e.status),
                        read ? std::to_string(e.errors) : "", read ? std::to_string(e.warnings) : "", e.catalogue,
                        e.file, e.message});
    }
    for (const auto& name : region.missing)
        rows.push_back({name, "нет формы", "", "", "", "", "муниципалитет ожидается, а его формы нет"});
    return rows;
}

std::string region_summary(const Region& region) {
    std::size_t accepted = 0, errors = 0, refused = 0, failed = 0;
    for (const auto& e : region.entries)
        switch (e.status) {
            case RegionEntry::Status::Accepted:
                ++accepted;
                break;
            case RegionEntry::Status::NotReady:
                ++accepted;
                ++errors;
                break;
            case RegionEntry::Status::Refused:
                ++refused;
                break;
            case RegionEntry::Status::Failed:
                ++failed;
                break;
        }
    std::string out = "Принято форм: " + std::to_string(accepted) + " из " + std::to_string(region.entries.size());
    if (errors)
        out += " · с ошибками: " + std::to_string(errors);
    if (refused)
        out += " · не принято: " + std::to_string(refused);
    if (failed)
        out += " · не прочитано: " + std::to_string(failed);
    if (!region.missing.empty())
        out += " · нет формы: " + std::to_string(region.missing.size());
    out += region_ready(region) ? " — все формы готовы" : " — не все формы готовы";
    return out;
}

bool region_ready(const Region& region) {
    if (!region.missing.empty() || region.entries.empty())
        return false;
    for (const auto& e : region.entries)
        if (e.status != RegionEntry::Status::Accepted)
            return false;
    return true;
}

std::string region_findings_tsv(const Region& region) {
    std::string out =
        "file\tmunicipality\tseverity\tsheet\tcell\torganisation\tfield\tvalue\tmessage\trule\texplanation\n";
    auto line = [&](const std::string& file, const std::string& municipality, const std::string& severity,
                    const ReportRow* r, const std::string& message) {
        out += tsv(file) + "\t" + tsv(municipality) + "\t" + tsv(severity) + "\t";
        if (r) {
            for (const std::string* s : {&r->sheet, &r->cell, &r->organisation, &r->field, &r->value})
                out += tsv(*s) + "\t";
            out += tsv(message) + "\t" + tsv(r->rule) + "\t" + tsv(r->explanation) + "\n";
        } else {
            out += "\t\t\t\t\t" + tsv(message) + "\tregion\t\n";
        }
    };
    for (const auto& e : region.entries) {
        if (e.status == RegionEntry::Status::Failed || e.status == RegionEntry::Status::Refused)
            line(e.file, e.municipality, "Ошибка", nullptr, e.message);
        if (!e.form)
            continue;
        for (const auto& r : region.forms[*e.form].findings)
            line(e.file, e.municipality, r.severity_text, &r, r.message);
    }
    for (const auto& name : region.missing)
        line("", name, "Ошибка", nullptr, "муниципалитет ожидается, а его формы нет");
    return out;
}

std::string region_findings_json(const Region& region) {
    namespace json = boost::json;
    json::object root;
    root["format"] = "msoko-region-check/1";
    root["catalogue"] = region.catalogue;
    root["period"] = region.period;
    root["summary"] = region_summary(region);
    root["ready"] = region_ready(region);
    json::array entries;
    for (const auto& e : region.entries) {
        json::object o;
        o["file"] = e.file;
        o["municipality"] = e.municipality;
        o["status"] = status_key(e.status);
        o["status_text"] = entry_status_text(e.status);
        o["catalogue"] = e.catalogue;
        o["period"] = e.period;
        o["check_summary"] = e.check_summary;
        o["errors"] = e.errors;
        o["warnings"] = e.warnings;
        o["message"] = e.message;
        json::array findings;
        if (e.form)
            for (const auto& r : region.forms[*e.form].findings)
                findings.push_back({{"severity", severity_key(r.severity)},
                                    {"sheet", r.sheet},
                                    {"cell", r.cell},
                                    {"organisation", r.organisation},
                                    {"field", r.field},
                                    {"value", r.value},
                                    {"message", r.message},
                                    {"rule", r.rule},
                                    {"kind", r.kind},
                                    {"explanation", r.explanation}});
        o["findings"] = std::move(findings);
        entries.push_back(std::move(o));
    }
    root["entries"] = std::move(entries);
    json::array missing;
    for (const auto& m : region.missing)
        missing.push_back(json::value(m));
    root["missing"] = std::move(missing);
    return json::serialize(root) + "\n";
}

std::string region_json(const Region& region) {
    namespace json = boost::json;
    const auto number = [](std::optional<double> v) { return v ? json::value(*v) : json::value(nullptr); };
    json::object root;
    root["format"] = "msoko-region/1";
    root["catalogue"] = region.catalogue;
    root["region"] = region.title;
    root["period"] = region.period;
    root["summary"] = region_summary(region);
    json::array municipalities;
    for (const auto& m : region.municipalities)
        municipalities.push_back(json::value(m.name));
    root["municipalities"] = std::move(municipalities);
    json::array values;
    for (const auto& v : region.values)
        values.push_back({{"id", v.indicator->id},
                          {"method", v.method},
                          {"unit", v.unit},
                          {"value", number(v.value)},
                          {"numerator", number(v.numerator)},
                          {"denominator", number(v.denominator)},
                          {"municipalities", v.municipalities}});
    root["values"] = std::move(values);
    json::array ranking;
    for (std::size_t m : region.by_place) {
        const MunicipalTotal& t = region.totals[m];
        json::array directions;
        for (const auto& d : t.directions)
            directions.push_back(number(d));
        ranking.push_back({{"municipality", region.municipalities[m].name},
                           {"place", t.place},
                           {"total", number(t.total)},
                           {"zone", t.zone},
                           {"directions", std::move(directions)}});
    }
    root["ranking"] = std::move(ranking);
    return json::serialize(root) + "\n";
}

}  // namespace msoko
