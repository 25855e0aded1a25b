// SPDX-License-Identifier: MPL-2.0
#include "msoko/form_data.hpp"

#include "msoko/catalogue_info.hpp"
#include "msoko/form_layout.hpp"

#include <boost/json.hpp>

#include <cstdint>
#include <fstream>
#include <sstream>

namespace msoko {

namespace json = boost::json;

namespace {

Cell cell_of(const json::value& v, const std::string& file, const std::string& where) {
    if (v.is_null())
        return Cell::empty();
    if (v.is_number())
        return Cell::number(v.to_number<double>());
    if (v.is_string())
        return Cell::text(std::string(v.as_string()));
    throw CatalogueError(file, where, "a value must be a number, a text or null");
}

std::string text_of(const json::object& o, const char* key, const std::string& file, const std::string& where,
                    bool required = true) {
    const json::value* v = o.if_contains(key);
    if (!v) {
        if (required)
            throw CatalogueError(file, where + "/" + key, "required member is missing");
        return {};
    }
    if (!v->is_string())
        throw CatalogueError(file, where + "/" + key, "must be a string");
    return std::string(v->as_string());
}

}  // namespace

std::size_t FormData::register_rows(const std::string& plural) const {
    // Set in `rows` by the caller or read from the file, or the default.
    const auto it = rows.find(plural);
    return it != rows.end() ? it->second : kDefaultRegisterRows;
}

namespace {
FormData parse(const std::string& text, const std::string& file);
}

FormData parse_form_data(const std::string& text, const std::string& file) {
    try {
        return parse(text, file);
    } catch (const CatalogueError&) {
        throw;
    } catch (const std::exception& e) {
        // A member of the wrong kind (an object where a list belongs…): name the file.
        throw CatalogueError(file, "", std::string("unexpected structure: ") + e.what());
    }
}

namespace {

FormData parse(const std::string& text, const std::string& file) {
    json::error_code ec;
    const json::value root = json::parse(text, ec);
    if (ec)
        throw CatalogueError(file, "", "not valid JSON: " + ec.message());
    if (!root.is_object())
        throw CatalogueError(file, "/", "must be a JSON object");
    const json::object& o = root.as_object();
    if (text_of(o, "format", file, "") != "msoko-form-data/1")
        throw CatalogueError(file, "/format", "expected 'msoko-form-data/1'");
    FormData d;
    if (const auto* p = o.if_contains("passport")) {
        if (!p->is_object())
            throw CatalogueError(file, "/passport", "must be an object");
        for (const auto& kv : p->as_object()) {
            if (kv.value().is_string())
                d.passport[std::string(kv.key())] = std::string(kv.value().as_string());
            else if (kv.value().is_number())
                d.passport[std::string(kv.key())] = json::serialize(kv.value());
        }
    }
    // A whole number at the top: the register's rows of the type of that plural.
    for (const auto& kv : o) {
        const json::value& v = kv.value();
        if (!v.is_number())
            continue;
        const std::string key(kv.key());
        if (key == "procedure_rows")
            continue;  // read below
        if (!v.is_int64() || v.as_int64() < 0 || v.as_int64() > static_cast<std::int64_t>(kMaxRegisterRows))
            throw CatalogueError(file, "/" + key, "must be a whole number 0–" + std::to_string(kMaxRegisterRows));
        const auto n = static_cast<std::size_t>(v.as_int64());
        d.rows[key] = n;
    }
    if (const auto* orgs = o.if_contains("organisations")) {
        const json::array& a = orgs->as_array();
        for (std::size_t i = 0; i < a.size(); ++i) {
            const std::string where = "/organisations/" + std::to_string(i);
            if (!a[i].is_object())
                throw CatalogueError(file, where, "must be an object");
            const auto& e = a[i].as_object();
            RegisterEntry r{text_of(e, "code", file, where),
                            text_of(e, "name", file, where),
                            text_of(e, "short", file, where, false),
                            text_of(e, "type", file, where),
                            {}};
            if (r.type.empty())
                throw CatalogueError(file, where + "/type",
                                     "must name an organisation type");  // the writer checks which
            if (const auto* f = e.if_contains("flags"))
                for (const auto& flag : f->as_array())
                    r.flags.emplace_back(flag.as_string());
            d.organisations.push_back(std::move(r));
        }
    }
    if (const auto* values = o.if_contains("values")) {
        for (const auto& org : values->as_object())
            for (const auto& field : org.value().as_object())
                d.values[std::string(org.key())][std::string(field.key())] =
                    cell_of(field.value(), file, "/values/" + std::string(org.key()) + "/" + std::string(field.key()));
    }
    if (const auto* prev = o.if_contains("previous")) {
        for (const auto& kv : prev->as_object()) {
            if (!kv.value().is_number())
                throw CatalogueError(file, "/previous/" + std::string(kv.key()), "must be a number");
            d.previous[std::string(kv.key())] = kv.value().to_number<double>();
        }
    }
    if (const auto* ev = o.if_contains("evidence")) {
        for (const auto& kv : ev->as_object()) {
            const std::string where = "/evidence/" + std::string(kv.key());
            const auto& e = kv.value().as_object();
            d.evidence[std::string(kv.key())] = {text_of(e, "document", file, where, false),
                                                 text_of(e, "date", file, where, false),
                                                 text_of(e, "link", file, where, false)};
        }
    }
    if (const auto* ex = o.if_contains("explanations")) {
        if (!ex->is_array())
            throw CatalogueError(file, "/explanations", "must be an array");
        const json::array& a = ex->as_array();
        for (std::size_t i = 0; i < a.size(); ++i) {
            const std::string where = "/explanations/" + std::to_string(i);
            if (!a[i].is_object())
                throw CatalogueError(file, where, "must be an object");
            const auto& e = a[i].as_object();
            d.explanations.push_back({text_of(e, "kind", file, where), text_of(e, "sheet", file, where),
                                      text_of(e, "cell", file, where, false),
                                      text_of(e, "organisation", file, where, false),
                                      text_of(e, "field", file, where, false), text_of(e, "text", file, where)});
        }
    }
    if (const auto* pr = o.if_contains("procedure_rows")) {
        if (!pr->is_int64() || pr->as_int64() < 0 || pr->as_int64() > static_cast<std::int64_t>(kMaxProcedureRows))
            throw CatalogueError(file, "/procedure_rows",
                                 "must be a whole number 0–" + std::to_string(kMaxProcedureRows));
        d.procedure_rows = static_cast<std::size_t>(pr->as_int64());
    }
    if (const auto* procs = o.if_contains("procedures")) {
        if (!procs->is_array())
            throw CatalogueError(file, "/procedures", "must be an array");
        const json::array& a = procs->as_array();
        if (a.size() > kMaxProcedureRows)
            throw CatalogueError(file, "/procedures", "at most " + std::to_string(kMaxProcedureRows) + " procedures");
        for (std::size_t i = 0; i < a.size(); ++i) {
            const std::string where = "/procedures/" + std::to_string(i);
            if (!a[i].is_object())
                throw CatalogueError(file, where, "must be an object");
            const auto& e = a[i].as_object();
            const auto member = [&](const char* key) { return text_of(e, key, file, where, false); };
            d.procedures.push_back({member("name"), member("direction"), member("level"), member("method"),
                                    member("frequency"), member("participants"), member("conducted_by"),
                                    member("document"), member("document_date"), member("use")});
        }
    }
    if (const auto* ov = o.if_contains("overrides")) {
        const json::array& a = ov->as_array();
        for (std::size_t i = 0; i < a.size(); ++i) {
            const std::string where = "/overrides/" + std::to_string(i);
            const auto& e = a[i].as_object();
            const json::value* v = e.if_contains("value");
            d.overrides.push_back({text_of(e, "sheet", file, where), text_of(e, "org", file, where),
                                   text_of(e, "column", file, where),
                                   v ? cell_of(*v, file, where + "/value") : Cell::empty()});
        }
    }
    return d;
}

}  // namespace

FormData read_form_data(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw CatalogueError(path, "", "cannot open the file");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_form_data(text.str(), path);
}

}  // namespace msoko
