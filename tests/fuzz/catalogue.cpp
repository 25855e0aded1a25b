// SPDX-License-Identifier: MPL-2.0
// Fuzz target: the catalogue loader, msoko::parse_catalogue, on any text.
// A catalogue loads completely or throws CatalogueError (nothing else); what
// loads is consistent — every reference resolves, ids are where the loader
// promises — and renders as the indicator document and as a blank form.
#include "msoko/catalogue.hpp"
#include "msoko/catalogue_doc.hpp"
#include "msoko/form.hpp"

#include "fuzz_support.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace msoko {
namespace {

bool numeric(const Field& f) {
    return f.type == FieldType::Count || f.type == FieldType::Number;
}

void check_loaded(const Catalogue& c, const std::string& text) {
    const CatalogueInfo info = parse_catalogue_info(text, "fuzz.json");
    FUZZ_CHECK(info.id == c.info.id && info.version == c.info.version && info.title == c.info.title);
    FUZZ_CHECK(!c.directions.empty());

    std::set<std::string> field_ids, indicator_ids;
    for (const Direction& d : c.directions) {
        FUZZ_CHECK(c.direction(d.id) == &d);
        FUZZ_CHECK(!d.indicators.empty());
        for (const auto& id : d.fields) {
            const Field* f = c.field(id);
            FUZZ_CHECK(f && f->direction == d.id);
            FUZZ_CHECK(field_ids.insert(id).second);
            FUZZ_CHECK(!f->org_types.empty());
            for (const auto& t : f->org_types)
                FUZZ_CHECK(c.organisation_type(t));
            FUZZ_CHECK(!(f->min && f->max) || *f->min <= *f->max);
            FUZZ_CHECK(numeric(*f) || (!f->min && !f->max));
        }
        std::size_t position = 0;
        std::string headline;
        for (std::size_t i = 0; i < d.indicators.size(); ++i) {
            const Indicator* ind = c.indicator(d.indicators[i]);
            FUZZ_CHECK(ind && ind->direction == d.id);
            if (ind->is_variant()) {  // right after its headline (or its headline's other variants)
                FUZZ_CHECK(ind->variant_of == headline && ind->id.rfind(headline + ".", 0) == 0);
                FUZZ_CHECK(!ind->label.empty());
            } else {
                headline = ind->id;
                FUZZ_CHECK(ind->id == d.id + "." + std::to_string(++position));
            }
            FUZZ_CHECK(indicator_ids.insert(ind->id).second);
        }
    }
    FUZZ_CHECK(field_ids.size() == c.fields.size() && indicator_ids.size() == c.indicators.size());

    for (const Indicator& ind : c.indicators) {
        const Computation& k = ind.compute;
        FUZZ_CHECK(!ind.org_types.empty());
        for (const auto& id : k.inputs()) {
            const Field* f = c.field(id);
            FUZZ_CHECK(f);
            // Every input is filled for every organisation type the indicator concerns…
            for (const auto& t : ind.org_types)
                FUZZ_CHECK(f->concerns(t));
            // …and is of the type the computation reads.
            const bool yes_no = k.kind == Computation::Kind::Flag || k.kind == Computation::Kind::OrganisationShare;
            FUZZ_CHECK(yes_no ? f->type == FieldType::YesNo : numeric(*f));
        }
        switch (k.kind) {
            case Computation::Kind::Ratio:
                FUZZ_CHECK(!k.numerator.empty() && !k.denominator.empty() && k.multiplier > 0);
                break;
            case Computation::Kind::BandShare:
                FUZZ_CHECK(!k.bands.empty() && !k.denominator.empty());
                for (std::size_t i = 1; i < k.bands.size(); ++i)
                    FUZZ_CHECK(k.bands[i - 1].from < k.bands[i].from);
                break;
            case Computation::Kind::Count:
            case Computation::Kind::Flag:
            case Computation::Kind::OrganisationShare:
                FUZZ_CHECK(k.fields.size() == 1);
                break;
            case Computation::Kind::Sum:
                FUZZ_CHECK(!k.fields.empty());
                break;
        }
        FUZZ_CHECK(ind.duplicate_of.empty() || (c.indicator(ind.duplicate_of) && ind.duplicate_of != ind.id));
    }
    // A broken-down total's member fields follow it, one per member of its dimension.
    for (const Field& f : c.fields)
        if (!f.breakdown.empty()) {
            const Dimension* dim = c.dimension(f.breakdown);
            FUZZ_CHECK(dim && c.members(f.id).size() == dim->members.size());
        }
    for (const Rule& r : c.rules) {
        FUZZ_CHECK(c.direction(r.direction));
        FUZZ_CHECK(!r.fields.empty());
        for (const auto& id : r.fields)
            FUZZ_CHECK(c.field(id));
        if (r.kind == Rule::Kind::PartWhole)
            FUZZ_CHECK(r.fields.size() == 2);
        if (r.kind == Rule::Kind::SumEquals)
            FUZZ_CHECK(r.fields.size() >= 2);
        if (r.kind == Rule::Kind::SumWithin)
            FUZZ_CHECK(r.parts >= 1 && r.parts < r.fields.size() && r.fields.size() >= 3);
        if (r.kind == Rule::Kind::Implies)
            FUZZ_CHECK(r.fields.size() == 2 && r.conditions.size() == 2 && r.fields[0] != r.fields[1]);
        if (r.kind == Rule::Kind::CoversRegister) {
            FUZZ_CHECK(!r.org_types.empty());
            for (const auto& t : r.org_types)
                FUZZ_CHECK(c.organisation_type(t) && !c.organisation_type(t)->municipal);
        }
    }

    // What a methodologist reads and what a municipality fills.
    FUZZ_CHECK(!indicators_markdown(c).empty());
    FormData blank;
    std::map<std::string, std::size_t> slots;
    for (const OrganisationType* t : c.register_types()) {
        blank.rows[t->plural] = slots.size() == 0 ? 2 : 1;  // one or two rows of each type
        slots[t->id] = blank.rows[t->plural];
    }
    const FormLayout layout = form_layout(c, slots);
    for (const DirectionSheet& ds : layout.directions) {
        FUZZ_CHECK(ds.direction && c.direction(ds.direction->id) == ds.direction);
        for (std::size_t col = 0; col < ds.columns.size(); ++col)
            FUZZ_CHECK(ds.column_of(ds.columns[col].code) == static_cast<int>(col));
    }
    const std::string fods = form_fods(c, blank, "fuzz");
    FUZZ_CHECK(fods.find("</office:document>") != std::string::npos);
}

}  // namespace
}  // namespace msoko

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    msoko::Catalogue catalogue;
    try {
        catalogue = msoko::parse_catalogue(text, "fuzz.json");
    } catch (const msoko::CatalogueError&) {
        return 0;  // refused, with file and place: what the loader promises
    }
    msoko::check_loaded(catalogue, text);
    return 0;
}
