// SPDX-License-Identifier: MPL-2.0
#include "msoko/catalogue.hpp"

#include "msoko/text.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <regex>
#include <set>
#include <sstream>

namespace msoko {

namespace json = boost::json;

const char* to_string(FieldType t) {
    switch (t) {
        case FieldType::Count:
            return "count";
        case FieldType::Number:
            return "number";
        case FieldType::YesNo:
            return "yes_no";
        case FieldType::Date:
            return "date";
        case FieldType::Text:
            return "text";
        case FieldType::Link:
            return "link";
    }
    return "?";
}

const char* to_string(Computation::Kind k) {
    switch (k) {
        case Computation::Kind::Ratio:
            return "ratio";
        case Computation::Kind::Count:
            return "count";
        case Computation::Kind::Sum:
            return "sum";
        case Computation::Kind::Flag:
            return "flag";
        case Computation::Kind::OrganisationShare:
            return "organisation_share";
        case Computation::Kind::BandShare:
            return "band_share";
    }
    return "?";
}

const char* to_string(Rule::Kind k) {
    switch (k) {
        case Rule::Kind::PartWhole:
            return "part_whole";
        case Rule::Kind::SumEquals:
            return "sum_equals";
        case Rule::Kind::SameValue:
            return "same_value";
        case Rule::Kind::RequiresEvidence:
            return "requires_evidence";
    }
    return "?";
}

bool Field::concerns(const std::string& org_type) const {
    return std::find(org_types.begin(), org_types.end(), org_type) != org_types.end();
}

bool Flag::concerns(const std::string& org_type) const {
    return std::find(org_types.begin(), org_types.end(), org_type) != org_types.end();
}

bool Indicator::concerns(const std::string& org_type) const {
    return std::find(org_types.begin(), org_types.end(), org_type) != org_types.end();
}

std::vector<std::string> Computation::inputs() const {
    std::vector<std::string> out = numerator;
    out.insert(out.end(), fields.begin(), fields.end());
    for (const auto& b : bands)
        out.push_back(b.field);
    out.insert(out.end(), denominator.begin(), denominator.end());
    return out;
}

const Field* Catalogue::field(const std::string& id) const {
    auto it = field_index_.find(id);
    return it == field_index_.end() ? nullptr : &fields[it->second];
}

const Indicator* Catalogue::indicator(const std::string& id) const {
    auto it = indicator_index_.find(id);
    return it == indicator_index_.end() ? nullptr : &indicators[it->second];
}

const Direction* Catalogue::direction(const std::string& id) const {
    auto it = direction_index_.find(id);
    return it == direction_index_.end() ? nullptr : &directions[it->second];
}

const OrganisationType* Catalogue::organisation_type(const std::string& id) const {
    for (const auto& t : organisation_types)
        if (t.id == id)
            return &t;
    return nullptr;
}

const OrganisationType& Catalogue::municipal_type() const {
    for (const auto& t : organisation_types)
        if (t.municipal)
            return t;
    throw std::logic_error("the catalogue has no municipal level");  // the loader makes sure it has
}

std::vector<const OrganisationType*> Catalogue::register_types() const {
    std::vector<const OrganisationType*> out;
    for (const auto& t : organisation_types)
        if (!t.municipal)
            out.push_back(&t);
    return out;
}

void Catalogue::index() {
    field_index_.clear();
    indicator_index_.clear();
    direction_index_.clear();
    for (std::size_t i = 0; i < fields.size(); ++i)
        field_index_.emplace(fields[i].id, i);
    for (std::size_t i = 0; i < indicators.size(); ++i)
        indicator_index_.emplace(indicators[i].id, i);
    for (std::size_t i = 0; i < directions.size(); ++i)
        direction_index_.emplace(directions[i].id, i);
}

namespace {

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

FieldType field_type(const Reader& r, const std::string& s, const std::string& path) {
    static const std::pair<const char*, FieldType> names[] = {
        {"count", FieldType::Count}, {"number", FieldType::Number}, {"yes_no", FieldType::YesNo},
        {"date", FieldType::Date},   {"text", FieldType::Text},     {"link", FieldType::Link}};
    for (const auto& [n, t] : names)
        if (s == n)
            return t;
    r.fail(path, "unknown field type '" + s + "'; expected count, number, yes_no, date, text or link");
}

bool numeric(FieldType t) {
    return t == FieldType::Count || t == FieldType::Number;
}

class Loader {
public:
    Loader(const std::string& json_text, const std::string& file) : r_(file), text_(json_text), file_(file) {}

