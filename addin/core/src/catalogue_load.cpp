// SPDX-License-Identifier: MPL-2.0
// The catalogue loader: the file's members, each read and checked where it is.
#include "catalogue_loader.hpp"

#include "msoko/text.hpp"

#include <algorithm>
#include <regex>

namespace msoko::catalogue_loader {

Catalogue Loader::load() {
    c_.info = parse_catalogue_info(text_, file_);  // syntax errors with line and column
    const json::value root = json::parse(text_);
    const json::object& o = r_.object(root, "");
    r_.only(o, {"format", "id", "version", "title", "source", "organisation_types", "flags", "directions", "changes"},
            "");
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
    read_changes(o);
    return std::move(c_);
}

// Entries {id, title, short, …more}: `add` reads the rest of each.
template <class Add>
void Loader::read_named(const json::object& o, const char* key, std::initializer_list<const char*> more, Add add) {
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

void Loader::read_organisation_types(const json::object& o) {
    std::set<std::string> plurals, shorts;
    read_named(o, "organisation_types", {"level", "plural", "count_title"},
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
                   if (!shorts.insert(fold(s)).second)
                       r_.fail(path + "/short", "duplicate short title '" + s + "'");
                   c_.organisation_types.push_back(std::move(type));
               });
    const auto municipal = std::count_if(c_.organisation_types.begin(), c_.organisation_types.end(),
                                         [](const OrganisationType& t) { return t.municipal; });
    if (municipal != 1)
        r_.fail("/organisation_types", "exactly one type must be the municipal level (\"level\": \"municipality\"); " +
                                           std::to_string(municipal) + " are");
    if (c_.organisation_types.size() < 2)
        r_.fail("/organisation_types", "needs a type of organisations besides the municipal level");
}

void Loader::read_flags(const json::object& o) {
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
                   if (!shorts.insert(fold(s)).second)
                       r_.fail(path + "/short", "duplicate short title '" + s + "'");
                   c_.flags.push_back(std::move(flag));
               });
}

void Loader::check_org_types(const std::vector<std::string>& types, const std::string& path) {
    for (std::size_t i = 0; i < types.size(); ++i)
        if (!c_.organisation_type(types[i]))
            r_.fail(path + "/" + std::to_string(i), "unknown organisation type '" + types[i] + "'");
}

void Loader::read_direction(const json::value& v, const std::string& path) {
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
                                       std::to_string(i + 1) + " of direction " + d.id + " must be '" + expected + "'");
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

Field Loader::read_field(const json::value& v, const std::string& path) {
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

Indicator Loader::read_indicator(const json::value& v, const std::string& path) {
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

Computation Loader::read_compute(const json::value& v, const std::string& path) {
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

Rule Loader::read_rule(const json::value& v, const std::string& path) {
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

}  // namespace msoko::catalogue_loader
