// SPDX-License-Identifier: MPL-2.0
// The catalogue loader: the top-level `changes` — what became of the fields
// of the previous version — checked against this catalogue's fields (the old
// catalogue is not at hand here: the migration checks the old ids).
#include "catalogue_loader.hpp"

#include "msoko/text.hpp"

#include <algorithm>
#include <regex>

namespace msoko {

const FieldChange* CatalogueChanges::of(const std::string& old_id) const {
    const auto it =
        std::find_if(fields.begin(), fields.end(), [&](const FieldChange& c) { return c.old_id == old_id; });
    return it == fields.end() ? nullptr : &*it;
}

const IndicatorChange* CatalogueChanges::redefined(const std::string& indicator) const {
    const auto it =
        std::find_if(indicators.begin(), indicators.end(), [&](const IndicatorChange& c) { return c.id == indicator; });
    return it == indicators.end() ? nullptr : &*it;
}

}  // namespace msoko

namespace msoko::catalogue_loader {

void Loader::read_changes(const json::object& root) {
    const json::value* v = root.if_contains("changes");
    if (!v)
        return;
    const std::string path = "/changes";
    const json::object& o = r_.object(*v, path);
    r_.only(o, {"from", "fields", "indicators"}, path);
    CatalogueChanges changes;
    changes.from = r_.string(o, "from", path);
    if (changes.from == c_.info.version)
        r_.fail(path + "/from", "the changes lead from an earlier version, not from this one ('" + changes.from + "')");
    if (const auto order = compare_versions(changes.from, c_.info.version); order && *order > 0)
        r_.fail(path + "/from",
                "version '" + changes.from + "' is newer than this catalogue's '" + c_.info.version + "'");
    static const std::regex id_pattern("[a-z][a-z0-9_]*");
    const json::array& a = r_.array(o, "fields", path);
    std::set<std::string> olds, renamed_to, summed;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string p = path + "/fields/" + std::to_string(i);
        const json::object& e = r_.object(a[i], p);
        FieldChange c;
        c.source = p;
        if (!e.if_contains("old") && e.if_contains("field")) {
            // A field of this version that is the sum of old fields (a new total of parts that stay).
            r_.only(e, {"field", "sum_of"}, p);
            c.kind = FieldChange::Kind::Summed;
            c.target = r_.string(e, "field", p);
            const Field* f = c_.field(c.target);
            if (!f)
                r_.fail(p + "/field", "'" + c.target + "' is not a field of this catalogue");
            if (!numeric(f->type))
                r_.fail(p + "/field",
                        "field '" + f->id + "' is " + to_string(f->type) + "; a sum fills only count or number fields");
            if (!summed.insert(c.target).second)
                r_.fail(p + "/field", "field '" + c.target + "' is the sum of two changes");
            c.sum_of = r_.strings(e, "sum_of", p);
            for (std::size_t k = 0; k < c.sum_of.size(); ++k)
                if (!std::regex_match(c.sum_of[k], id_pattern))
                    r_.fail(p + "/sum_of/" + std::to_string(k),
                            "field id '" + c.sum_of[k] + "' must be lower-case latin letters, digits and _");
            changes.fields.push_back(std::move(c));
            continue;
        }
        c.old_id = r_.string(e, "old", p);
        if (!std::regex_match(c.old_id, id_pattern))
            r_.fail(p + "/old", "field id '" + c.old_id + "' must be lower-case latin letters, digits and _");
        if (!olds.insert(c.old_id).second)
            r_.fail(p + "/old", "field '" + c.old_id + "' is named by two changes");
        const char* kinds[] = {"new", "removed", "into", "split", "redefined"};
        std::vector<const char*> given;
        for (const char* k : kinds)
            if (e.if_contains(k))
                given.push_back(k);
        if (given.size() != 1)
            r_.fail(p,
                    "a change says exactly one of new, removed, into, split or redefined (or is a \"field\" "
                    "with its \"sum_of\"); this one says " +
                        (given.empty() ? std::string("none") : std::to_string(given.size())));
        const std::string kind = given.front();
        const bool still_a_field = c_.field(c.old_id) != nullptr;
        const auto current = [&](const std::string& id, const std::string& at) -> const Field& {
            const Field* f = c_.field(id);
            if (!f)
                r_.fail(at, "'" + id + "' is not a field of this catalogue");
            return *f;
        };
        const auto gone = [&](const char* what) {
            if (still_a_field)
                r_.fail(p + "/old", "field '" + c.old_id + "' is still a field of this catalogue: it cannot be " +
                                        what +
                                        " (a kept id keeps its values; say \"redefined\" when its meaning changed)");
        };
        if (kind == "new") {
            r_.only(e, {"old", "new"}, p);
            c.kind = FieldChange::Kind::Renamed;
            gone("renamed");
            c.target = r_.string(e, "new", p);
            current(c.target, p + "/new");
            if (!renamed_to.insert(c.target).second)
                r_.fail(p + "/new", "two fields are renamed to '" + c.target + "': say \"into\" to merge them");
        } else if (kind == "removed") {
            r_.only(e, {"old", "removed"}, p);
            c.kind = FieldChange::Kind::Removed;
            gone("removed");
            c.reason = r_.string(e, "removed", p);
        } else if (kind == "into") {
            r_.only(e, {"old", "into", "sum"}, p);
            c.kind = FieldChange::Kind::Merged;
            gone("merged into another");
            c.target = r_.string(e, "into", p);
            const Field& f = current(c.target, p + "/into");
            if (const json::value* sum = e.if_contains("sum")) {
                if (!sum->is_bool())
                    r_.fail(p + "/sum", "must be true or false");
                c.sum = sum->as_bool();
                if (c.sum && !numeric(f.type))
                    r_.fail(p + "/sum", "field '" + f.id + "' is " + to_string(f.type) +
                                            "; values are added only into count or number fields");
            }
        } else if (kind == "split") {
            r_.only(e, {"old", "split", "keep"}, p);
            c.kind = FieldChange::Kind::Split;
            c.split = r_.strings(e, "split", p);
            std::set<std::string> seen;
            for (std::size_t k = 0; k < c.split.size(); ++k) {
                const std::string at = p + "/split/" + std::to_string(k);
                current(c.split[k], at);
                if (!seen.insert(c.split[k]).second)
                    r_.fail(at, "field '" + c.split[k] + "' is named twice");
            }
            if (still_a_field && !seen.count(c.old_id))
                r_.fail(p + "/old",
                        "field '" + c.old_id +
                            "' is still a field of this catalogue but not one of the fields it is split into");
            c.keep = r_.string(e, "keep", p, false);
            if (e.if_contains("keep") && !seen.count(c.keep))
                r_.fail(p + "/keep", "'" + c.keep + "' is not one of the fields it is split into");
        } else {
            r_.only(e, {"old", "redefined"}, p);
            c.kind = FieldChange::Kind::Redefined;
            if (!still_a_field)
                r_.fail(p + "/old",
                        "'" + c.old_id + "' is not a field of this catalogue: a redefined field keeps its id");
            c.reason = r_.string(e, "redefined", p);
        }
        changes.fields.push_back(std::move(c));
    }
    // Indicators whose definition changed: {"id": "5.2.1.4", "redefined": "why"}.
    const json::array& inds = r_.array(o, "indicators", path, false);
    std::set<std::string> named;
    for (std::size_t i = 0; i < inds.size(); ++i) {
        const std::string p = path + "/indicators/" + std::to_string(i);
        const json::object& e = r_.object(inds[i], p);
        r_.only(e, {"id", "redefined"}, p);
        IndicatorChange c{r_.string(e, "id", p), r_.string(e, "redefined", p), p};
        if (!c_.indicator(c.id))
            r_.fail(p + "/id", "'" + c.id + "' is not an indicator of this catalogue");
        if (!named.insert(c.id).second)
            r_.fail(p + "/id", "indicator '" + c.id + "' is named by two changes");
        changes.indicators.push_back(std::move(c));
    }
    c_.changes = std::move(changes);
}

}  // namespace msoko::catalogue_loader
