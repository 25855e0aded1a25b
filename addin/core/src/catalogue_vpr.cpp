// SPDX-License-Identifier: MPL-2.0
// The catalogue's member `vpr`: the thresholds of the ВПР analysis, the
// objectivity screen's figures, the ШНОР criteria and the fields the
// results fill (msoko/vpr_settings.hpp). Every member is optional; what is
// missing keeps its documented default.
#include "catalogue_loader.hpp"

namespace msoko {

VprSettings default_vpr_settings() {
    VprSettings s;
    s.shnor = {{"share_2", "share_2", 20.0, std::nullopt, 0, "доля работ с отметкой «2» не ниже 20 %"},
               {"share_45", "share_45", std::nullopt, 25.0, 0, "доля работ с отметками «4» и «5» не выше 25 %"}};
    return s;
}

namespace catalogue_loader {

namespace {

constexpr const char* kMeasures[] = {"share_2", "share_45", "mean_percent", "subjects_share_2"};

}  // namespace

void Loader::read_vpr(const json::object& root) {
    c_.vpr = default_vpr_settings();
    const json::value* v = root.if_contains("vpr");
    if (!v)
        return;
    const std::string path = "/vpr";
    const json::object& o = r_.object(*v, path);
    r_.only(o, {"note", "tasks", "samples", "worse_by", "objectivity", "shnor", "fill"}, path);
    VprSettings& s = c_.vpr;

    const auto percent = [&](const json::object& e, const char* key, const std::string& at, double& out) {
        if (const auto n = r_.number(e, key, at)) {
            if (*n < 0 || *n > 100)
                r_.fail(at + "/" + key, "must be a percentage, 0–100");
            out = *n;
        }
    };
    const auto count = [&](const json::object& e, const char* key, const std::string& at, std::size_t& out) {
        if (const auto n = r_.number(e, key, at)) {
            if (*n < 0 || *n != static_cast<double>(static_cast<std::size_t>(*n)))
                r_.fail(at + "/" + key, "must be a whole number, 0 or more");
            out = static_cast<std::size_t>(*n);
        }
    };
    const auto positive = [&](const json::object& e, const char* key, const std::string& at, double& out) {
        if (const auto n = r_.number(e, key, at)) {
            if (*n <= 0)
                r_.fail(at + "/" + key, "must be above 0");
            out = *n;
        }
    };

    if (const json::value* t = o.if_contains("tasks")) {
        const json::object& to = r_.object(*t, path + "/tasks");
        r_.only(to, {"basic", "advanced"}, path + "/tasks");
        for (const auto& [key, threshold] : {std::pair{"basic", &s.basic}, std::pair{"advanced", &s.advanced}}) {
            const json::value* lv = to.if_contains(key);
            if (!lv)
                continue;
            const std::string at = path + "/tasks/" + key;
            const json::object& lo = r_.object(*lv, at);
            r_.only(lo, {"sufficient", "insufficient"}, at);
            percent(lo, "sufficient", at, threshold->sufficient);
            percent(lo, "insufficient", at, threshold->insufficient);
            if (threshold->insufficient > threshold->sufficient)
                r_.fail(at + "/insufficient", "must not be above sufficient");
        }
    }
    if (const json::value* sv = o.if_contains("samples")) {
        const std::string at = path + "/samples";
        const json::object& so = r_.object(*sv, at);
        r_.only(so, {"informative", "caution", "groups"}, at);
        count(so, "informative", at, s.informative);
        count(so, "caution", at, s.caution);
        count(so, "groups", at, s.groups);
        if (!(s.groups <= s.caution && s.caution <= s.informative))
            r_.fail(at, "must be groups ≤ caution ≤ informative");
    }
    if (const auto w = r_.number(o, "worse_by", path)) {
        if (*w <= 0 || *w > 100)
            r_.fail(path + "/worse_by", "must be percentage points above 0, at most 100");
        s.worse_by = *w;
    }
    if (const json::value* ov = o.if_contains("objectivity")) {
        const std::string at = path + "/objectivity";
        const json::object& oo = r_.object(*ov, at);
        r_.only(oo,
                {"peak_ratio", "peak_min", "confidence_z", "journal_gap", "journal_gap_share", "correlation_below",
                 "easy_hard_margin"},
                at);
        positive(oo, "peak_ratio", at, s.peak_ratio);
        count(oo, "peak_min", at, s.peak_min);
        positive(oo, "confidence_z", at, s.confidence_z);
        positive(oo, "journal_gap", at, s.journal_gap);
        percent(oo, "journal_gap_share", at, s.journal_gap_share);
        if (const auto c = r_.number(oo, "correlation_below", at)) {
            if (*c < -1 || *c > 1)
                r_.fail(at + "/correlation_below", "must be a correlation, −1 to 1");
            s.correlation_below = *c;
        }
        percent(oo, "easy_hard_margin", at, s.easy_hard_margin);
    }
    if (const json::value* sh = o.if_contains("shnor")) {
        const std::string at = path + "/shnor";
        const json::object& so = r_.object(*sh, at);
        r_.only(so, {"min_works", "need", "criteria"}, at);
        count(so, "min_works", at, s.shnor_min_works);
        count(so, "need", at, s.shnor_need);
        if (so.if_contains("criteria")) {
            s.shnor.clear();
            const json::array& a = r_.array(so, "criteria", at);
            for (std::size_t i = 0; i < a.size(); ++i) {
                const std::string ep = at + "/criteria/" + std::to_string(i);
                const json::object& e = r_.object(a[i], ep);
                r_.only(e, {"id", "measure", "at_least", "at_most", "per_subject", "title"}, ep);
                ShnorCriterion c;
                c.id = r_.string(e, "id", ep);
                c.measure = r_.string(e, "measure", ep);
                if (std::none_of(std::begin(kMeasures), std::end(kMeasures),
                                 [&](const char* m) { return c.measure == m; }))
                    r_.fail(ep + "/measure", "unknown measure '" + c.measure +
                                                 "'; expected share_2, share_45, mean_percent or subjects_share_2");
                c.at_least = r_.number(e, "at_least", ep);
                c.at_most = r_.number(e, "at_most", ep);
                if (c.at_least.has_value() == c.at_most.has_value())
                    r_.fail(ep, "needs exactly one of at_least and at_most");
                if (c.measure == "subjects_share_2") {
                    if (!c.at_least)
                        r_.fail(ep + "/at_least", "subjects_share_2 counts subjects: it needs at_least");
                    percent(e, "per_subject", ep, c.per_subject);
                    if (!e.if_contains("per_subject"))
                        r_.fail(ep + "/per_subject", "required member is missing");
                } else if (e.if_contains("per_subject")) {
                    r_.fail(ep + "/per_subject", "only subjects_share_2 has per_subject");
                }
                c.title = r_.string(e, "title", ep);
                for (const auto& other : s.shnor)
                    if (other.id == c.id)
                        r_.fail(ep + "/id", "duplicate id '" + c.id + "'");
                s.shnor.push_back(std::move(c));
            }
        }
        if (s.shnor_need > s.shnor.size())
            r_.fail(at + "/need", "asks for more criteria than there are");
    }
    if (const json::value* fv = o.if_contains("fill")) {
        const std::string at = path + "/fill";
        const json::object& fo = r_.object(*fv, at);
        r_.only(fo, {"participants", "below_min", "success", "confirmed", "lowered", "comment"}, at);
        for (const auto& [key, out] :
             {std::pair{"participants", &s.fill.participants}, std::pair{"below_min", &s.fill.below_min},
              std::pair{"success", &s.fill.success}, std::pair{"confirmed", &s.fill.confirmed},
              std::pair{"lowered", &s.fill.lowered}}) {
            *out = r_.string(fo, key, at, false);
            if (out->empty())
                continue;
            const Field* f = c_.field(*out);
            if (!f)
                r_.fail(at + "/" + key, "unknown field '" + *out + "'");
            if (f->type != FieldType::Count)
                r_.fail(at + "/" + key, "field '" + *out + "' is not a count");
        }
        if (fo.if_contains("comment"))
            s.fill_comment = r_.string(fo, "comment", at);
    }
}

}  // namespace catalogue_loader
}  // namespace msoko