    Catalogue load() {
        c_.info = parse_catalogue_info(text_, file_);  // syntax errors with line and column
        const json::value root = json::parse(text_);
        const json::object& o = r_.object(root, "");
        r_.only(o, {"format", "id", "version", "title", "source", "organisation_types", "flags", "directions"}, "");
        c_.source = r_.string(o, "source", "");
        read_organisation_types(o);
        read_flags(o);
        const json::array& dirs = r_.array(o, "directions", "");
        if (dirs.empty())
            r_.fail("/directions", "must not be empty");
        for (std::size_t i = 0; i < dirs.size(); ++i)
            read_direction(dirs[i], "/directions/" + std::to_string(i));
        c_.index();
        resolve();
        return std::move(c_);
    }

private:
    // Entries {id, title, short, …more}: `add` reads the rest of each.
    template <class Add>
    void read_named(const json::object& o, const char* key, std::initializer_list<const char*> more, Add add) {
        const json::array& a = r_.array(o, key, "");
        std::set<std::string> seen;
        std::vector<const char*> members{"id", "title", "short"};
        members.insert(members.end(), more.begin(), more.end());
        for (std::size_t i = 0; i < a.size(); ++i) {
            const std::string path = std::string("/") + key + "/" + std::to_string(i);
            const json::object& e = r_.object(a[i], path);
            r_.only(e, members, path);
            const std::string id = r_.string(e, "id", path);
            if (!seen.insert(id).second)
                r_.fail(path + "/id", "duplicate id '" + id + "'");
            add(e, path, id, r_.string(e, "title", path), r_.string(e, "short", path));
        }
    }

    void read_organisation_types(const json::object& o) {
        std::set<std::string> plurals, shorts;
        read_named(
            o, "organisation_types", {"level", "plural", "count_title"},
            [&](const json::object& e, const std::string& path, const std::string& id, const std::string& t,
                const std::string& s) {
                OrganisationType type{
                    id, t, s, false, r_.string(e, "plural", path, false), r_.string(e, "count_title", path, false)};
                const std::string level = r_.string(e, "level", path, false);
                if (!level.empty() && level != "municipality")
                    r_.fail(path + "/level", "expected 'municipality' (the municipal level) or no level");
                type.municipal = !level.empty();
                if (type.plural.empty())
                    type.plural = id + "s";
                if (type.count_title.empty())
                    type.count_title = "Число организаций типа «" + s + "»";
                if (!plurals.insert(type.plural).second)
                    r_.fail(path + "/plural", "duplicate plural '" + type.plural + "'");
                if (!shorts.insert(s).second)
                    r_.fail(path + "/short", "duplicate short title '" + s + "'");
                c_.organisation_types.push_back(std::move(type));
            });
        const auto municipal = std::count_if(c_.organisation_types.begin(), c_.organisation_types.end(),
                                             [](const OrganisationType& t) { return t.municipal; });
        if (municipal != 1)
            r_.fail("/organisation_types",
                    "exactly one type must be the municipal level (\"level\": \"municipality\"); " +
                        std::to_string(municipal) + " are");
        if (c_.organisation_types.size() < 2)
            r_.fail("/organisation_types", "needs a type of organisations besides the municipal level");
    }

    void read_flags(const json::object& o) {
        std::set<std::string> shorts;
        read_named(o, "flags", {"org_types"},
                   [&](const json::object& e, const std::string& path, const std::string& id, const std::string& t,
                       const std::string& s) {
                       Flag flag{id, t, s, r_.strings(e, "org_types", path, false)};
                       check_org_types(flag.org_types, path + "/org_types");
                       for (std::size_t i = 0; i < flag.org_types.size(); ++i)
                           if (c_.organisation_type(flag.org_types[i])->municipal)
                               r_.fail(path + "/org_types/" + std::to_string(i),
                                       "a flag marks organisations of the register, not the municipal level");
                       if (flag.org_types.empty())
                           for (const OrganisationType* type : c_.register_types())
                               flag.org_types.push_back(type->id);
                       if (!shorts.insert(s).second)
                           r_.fail(path + "/short", "duplicate short title '" + s + "'");
                       c_.flags.push_back(std::move(flag));
                   });
    }

