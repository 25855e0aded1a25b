// SPDX-License-Identifier: MPL-2.0
// The catalogue loader: dimensions, broken-down fields and indicators'
// variants, and their expansion into member fields and member variants.
#include "catalogue_loader.hpp"

#include "msoko/text.hpp"

#include <algorithm>
#include <regex>

namespace msoko::catalogue_loader {

void Loader::read_dimensions(const json::object& o) {
    static const std::regex id_pattern("[a-z][a-z0-9_]*"), member_pattern("[a-z0-9][a-z0-9_]*");
    const json::array& a = r_.array(o, "dimensions", "", false);
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string path = "/dimensions/" + std::to_string(i);
        const json::object& e = r_.object(a[i], path);
        r_.only(e, {"id", "title", "additive", "members"}, path);
        Dimension d;
        d.id = r_.string(e, "id", path);
        if (!std::regex_match(d.id, id_pattern))
            r_.fail(path + "/id", "dimension id '" + d.id + "' must be lower-case latin letters, digits and _");
        if (c_.dimension(d.id))
            r_.fail(path + "/id", "duplicate dimension id '" + d.id + "'");
        d.title = r_.string(e, "title", path);
        if (e.if_contains("additive"))
            d.additive = r_.boolean(e, "additive", path);
        const json::array& members = r_.array(e, "members", path);
        if (members.size() < 2)
            r_.fail(path + "/members", "a dimension needs at least two members");
        for (std::size_t m = 0; m < members.size(); ++m) {
            const std::string mpath = path + "/members/" + std::to_string(m);
            const json::object& me = r_.object(members[m], mpath);
            r_.only(me, {"id", "title"}, mpath);
            DimensionMember member{r_.string(me, "id", mpath), r_.string(me, "title", mpath)};
            if (!std::regex_match(member.id, member_pattern))
                r_.fail(mpath + "/id", "member id '" + member.id +
                                           "' must be lower-case latin letters, digits and _ (it ends field ids)");
            if (d.member(member.id))
                r_.fail(mpath + "/id", "duplicate member '" + member.id + "' of dimension '" + d.id + "'");
            if (std::any_of(d.members.begin(), d.members.end(),
                            [&](const DimensionMember& x) { return fold(x.title) == fold(member.title); }))
                r_.fail(mpath + "/title", "duplicate member title '" + member.title + "' of dimension '" + d.id + "'");
            d.members.push_back(std::move(member));
        }
        c_.dimensions.push_back(std::move(d));
    }
}

void Loader::read_field_breakdown(Field& total, const json::object& o, const std::string& path,
                                  std::vector<Field>& members) {
    const json::value* b = o.if_contains("breakdown");
    if (!b)
        return;
    const std::string bpath = path + "/breakdown";
    std::string dimension, dpath = bpath;
    std::vector<std::string> types = total.org_types;
    if (b->is_string()) {
        dimension = std::string(b->as_string());
    } else if (b->is_object()) {
        const json::object& bo = b->as_object();
        r_.only(bo, {"dimension", "org_types"}, bpath);
        dimension = r_.string(bo, "dimension", bpath);
        dpath = bpath + "/dimension";
        if (bo.if_contains("org_types")) {
            types = r_.strings(bo, "org_types", bpath);
            check_org_types(types, bpath + "/org_types");
            for (std::size_t i = 0; i < types.size(); ++i)
                if (!total.concerns(types[i]))
                    r_.fail(
                        bpath + "/org_types/" + std::to_string(i),
                        "the breakdown concerns " + types[i] + " but field '" + total.id + "' is not filled for it");
        }
    } else {
        r_.fail(bpath, "must be a dimension id or an object {\"dimension\": …, \"org_types\": […]}");
    }
    const Dimension* dim = c_.dimension(dimension);
    if (!dim) {
        std::vector<std::string> known;
        for (const auto& d : c_.dimensions)
            known.push_back(d.id);
        r_.fail(dpath, "unknown dimension '" + dimension + "'" +
                           (known.empty() ? std::string("; the catalogue has no dimensions")
                                          : "; the catalogue's dimensions: " + join(known)));
    }
    if (!numeric(total.type))
        r_.fail(bpath, "field '" + total.id + "' is " + to_string(total.type) +
                           "; only count and number fields can be broken down");
    total.breakdown = dim->id;
    breakdown_paths_[total.id] = bpath;
    breakdown_types_[total.id] = types;
    for (const auto& m : dim->members) {
        Field mf = total;
        mf.id = total.id + "_" + m.id;
        mf.title = total.title + " — " + m.title;
        mf.org_types = types;
        mf.note.clear();
        mf.breakdown.clear();
        mf.breakdown_of = total.id;
        mf.member = m.id;
        if (!field_ids_.insert(mf.id).second)
            r_.fail(bpath, "the member field '" + mf.id + "' of the breakdown (" + m.title +
                               ") has the id of another field of the catalogue");
        member_of_[mf.id] = total.id;
        members.push_back(std::move(mf));
    }
}

