// SPDX-License-Identifier: MPL-2.0
// A form's data written back as a `msoko-form-data/1` file: what
// read_form_data reads gives the same FormData again.
#include "msoko/form_data.hpp"

#include <boost/json.hpp>

#include <cmath>
#include <cstdint>

namespace msoko {

namespace json = boost::json;

namespace {

json::value json_of(const Cell& c) {
    switch (c.kind()) {
        case Cell::Kind::Number: {
            const double v = c.number();
            // A whole number as one (358, not 3.58E2): what a person types and reads.
            if (std::fabs(v) < 9e15 && v == std::floor(v))
                return json::value(static_cast<std::int64_t>(v));
            return json::value(v);
        }
        case Cell::Kind::Text:
            return json::value(c.text());
        default:
            return json::value(nullptr);
    }
}

/// A JSON text with one member of a top-level object per line, the lists'
/// items each on its own line: readable and diffable in a review.
std::string layout(const json::object& root) {
    std::string out = "{\n";
    bool first = true;
    for (const auto& kv : root) {
        out += first ? "  " : ",\n  ";
        first = false;
        out += json::serialize(json::value(kv.key())) + ": ";
        const json::value& v = kv.value();
        if (v.is_array() && !v.as_array().empty()) {
            out += "[\n";
            const auto& a = v.as_array();
            for (std::size_t i = 0; i < a.size(); ++i)
                out += "    " + json::serialize(a[i]) + (i + 1 < a.size() ? ",\n" : "\n");
            out += "  ]";
        } else if (v.is_object() && !v.as_object().empty()) {
            out += "{\n";
            const auto& o = v.as_object();
            std::size_t i = 0;
            for (const auto& m : o)
                out += "    " + json::serialize(json::value(m.key())) + ": " + json::serialize(m.value()) +
                       (++i < o.size() ? ",\n" : "\n");
            out += "  }";
        } else {
            out += json::serialize(v);
        }
    }
    return out + "\n}\n";
}

}  // namespace

std::string form_data_json(const FormData& d, const std::string& catalogue_id) {
    json::object root;
    root["format"] = "msoko-form-data/1";
    if (!catalogue_id.empty())
        root["catalogue"] = catalogue_id;
    json::object passport;
    for (const auto& [k, v] : d.passport)
        passport[k] = v;
    root["passport"] = std::move(passport);
    for (const auto& [plural, n] : d.rows)
        root[plural] = static_cast<std::int64_t>(n);
    json::array orgs;
    for (const auto& r : d.organisations) {
        json::array flags;
        for (const auto& f : r.flags)
            flags.emplace_back(f);
        orgs.push_back(json::object{{"code", r.code},
                                    {"name", r.name},
                                    {"short", r.short_name},
                                    {"type", r.type},
                                    {"flags", std::move(flags)}});
    }
    root["organisations"] = std::move(orgs);
    json::object values;
    for (const auto& [code, fields] : d.values) {
        json::object row;
        for (const auto& [field, cell] : fields)
            row[field] = json_of(cell);
        values[code] = std::move(row);
    }
    root["values"] = std::move(values);
    json::object previous;
    for (const auto& [id, v] : d.previous)
        previous[id] = json_of(Cell::number(v));
    root["previous"] = std::move(previous);
    json::object evidence;
    for (const auto& [id, e] : d.evidence)
        evidence[id] = json::object{{"document", e.document}, {"date", e.date}, {"link", e.link}};
    root["evidence"] = std::move(evidence);
    json::array overrides;
    for (const auto& o : d.overrides)
        overrides.push_back(
            json::object{{"sheet", o.sheet}, {"org", o.org}, {"column", o.column}, {"value", json_of(o.value)}});
    root["overrides"] = std::move(overrides);
    json::array explanations;
    for (const auto& e : d.explanations)
        explanations.push_back(json::object{{"kind", e.kind},
                                            {"sheet", e.sheet},
                                            {"cell", e.cell},
                                            {"organisation", e.organisation},
                                            {"field", e.field},
                                            {"text", e.text}});
    root["explanations"] = std::move(explanations);
    json::array procedures;
    for (const auto& p : d.procedures)
        procedures.push_back(json::object{{"name", p.name},
                                          {"direction", p.direction},
                                          {"level", p.level},
                                          {"method", p.method},
                                          {"frequency", p.frequency},
                                          {"participants", p.participants},
                                          {"conducted_by", p.conducted_by},
                                          {"document", p.document},
                                          {"document_date", p.document_date},
                                          {"use", p.use}});
    root["procedures"] = std::move(procedures);
    if (d.procedure_rows)
        root["procedure_rows"] = static_cast<std::int64_t>(*d.procedure_rows);
    return layout(root);
}

}  // namespace msoko