    void check_org_types(const std::vector<std::string>& types, const std::string& path) {
        for (std::size_t i = 0; i < types.size(); ++i)
            if (!c_.organisation_type(types[i]))
                r_.fail(path + "/" + std::to_string(i), "unknown organisation type '" + types[i] + "'");
    }

    void read_direction(const json::value& v, const std::string& path) {
        const json::object& o = r_.object(v, path);
        r_.only(o, {"id", "short_title", "group", "title", "source", "note", "fields", "indicators", "rules"}, path);
        Direction d;
        d.id = r_.string(o, "id", path);
        if (!direction_ids_.insert(d.id).second)
            r_.fail(path + "/id", "duplicate direction id '" + d.id + "'");
        d.group = r_.string(o, "group", path);
        d.title = r_.string(o, "title", path);
        d.short_title = r_.string(o, "short_title", path, false);
        if (d.short_title.empty())
            d.short_title = d.title;
        d.source = r_.string(o, "source", path);
        d.note = r_.string(o, "note", path, false);

        const json::array& fields = r_.array(o, "fields", path);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            Field f = read_field(fields[i], path + "/fields/" + std::to_string(i));
            f.direction = d.id;
            d.fields.push_back(f.id);
            c_.fields.push_back(std::move(f));
        }
        const json::array& inds = r_.array(o, "indicators", path);
        if (inds.empty())
            r_.fail(path + "/indicators", "a direction needs at least one indicator");
        for (std::size_t i = 0; i < inds.size(); ++i) {
            const std::string ipath = path + "/indicators/" + std::to_string(i);
            Indicator ind = read_indicator(inds[i], ipath);
            const std::string expected = d.id + "." + std::to_string(i + 1);
            if (ind.id != expected)
                r_.fail(ipath + "/id", "indicator id '" + ind.id + "' is out of order: the indicator at position " +
                                           std::to_string(i + 1) + " of direction " + d.id + " must be '" + expected +
                                           "'");
            ind.direction = d.id;
            d.indicators.push_back(ind.id);
            indicator_paths_.push_back(ipath);
            c_.indicators.push_back(std::move(ind));
        }
        const json::array& rules = r_.array(o, "rules", path, false);
        for (std::size_t i = 0; i < rules.size(); ++i) {
            Rule rule = read_rule(rules[i], path + "/rules/" + std::to_string(i));
            rule.direction = d.id;
            c_.rules.push_back(std::move(rule));
        }
        c_.directions.push_back(std::move(d));
    }

    Field read_field(const json::value& v, const std::string& path) {
        static const std::regex id_pattern("[a-z][a-z0-9_]*");
        const json::object& o = r_.object(v, path);
        r_.only(o, {"id", "title", "type", "unit", "org_types", "filled_by", "required", "min", "max", "note"}, path);
        Field f;
        f.id = r_.string(o, "id", path);
        if (!std::regex_match(f.id, id_pattern))
            r_.fail(path + "/id", "field id '" + f.id + "' must be lower-case latin letters, digits and _");
        if (f.id == "code" || f.id == "name" || f.id == "type" || f.id == "flags")
            r_.fail(path + "/id", "'" + f.id + "' is reserved for a column of the direction tables");
        if (!field_ids_.insert(f.id).second)
            r_.fail(path + "/id", "duplicate field id '" + f.id + "'");
        field_paths_[f.id] = path;
        f.title = r_.string(o, "title", path);
        f.type = field_type(r_, r_.string(o, "type", path), path + "/type");
        f.unit = r_.string(o, "unit", path, false);
        if (!o.if_contains("unit"))
            r_.fail(path + "/unit", "required member is missing");
        f.org_types = r_.strings(o, "org_types", path);
        check_org_types(f.org_types, path + "/org_types");
        f.filled_by = r_.string(o, "filled_by", path);
        f.required = r_.boolean(o, "required", path);
        f.min = r_.number(o, "min", path);
        f.max = r_.number(o, "max", path);
        if ((f.min || f.max) && !numeric(f.type))
            r_.fail(path + (f.min ? "/min" : "/max"), "a range applies only to count and number fields");
        if (f.min && f.max && *f.min > *f.max)
            r_.fail(path + "/min", "min is greater than max");
        if (f.type == FieldType::Count && f.min && *f.min < 0)
            r_.fail(path + "/min", "a count cannot be negative");
        f.note = r_.string(o, "note", path, false);
        return f;
    }

