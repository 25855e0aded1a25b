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
    r_.only(o,
            {"format", "id", "version", "title", "source", "organisation_types", "flags", "dimensions", "sources",
             "directions", "changes", "vpr"},
            "");
    c_.source = r_.string(o, "source", "");
    read_organisation_types(o);
    read_flags(o);
    read_dimensions(o);
    read_sources(o);
    const json::array& dirs = r_.array(o, "directions", "");
    if (dirs.empty())
        r_.fail("/directions", "must not be empty");
    for (std::size_t i = 0; i < dirs.size(); ++i)
        read_direction(dirs[i], "/directions/" + std::to_string(i));
    c_.index();
    expand_breakdowns();
    c_.index();
    resolve();
    read_changes(o);
    read_vpr(o);
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

// The closed list of data sources: {id, title}; optional, so that catalogues
// written before it still load.
void Loader::read_sources(const json::object& o) {
    const json::array& a = r_.array(o, "sources", "", false);
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string path = "/sources/" + std::to_string(i);
        const json::object& e = r_.object(a[i], path);
        r_.only(e, {"id", "title"}, path);
        DataSource s{r_.string(e, "id", path), r_.string(e, "title", path)};
        if (c_.data_source(s.id))
            r_.fail(path + "/id", "duplicate source id '" + s.id + "'");
        c_.sources.push_back(std::move(s));
    }
}

void Loader::check_org_types(const std::vector<std::string>& types, const std::string& path) {
    for (std::size_t i = 0; i < types.size(); ++i)
        if (!c_.organisation_type(types[i]))
            r_.fail(path + "/" + std::to_string(i), "unknown organisation type '" + types[i] + "'");
}

void Loader::read_direction(const json::value& v, const std::string& path) {
    const json::object& o = r_.object(v, path);
    r_.only(o,
            {"id", "short_title", "group", "title", "source", "note", "supplementary", "fields", "indicators", "rules"},
            path);
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
    if (o.if_contains("supplementary"))
        d.supplementary = r_.boolean(o, "supplementary", path);

    const json::array& fields = r_.array(o, "fields", path);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        Field f = read_field(fields[i], path + "/fields/" + std::to_string(i));
        f.direction = d.id;
        d.fields.push_back(f.id);
        c_.fields.push_back(std::move(f));
        for (Field& m : members_) {  // a broken-down total's member fields, right after it
            m.direction = d.id;
            d.fields.push_back(m.id);
            c_.fields.push_back(std::move(m));
        }
        members_.clear();
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
        std::vector<Indicator> variants = read_variants(ind, r_.object(inds[i], ipath), ipath);
        d.indicators.push_back(ind.id);
        indicator_paths_.push_back(ipath);
        c_.indicators.push_back(std::move(ind));
        for (std::size_t k = 0; k < variants.size(); ++k) {
            d.indicators.push_back(variants[k].id);
            indicator_paths_.push_back(ipath + "/variants/" + std::to_string(k));
            c_.indicators.push_back(std::move(variants[k]));
        }
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
    r_.only(o,
            {"id", "title", "type", "unit", "org_types", "filled_by", "required", "min", "max", "note", "breakdown",
             "source"},
            path);
    Field f;
    f.id = r_.string(o, "id", path);
    if (!std::regex_match(f.id, id_pattern))
        r_.fail(path + "/id", "field id '" + f.id + "' must be lower-case latin letters, digits and _");
    if (const auto it = member_of_.find(f.id); it != member_of_.end())
        r_.fail(path + "/id", "field id '" + f.id + "' is a member field of the breakdown of '" + it->second +
                                  "', which adds it: remove this field or rename it");
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
    f.source = r_.string(o, "source", path, false);
    if (o.if_contains("source") && !c_.data_source(f.source))
        r_.fail(path + "/source",
                "unknown source '" + f.source + "'" + (c_.sources.empty() ? "; the catalogue lists no sources" : ""));
    read_field_breakdown(f, o, path, members_);  // the member fields come from where their total does
    return f;
}