std::vector<Indicator> Loader::read_variants(const Indicator& headline, const json::object& o,
                                             const std::string& path) {
    static const std::regex suffix_pattern("[a-z0-9][a-z0-9_]*");
    std::vector<Indicator> out;
    const json::array& a = r_.array(o, "variants", path, false);
    if (o.if_contains("variants") && a.empty())
        r_.fail(path + "/variants", "must not be empty");
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string vpath = path + "/variants/" + std::to_string(i);
        const json::object& e = r_.object(a[i], vpath);
        r_.only(e, {"id", "label", "title", "unit", "note", "from", "compute"}, vpath);
        Indicator v = headline;
        v.id = r_.string(e, "id", vpath);
        const std::string prefix = headline.id + ".";
        if (v.id.compare(0, prefix.size(), prefix) != 0 ||
            !std::regex_match(v.id.substr(std::min(prefix.size(), v.id.size())), suffix_pattern))
            r_.fail(vpath + "/id", "variant id '" + v.id + "' is not under its headline: expected '" + prefix +
                                       "<suffix>' (the suffix: lower-case latin letters, digits and _)");
        if (!indicator_ids_.insert(v.id).second)
            r_.fail(vpath + "/id", "duplicate indicator id '" + v.id + "'");
        v.variant_of = headline.id;
        v.breakdown.clear();
        v.duplicate_of.clear();
        v.label = r_.string(e, "label", vpath);
        v.title = r_.string(e, "title", vpath, false);
        if (v.title.empty())
            v.title = headline.title + " — " + v.label;
        v.note = r_.string(e, "note", vpath, false);
        if (e.if_contains("unit"))
            v.unit = r_.string(e, "unit", vpath);
        const bool has_from = e.if_contains("from") != nullptr, has_compute = e.if_contains("compute") != nullptr;
        if (has_from == has_compute)
            r_.fail(vpath, has_from ? "'from' and 'compute' exclude each other: a variant either takes another "
                                      "threshold of its band_share headline or computes otherwise"
                                    : "a variant needs 'from' (a threshold of its band_share headline) or 'compute'");
        if (has_from) {
            const double from = *r_.number(e, "from", vpath, true);
            if (headline.compute.kind != Computation::Kind::BandShare)
                r_.fail(vpath + "/from", std::string("'from' needs a band_share headline; ") + headline.id + " is a " +
                                             to_string(headline.compute.kind));
            std::vector<std::string> froms;
            for (const auto& b : headline.compute.bands)
                froms.push_back(format_number(b.from));
            if (std::none_of(headline.compute.bands.begin(), headline.compute.bands.end(),
                             [&](const Computation::Band& b) { return b.from == from; }))
                r_.fail(vpath + "/from", "headline " + headline.id + " has no band from " + format_number(from) +
                                             "; its bands are from " + join(froms));
            v.compute.from = from;
        } else {
            v.compute = read_compute(*e.if_contains("compute"), vpath + "/compute");
            check_kind_scope(v, vpath + "/compute");
        }
        out.push_back(std::move(v));
    }
    return out;
}

void Loader::expand_breakdowns() {
    if (indicator_breakdowns_.empty())
        return;
    std::vector<Indicator> all;
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < c_.indicators.size(); ++i) {
        all.push_back(c_.indicators[i]);
        paths.push_back(indicator_paths_[i]);
        // After a headline's explicit variants: its per-member ones.
        if (i + 1 < c_.indicators.size() && c_.indicators[i + 1].is_variant())
            continue;
        const std::string& hid = c_.indicators[i].is_variant() ? c_.indicators[i].variant_of : c_.indicators[i].id;
        const auto b = indicator_breakdowns_.find(hid);
        if (b == indicator_breakdowns_.end())
            continue;
        const Indicator& headline = *c_.indicator(hid);
        const std::string& hpath = indicator_paths_[static_cast<std::size_t>(&headline - c_.indicators.data())];
        const Dimension& dim = *c_.dimension(headline.breakdown);
        for (const auto& m : dim.members) {
            Indicator v = headline;
            v.id = headline.id + "." + m.id;
            v.variant_of = headline.id;
            v.breakdown.clear();
            v.member = m.id;
            v.label = "в т. ч. " + m.title;
            v.title = headline.title + " — " + m.title;
            v.note.clear();
            v.duplicate_of.clear();
            bool broken_down = false;
            auto member_field = [&](std::string& id) {
                const Field* f = c_.field(id);
                if (!f || f->breakdown != dim.id)
                    return;
                broken_down = true;
                const auto& types = breakdown_types_[id];
                v.org_types.erase(std::remove_if(v.org_types.begin(), v.org_types.end(),
                                                 [&](const std::string& t) {
                                                     return std::find(types.begin(), types.end(), t) == types.end();
                                                 }),
                                  v.org_types.end());
                id += "_" + m.id;
            };
            Computation& k = v.compute;
            for (auto* list : {&k.numerator, &k.denominator, &k.fields})
                for (auto& id : *list)
                    member_field(id);
            for (auto& band : k.bands)
                member_field(band.field);
            if (!broken_down)
                r_.fail(b->second, "none of the fields of indicator " + headline.id + " is broken down by '" + dim.id +
                                       "': break a field down first (\"breakdown\": \"" + dim.id + "\")");
            if (v.org_types.empty())
                r_.fail(b->second,
                        "the member fields of the breakdown concern none of the organisation types of " + headline.id);
            if (!indicator_ids_.insert(v.id).second)
                r_.fail(b->second, "the variant '" + v.id + "' of the breakdown has the id of another indicator");
            all.push_back(std::move(v));
            paths.push_back(hpath);  // what is wrong in it is wrong in the headline's compute
        }
    }
    c_.indicators = std::move(all);
    indicator_paths_ = std::move(paths);
    for (auto& d : c_.directions) {
        d.indicators.clear();
        for (const auto& ind : c_.indicators)
            if (ind.direction == d.id)
                d.indicators.push_back(ind.id);
    }
}

}  // namespace msoko::catalogue_loader