    Indicator read_indicator(const json::value& v, const std::string& path) {
        const json::object& o = r_.object(v, path);
        r_.only(o, {"id", "title", "unit", "org_types", "scope_flags", "compute", "duplicate_of", "note"}, path);
        Indicator ind;
        ind.id = r_.string(o, "id", path);
        if (!indicator_ids_.insert(ind.id).second)
            r_.fail(path + "/id", "duplicate indicator id '" + ind.id + "'");
        ind.title = r_.string(o, "title", path);
        ind.unit = r_.string(o, "unit", path);
        ind.org_types = r_.strings(o, "org_types", path);
        check_org_types(ind.org_types, path + "/org_types");
        ind.scope_flags = r_.strings(o, "scope_flags", path, false);
        for (std::size_t i = 0; i < ind.scope_flags.size(); ++i) {
            const auto& f = ind.scope_flags[i];
            if (std::none_of(c_.flags.begin(), c_.flags.end(), [&](const Flag& x) { return x.id == f; }))
                r_.fail(path + "/scope_flags/" + std::to_string(i), "unknown flag '" + f + "'");
        }
        ind.duplicate_of = r_.string(o, "duplicate_of", path, false);
        ind.note = r_.string(o, "note", path, false);
        const json::value* comp = r_.member(o, "compute", path, true);
        ind.compute = read_compute(*comp, path + "/compute");
        // For the municipality, a count, sum or flag of organisations and the
        // municipality's own answer are different things: one or the other.
        const auto k = ind.compute.kind;
        if ((k == Computation::Kind::Count || k == Computation::Kind::Sum || k == Computation::Kind::Flag) &&
            ind.concerns(c_.municipal_type().id) && ind.org_types.size() > 1)
            r_.fail(path + "/org_types",
                    std::string("a ") + to_string(k) + " concerns either the municipality or organisations, not both");
        return ind;
    }

    Computation read_compute(const json::value& v, const std::string& path) {
        const json::object& o = r_.object(v, path);
        Computation c;
        const std::string kind = r_.string(o, "kind", path);
        if (kind == "ratio") {
            r_.only(o, {"kind", "numerator", "denominator", "multiplier"}, path);
            c.kind = Computation::Kind::Ratio;
            c.numerator = r_.strings(o, "numerator", path);
            c.denominator = r_.strings(o, "denominator", path);
            if (auto m = r_.number(o, "multiplier", path)) {
                if (!(*m > 0))
                    r_.fail(path + "/multiplier", "must be positive");
                c.multiplier = *m;
            }
        } else if (kind == "count" || kind == "flag" || kind == "organisation_share") {
            r_.only(o, {"kind", "field"}, path);
            c.kind = kind == "count"  ? Computation::Kind::Count
                     : kind == "flag" ? Computation::Kind::Flag
                                      : Computation::Kind::OrganisationShare;
            c.fields = {r_.string(o, "field", path)};
        } else if (kind == "sum") {
            r_.only(o, {"kind", "fields"}, path);
            c.kind = Computation::Kind::Sum;
            c.fields = r_.strings(o, "fields", path);
        } else if (kind == "band_share") {
            r_.only(o, {"kind", "bands", "denominator"}, path);
            c.kind = Computation::Kind::BandShare;
            const json::array& bands = r_.array(o, "bands", path);
            if (bands.empty())
                r_.fail(path + "/bands", "must not be empty");
            for (std::size_t i = 0; i < bands.size(); ++i) {
                const std::string bpath = path + "/bands/" + std::to_string(i);
                const json::object& b = r_.object(bands[i], bpath);
                r_.only(b, {"from", "field"}, bpath);
                Computation::Band band{*r_.number(b, "from", bpath, true), r_.string(b, "field", bpath)};
                if (!c.bands.empty() && band.from <= c.bands.back().from)
                    r_.fail(bpath + "/from", "bands must be in ascending order of 'from'");
                c.bands.push_back(band);
            }
            c.denominator = r_.strings(o, "denominator", path);
        } else {
            r_.fail(path + "/kind", "unknown computation '" + kind +
                                        "'; expected ratio, count, sum, flag, organisation_share or band_share");
        }
        return c;
    }