Indicator Loader::read_indicator(const json::value& v, const std::string& path) {
    const json::object& o = r_.object(v, path);
    r_.only(o,
            {"id", "title", "unit", "org_types", "scope_flags", "compute", "duplicate_of", "note", "variants",
             "breakdown", "role", "better"},
            path);
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
    if (o.if_contains("role"))
        ind.role = indicator_role(r_.string(o, "role", path), path + "/role");
    if (o.if_contains("better"))
        ind.better = better(r_.string(o, "better", path), path + "/better");
    const json::value* comp = r_.member(o, "compute", path, true);
    ind.compute = read_compute(*comp, path + "/compute");
    check_kind_scope(ind, path + "/org_types");
    ind.breakdown = r_.string(o, "breakdown", path, false);
    if (o.if_contains("breakdown")) {
        if (!c_.dimension(ind.breakdown))
            r_.fail(path + "/breakdown", "unknown dimension '" + ind.breakdown + "'");
        indicator_breakdowns_[ind.id] = path + "/breakdown";
    }
    return ind;
}

// For the municipality, a count, sum or flag of organisations and the
// municipality's own answer are different things: one or the other.
void Loader::check_kind_scope(const Indicator& ind, const std::string& path) {
    const auto k = ind.compute.kind;
    if ((k == Computation::Kind::Count || k == Computation::Kind::Sum || k == Computation::Kind::Flag) &&
        ind.concerns(c_.municipal_type().id) && ind.org_types.size() > 1)
        r_.fail(path,
                std::string("a ") + to_string(k) + " concerns either the municipality or organisations, not both");
}

IndicatorRole Loader::indicator_role(const std::string& s, const std::string& path) const {
    for (const IndicatorRole r : {IndicatorRole::Result, IndicatorRole::Context, IndicatorRole::Process})
        if (s == to_string(r))
            return r;
    r_.fail(path, "unknown role '" + s + "'; expected result, context or process");
}

