// SPDX-License-Identifier: MPL-2.0
#pragma once

// The catalogue loader, private to catalogue_load.cpp (reading the file's
// members) and catalogue_resolve.cpp (cross-references, types and cycles:
// everything that needs the whole file).

#include "msoko/catalogue.hpp"

#include <boost/json.hpp>

#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace msoko::catalogue_loader {

namespace json = boost::json;

// Reads JSON members while tracking the JSON path of every value, so that
// each error names the exact place in the file.
class Reader {
public:
    explicit Reader(std::string file) : file_(std::move(file)) {}

    [[noreturn]] void fail(const std::string& path, const std::string& what) const {
        throw CatalogueError(file_, path, what);
    }

    const json::object& object(const json::value& v, const std::string& path) const {
        if (!v.is_object())
            fail(path, "must be an object");
        return v.as_object();
    }

    // Members other than `allowed` are typos or fields of another format version.
    void only(const json::object& o, std::initializer_list<const char*> allowed, const std::string& path) const {
        only(o, std::vector<const char*>(allowed), path);
    }
    void only(const json::object& o, const std::vector<const char*>& allowed, const std::string& path) const {
        for (const auto& kv : o) {
            const std::string key(kv.key());
            if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }))
                fail(path + "/" + key, "unknown member '" + key + "'");
        }
    }

    const json::value* member(const json::object& o, const char* key, const std::string& path, bool required) const {
        const json::value* v = o.if_contains(key);
        if (!v && required)
            fail(path + "/" + key, "required member is missing");
        return v;
    }

    std::string string(const json::object& o, const char* key, const std::string& path, bool required = true) const {
        const json::value* v = member(o, key, path, required);
        if (!v)
            return {};
        if (!v->is_string())
            fail(path + "/" + key, "must be a string");
        std::string s(v->as_string());
        if (required && s.empty())
            fail(path + "/" + key, "must not be empty");
        return s;
    }

    bool boolean(const json::object& o, const char* key, const std::string& path) const {
        const json::value* v = member(o, key, path, true);
        if (!v->is_bool())
            fail(path + "/" + key, "must be true or false");
        return v->as_bool();
    }

    std::optional<double> number(const json::object& o, const char* key, const std::string& path,
                                 bool required = false) const {
        const json::value* v = member(o, key, path, required);
        if (!v)
            return std::nullopt;
        if (!v->is_number())
            fail(path + "/" + key, "must be a number");
        return v->to_number<double>();
    }

    const json::array& array(const json::object& o, const char* key, const std::string& path,
                             bool required = true) const {
        static const json::array empty;
        const json::value* v = member(o, key, path, required);
        if (!v)
            return empty;
        if (!v->is_array())
            fail(path + "/" + key, "must be an array");
        return v->as_array();
    }

    std::vector<std::string> strings(const json::object& o, const char* key, const std::string& path,
                                     bool required = true, bool non_empty = true) const {
        const json::array& a = array(o, key, path, required);
        if (required && non_empty && a.empty())
            fail(path + "/" + key, "must not be empty");
        std::vector<std::string> out;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!a[i].is_string() || a[i].as_string().empty())
                fail(path + "/" + key + "/" + std::to_string(i), "must be a non-empty string");
            out.emplace_back(a[i].as_string());
        }
        return out;
    }

private:
    std::string file_;
};

inline FieldType field_type(const Reader& r, const std::string& s, const std::string& path) {
    static const std::pair<const char*, FieldType> names[] = {
        {"count", FieldType::Count}, {"number", FieldType::Number}, {"yes_no", FieldType::YesNo},
        {"date", FieldType::Date},   {"text", FieldType::Text},     {"link", FieldType::Link}};
    for (const auto& [n, t] : names)
        if (s == n)
            return t;
    r.fail(path, "unknown field type '" + s + "'; expected count, number, yes_no, date, text or link");
}

inline bool numeric(FieldType t) {
    return t == FieldType::Count || t == FieldType::Number;
}

class Loader {
public:
    Loader(const std::string& json_text, const std::string& file) : r_(file), text_(json_text), file_(file) {}

    Catalogue load();

private:
    // Entries {id, title, short, …more}: `add` reads the rest of each.
    template <class Add>
    void read_named(const json::object& o, const char* key, std::initializer_list<const char*> more, Add add);

    void read_organisation_types(const json::object& o);
    void read_flags(const json::object& o);
    void read_dimensions(const json::object& o);
    void read_sources(const json::object& o);
    void check_org_types(const std::vector<std::string>& types, const std::string& path);

    void read_direction(const json::value& v, const std::string& path);
    Field read_field(const json::value& v, const std::string& path);
    // A field's `breakdown`: its member fields, right after it.
    void read_field_breakdown(Field& total, const json::object& o, const std::string& path,
                              std::vector<Field>& members);
    Indicator read_indicator(const json::value& v, const std::string& path);
    void check_kind_scope(const Indicator& ind, const std::string& path);
    // A headline's `variants`, in order.
    std::vector<Indicator> read_variants(const Indicator& headline, const json::object& o, const std::string& path);
    // A headline's `breakdown`: its per-member variants (after its explicit
    // ones), once every field of the file is known.
    void expand_breakdowns();
    Computation read_compute(const json::value& v, const std::string& path);
    IndicatorRole indicator_role(const std::string& s, const std::string& path) const;
    Better better(const std::string& s, const std::string& path) const;
    Rule read_rule(const json::value& v, const std::string& path);
    const Field& known_field(const std::string& id, const std::string& path);

    // Cross-references, types and cycles: everything that needs the whole file.
    void resolve();
    void resolve_indicator(const Indicator& ind, const std::string& path);
    void resolve_rule(Rule& rule, const std::vector<std::string>& paths);
    void resolve_sum_within(const Rule& rule, const std::vector<const Field*>& f,
                            const std::vector<std::string>& paths);
    void resolve_implies(const Rule& rule, const std::vector<const Field*>& f, const std::vector<std::string>& paths);
    void resolve_covers_register(Rule& rule, const std::vector<const Field*>& f, const std::vector<std::string>& paths);
    void check_duplicate_cycles();

    // A total that is (through other sum_equals rules) a part of itself.
    void check_sum_cycles();

    void derive_part_whole_rules();
    // Σ members = total (or member ≤ total) for every broken-down field.
    void derive_breakdown_rules();

    // The top-level `changes` (catalogue_changes.cpp): checked against the fields.
    void read_changes(const json::object& o);
    // The top-level `vpr` (catalogue_vpr.cpp): the ВПР analysis' thresholds and the fields it fills.
    void read_vpr(const json::object& o);

    Reader r_;
    const std::string& text_;
    std::string file_;
    Catalogue c_;
    std::set<std::string> direction_ids_, field_ids_, indicator_ids_;
    std::vector<std::string> indicator_paths_;
    std::vector<std::vector<std::string>> rule_paths_;
    // A broken-down total's JSON path; an indicator breakdown's (by headline id).
    std::map<std::string, std::string> breakdown_paths_, indicator_breakdowns_;
    // Member fields read with their total, not yet in the direction; the
    // total of every generated member field.
    std::vector<Field> members_;
    std::map<std::string, std::string> member_of_;
    // A breakdown's organisation types (the total's when the breakdown names none), by total id.
    std::map<std::string, std::vector<std::string>> breakdown_types_;
};

}  // namespace msoko::catalogue_loader