    Rule read_rule(const json::value& v, const std::string& path) {
        const json::object& o = r_.object(v, path);
        Rule rule;
        rule.source = path;
        const std::string kind = r_.string(o, "kind", path);
        if (kind == "part_whole") {
            r_.only(o, {"kind", "part", "whole"}, path);
            rule.kind = Rule::Kind::PartWhole;
            rule.fields = {r_.string(o, "part", path), r_.string(o, "whole", path)};
            rule_paths_.push_back({path + "/part", path + "/whole"});
        } else if (kind == "sum_equals") {
            r_.only(o, {"kind", "parts", "total"}, path);
            rule.kind = Rule::Kind::SumEquals;
            rule.fields = r_.strings(o, "parts", path);
            std::vector<std::string> paths;
            for (std::size_t i = 0; i < rule.fields.size(); ++i)
                paths.push_back(path + "/parts/" + std::to_string(i));
            rule.fields.push_back(r_.string(o, "total", path));
            paths.push_back(path + "/total");
            rule_paths_.push_back(paths);
        } else if (kind == "same_value") {
            r_.only(o, {"kind", "fields"}, path);
            rule.kind = Rule::Kind::SameValue;
            rule.fields = r_.strings(o, "fields", path);
            if (rule.fields.size() < 2)
                r_.fail(path + "/fields", "same_value needs at least two fields");
            std::vector<std::string> paths;
            for (std::size_t i = 0; i < rule.fields.size(); ++i)
                paths.push_back(path + "/fields/" + std::to_string(i));
            rule_paths_.push_back(paths);
        } else if (kind == "requires_evidence") {
            r_.only(o, {"kind", "flag", "evidence"}, path);
            rule.kind = Rule::Kind::RequiresEvidence;
            rule.fields = {r_.string(o, "flag", path)};
            const auto evidence = r_.strings(o, "evidence", path);
            rule.fields.insert(rule.fields.end(), evidence.begin(), evidence.end());
            std::vector<std::string> paths = {path + "/flag"};
            for (std::size_t i = 0; i < evidence.size(); ++i)
                paths.push_back(path + "/evidence/" + std::to_string(i));
            rule_paths_.push_back(paths);
        } else {
            r_.fail(path + "/kind",
                    "unknown rule '" + kind + "'; expected part_whole, sum_equals, same_value or requires_evidence");
        }
        return rule;
    }

    const Field& known_field(const std::string& id, const std::string& path) {
        const Field* f = c_.field(id);
        if (!f)
            r_.fail(path, "unknown field '" + id + "'");
        return *f;
    }

    // Cross-references, types and cycles: everything that needs the whole file.
    void resolve() {
        for (std::size_t i = 0; i < c_.indicators.size(); ++i)
            resolve_indicator(c_.indicators[i], indicator_paths_[i]);
        const std::size_t explicit_rules = c_.rules.size();
        for (std::size_t i = 0; i < explicit_rules; ++i)
            resolve_rule(c_.rules[i], rule_paths_[i]);
        check_duplicate_cycles();
        check_sum_cycles();
        derive_part_whole_rules();
    }