Better Loader::better(const std::string& s, const std::string& path) const {
    for (const Better b : {Better::Higher, Better::Lower, Better::Neither})
        if (s == to_string(b))
            return b;
    r_.fail(path, "unknown direction of better '" + s + "'; expected higher, lower or neither");
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
    // The members of a rule of `kind`, with the level every rule may carry.
    const auto only = [&](std::initializer_list<const char*> members) {
        std::vector<const char*> allowed(members);
        allowed.push_back("level");
        r_.only(o, allowed, path);
    };
    // The paths of an array of field ids, for the loader's messages.
    const auto paths_of = [&](const char* key, std::size_t n, std::vector<std::string>& paths) {
        for (std::size_t i = 0; i < n; ++i)
            paths.push_back(path + "/" + key + "/" + std::to_string(i));
    };
    if (kind == "part_whole") {
        only({"kind", "part", "whole"});
        rule.kind = Rule::Kind::PartWhole;
        rule.fields = {r_.string(o, "part", path), r_.string(o, "whole", path)};
        rule_paths_.push_back({path + "/part", path + "/whole"});
    } else if (kind == "sum_equals") {
        only({"kind", "parts", "total"});
        rule.kind = Rule::Kind::SumEquals;
        rule.fields = r_.strings(o, "parts", path);
        std::vector<std::string> paths;
        paths_of("parts", rule.fields.size(), paths);
        rule.fields.push_back(r_.string(o, "total", path));
        paths.push_back(path + "/total");
        rule_paths_.push_back(paths);
    } else if (kind == "same_value") {
        only({"kind", "fields"});
        rule.kind = Rule::Kind::SameValue;
        rule.fields = r_.strings(o, "fields", path);
        if (rule.fields.size() < 2)
            r_.fail(path + "/fields", "same_value needs at least two fields");
        std::vector<std::string> paths;
        paths_of("fields", rule.fields.size(), paths);
        rule_paths_.push_back(paths);
    } else if (kind == "requires_evidence") {
        only({"kind", "flag", "evidence"});
        rule.kind = Rule::Kind::RequiresEvidence;
        rule.fields = {r_.string(o, "flag", path)};
        const auto evidence = r_.strings(o, "evidence", path);
        rule.fields.insert(rule.fields.end(), evidence.begin(), evidence.end());
        std::vector<std::string> paths = {path + "/flag"};
        paths_of("evidence", evidence.size(), paths);
        rule_paths_.push_back(paths);
    } else if (kind == "sum_within") {
        only({"kind", "parts", "whole"});
        rule.kind = Rule::Kind::SumWithin;
        rule.fields = r_.strings(o, "parts", path);
        rule.parts = rule.fields.size();
        const auto whole = r_.strings(o, "whole", path);
        if (rule.parts == 1 && whole.size() == 1)
            r_.fail(path,
                    "one part within one whole is a part_whole rule: write {\"kind\": \"part_whole\", "
                    "\"part\": \"" +
                        rule.fields[0] + "\", \"whole\": \"" + whole[0] + "\"}");
        rule.fields.insert(rule.fields.end(), whole.begin(), whole.end());
        std::vector<std::string> paths;
        paths_of("parts", rule.parts, paths);
        paths_of("whole", whole.size(), paths);
        rule_paths_.push_back(paths);
    } else if (kind == "implies") {
        only({"kind", "if", "then"});
        rule.kind = Rule::Kind::Implies;
        for (const char* key : {"if", "then"}) {
            const std::string cpath = path + "/" + key;
            const json::object& c = r_.object(*r_.member(o, key, path, true), cpath);
            r_.only(c, {"field", "is", "above"}, cpath);
            rule.fields.push_back(r_.string(c, "field", cpath));
            Rule::Condition condition;
            if (c.if_contains("is")) {
                const std::string is = r_.string(c, "is", cpath);
                if (is != "да" && is != "нет")
                    r_.fail(cpath + "/is", "expected «да» or «нет», not '" + is + "'");
                condition.is = is == "да";
            }
            condition.above = r_.number(c, "above", cpath);
            if (condition.is && condition.above)
                r_.fail(cpath, "either 'is' (a yes_no answer) or 'above' (a figure), not both");
            rule.conditions.push_back(condition);
        }
        rule_paths_.push_back({path + "/if/field", path + "/then/field"});
    } else if (kind == "covers_register") {
        only({"kind", "field", "sum_of", "org_types"});
        rule.kind = Rule::Kind::CoversRegister;
        rule.fields = {r_.string(o, "field", path)};
        const auto sum_of = r_.strings(o, "sum_of", path, false);
        if (o.if_contains("sum_of") && sum_of.empty())
            r_.fail(path + "/sum_of", "must not be empty");
        rule.fields.insert(rule.fields.end(), sum_of.begin(), sum_of.end());
        rule.org_types = r_.strings(o, "org_types", path, false);
        if (o.if_contains("org_types") && rule.org_types.empty())
            r_.fail(path + "/org_types", "must not be empty");
        if (!sum_of.empty() && !rule.org_types.empty())
            r_.fail(path + "/org_types",
                    "org_types names the organisations counted; with sum_of the figures of every "
                    "organisation that has them are added up: one or the other");
        check_org_types(rule.org_types, path + "/org_types");
        for (std::size_t i = 0; i < rule.org_types.size(); ++i)
            if (c_.organisation_type(rule.org_types[i])->municipal)
                r_.fail(path + "/org_types/" + std::to_string(i),
                        "covers_register compares the municipality with organisations of the register, not with "
                        "the municipal level");
        std::vector<std::string> paths = {path + "/field"};
        paths_of("sum_of", sum_of.size(), paths);
        rule_paths_.push_back(paths);
    } else {
        r_.fail(path + "/kind", "unknown rule '" + kind +
                                    "'; expected part_whole, sum_equals, same_value, requires_evidence, sum_within, "
                                    "implies or covers_register");
    }
    const std::string level = r_.string(o, "level", path, false);
    if (o.if_contains("level") && level != "error" && level != "warning")
        r_.fail(path + "/level", "unknown level '" + level + "'; expected error or warning");
    rule.level = level == "warning" ? Rule::Level::Warning : Rule::Level::Error;
    return rule;
}

}  // namespace msoko::catalogue_loader