    void resolve_indicator(const Indicator& ind, const std::string& path) {
        const Computation& c = ind.compute;
        const std::string cpath = path + "/compute";
        auto numeric_fields = [&](const std::vector<std::string>& ids, const std::string& key) {
            std::vector<const Field*> out;
            for (std::size_t i = 0; i < ids.size(); ++i) {
                const std::string p = key == "field" ? cpath + "/field" : cpath + "/" + key + "/" + std::to_string(i);
                const Field& f = known_field(ids[i], p);
                if (!numeric(f.type))
                    r_.fail(p, "field '" + f.id + "' is " + to_string(f.type) + "; a " + to_string(c.kind) +
                                   " needs count or number fields");
                out.push_back(&f);
            }
            return out;
        };
        std::vector<const Field*> used;
        switch (c.kind) {
            case Computation::Kind::Ratio:
            case Computation::Kind::BandShare: {
                std::vector<const Field*> num;
                if (c.kind == Computation::Kind::Ratio) {
                    num = numeric_fields(c.numerator, "numerator");
                } else {
                    for (std::size_t i = 0; i < c.bands.size(); ++i) {
                        const std::string p = cpath + "/bands/" + std::to_string(i) + "/field";
                        const Field& f = known_field(c.bands[i].field, p);
                        if (!numeric(f.type))
                            r_.fail(p, "field '" + f.id + "' is " + to_string(f.type) +
                                           "; a band_share needs count or number fields");
                        num.push_back(&f);
                    }
                }
                const auto den = numeric_fields(c.denominator, "denominator");
                auto types = [](const Field* f) {
                    auto t = f->org_types;
                    std::sort(t.begin(), t.end());
                    return t;
                };
                const auto reference = types(den.front());
                for (std::size_t i = 0; i < num.size(); ++i) {
                    if (types(num[i]) != reference)
                        r_.fail(cpath + (c.kind == Computation::Kind::Ratio ? "/numerator/" + std::to_string(i)
                                                                            : "/bands/" + std::to_string(i) + "/field"),
                                "numerator field '" + num[i]->id + "' concerns " + join(num[i]->org_types) +
                                    " but denominator field '" + den.front()->id + "' concerns " +
                                    join(den.front()->org_types) +
                                    ": numerator and denominator must belong to the same organisation types");
                }
                for (std::size_t i = 1; i < den.size(); ++i)
                    if (types(den[i]) != reference)
                        r_.fail(cpath + "/denominator/" + std::to_string(i),
                                "denominator fields concern different organisation types");
                used = den;
                break;
            }
            case Computation::Kind::Count:
            case Computation::Kind::Sum:
                used = numeric_fields(c.fields, c.kind == Computation::Kind::Count ? "field" : "fields");
                break;
            case Computation::Kind::Flag:
            case Computation::Kind::OrganisationShare: {
                const Field& f = known_field(c.fields.front(), cpath + "/field");
                if (f.type != FieldType::YesNo)
                    r_.fail(cpath + "/field", "field '" + f.id + "' is " + to_string(f.type) + "; a " +
                                                  to_string(c.kind) + " needs a yes_no field");
                used = {&f};
                break;
            }
        }
        for (const Field* f : used)
            for (std::size_t i = 0; i < ind.org_types.size(); ++i)
                if (!f->concerns(ind.org_types[i]))
                    r_.fail(path + "/org_types/" + std::to_string(i), "the indicator concerns " + ind.org_types[i] +
                                                                          " but its field '" + f->id +
                                                                          "' is not filled for it");
        if (!ind.duplicate_of.empty() && !c_.indicator(ind.duplicate_of))
            r_.fail(path + "/duplicate_of", "unknown indicator '" + ind.duplicate_of + "'");
        if (ind.duplicate_of == ind.id)
            r_.fail(path + "/duplicate_of", "cycle: indicator " + ind.id + " is a duplicate of itself");
    }

    void resolve_rule(const Rule& rule, const std::vector<std::string>& paths) {
        std::vector<const Field*> f;
        for (std::size_t i = 0; i < rule.fields.size(); ++i)
            f.push_back(&known_field(rule.fields[i], paths[i]));
        switch (rule.kind) {
            case Rule::Kind::PartWhole:
            case Rule::Kind::SumEquals:
            case Rule::Kind::SameValue:
                for (std::size_t i = 0; i < f.size(); ++i)
                    if (!numeric(f[i]->type) && rule.kind != Rule::Kind::SameValue)
                        r_.fail(paths[i], "field '" + f[i]->id + "' is " + to_string(f[i]->type) + "; a " +
                                              to_string(rule.kind) + " rule needs count or number fields");
                if (rule.kind == Rule::Kind::SumEquals)
                    for (std::size_t i = 0; i + 1 < f.size(); ++i)
                        if (f[i] == f.back())
                            r_.fail(paths[i], "cycle: the total '" + f.back()->id + "' is among its own parts");
                break;
            case Rule::Kind::RequiresEvidence:
                if (f[0]->type != FieldType::YesNo)
                    r_.fail(paths[0], "field '" + f[0]->id + "' is " + to_string(f[0]->type) +
                                          "; requires_evidence needs a yes_no flag");
                for (std::size_t i = 1; i < f.size(); ++i)
                    if (f[i]->type != FieldType::Text && f[i]->type != FieldType::Date && f[i]->type != FieldType::Link)
                        r_.fail(paths[i], "evidence field '" + f[i]->id + "' must be text, date or link");
                break;
        }
    }

    void check_duplicate_cycles() {
        for (std::size_t i = 0; i < c_.indicators.size(); ++i) {
            std::vector<std::string> chain = {c_.indicators[i].id};
            const Indicator* cur = &c_.indicators[i];
            while (!cur->duplicate_of.empty()) {
                if (std::find(chain.begin(), chain.end(), cur->duplicate_of) != chain.end()) {
                    chain.push_back(cur->duplicate_of);
                    r_.fail(indicator_paths_[i] + "/duplicate_of", "cycle of duplicates: " + join(chain, " → "));
                }
                chain.push_back(cur->duplicate_of);
                cur = c_.indicator(cur->duplicate_of);
            }
        }
    }

    // A total that is (through other sum_equals rules) a part of itself.
    void check_sum_cycles() {
        std::map<std::string, std::vector<std::pair<std::string, std::size_t>>> parts_of;  // total → (part, rule)
        for (std::size_t i = 0; i < c_.rules.size(); ++i) {
            const Rule& r = c_.rules[i];
            if (r.kind != Rule::Kind::SumEquals)
                continue;
            for (std::size_t p = 0; p + 1 < r.fields.size(); ++p)
                parts_of[r.fields.back()].push_back({r.fields[p], i});
        }
        std::map<std::string, int> state;  // 1 visiting, 2 done
        std::vector<std::string> stack;
        std::function<void(const std::string&, std::size_t)> visit = [&](const std::string& f, std::size_t rule) {
            if (state[f] == 2)
                return;
            stack.push_back(f);
            if (state[f] == 1)
                r_.fail(c_.rules[rule].source, "cycle of sum_equals totals: " + join(stack, " → "));
            state[f] = 1;
            // find(), not operator[]: inserting here would invalidate the outer loop.
            if (const auto it = parts_of.find(f); it != parts_of.end())
                for (const auto& [part, r] : it->second)
                    visit(part, r);
            state[f] = 2;
            stack.pop_back();
        };
        for (const auto& [total, parts] : parts_of)
            visit(total, parts.front().second);
    }

    void derive_part_whole_rules() {
        std::set<std::pair<std::string, std::string>> known;
        for (const Rule& r : c_.rules)
            if (r.kind == Rule::Kind::PartWhole)
                known.insert({r.fields[0], r.fields[1]});
        for (std::size_t i = 0; i < c_.indicators.size(); ++i) {
            const Indicator& ind = c_.indicators[i];
            if (ind.compute.kind != Computation::Kind::Ratio || ind.compute.multiplier != 100.0 ||
                ind.compute.numerator.size() != 1 || ind.compute.denominator.size() != 1 || !ind.duplicate_of.empty())
                continue;
            const std::pair<std::string, std::string> pw{ind.compute.numerator[0], ind.compute.denominator[0]};
            if (!known.insert(pw).second)
                continue;
            Rule r;
            r.kind = Rule::Kind::PartWhole;
            r.direction = ind.direction;
            r.fields = {pw.first, pw.second};
            r.derived = true;
            r.source = indicator_paths_[i] + "/compute";
            c_.rules.push_back(std::move(r));
        }
    }

    Reader r_;
    const std::string& text_;
    std::string file_;
    Catalogue c_;
    std::set<std::string> direction_ids_, field_ids_, indicator_ids_;
    std::map<std::string, std::string> field_paths_;
    std::vector<std::string> indicator_paths_;
    std::vector<std::vector<std::string>> rule_paths_;
};

}  // namespace

Catalogue parse_catalogue(const std::string& json_text, const std::string& file) {
    return Loader(json_text, file).load();
}

Catalogue read_catalogue(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw CatalogueError(path, "", "cannot open the file");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_catalogue(text.str(), path);
}

}  // namespace msoko
