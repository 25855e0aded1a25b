// SPDX-License-Identifier: MPL-2.0
#include "msoko/catalogue.hpp"

#include "catalogue_loader.hpp"

#include "msoko/text.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace msoko {

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
        case Rule::Kind::SumWithin:
            return "sum_within";
        case Rule::Kind::Implies:
            return "implies";
        case Rule::Kind::CoversRegister:
            return "covers_register";
    }
    return "?";
}

const char* to_string(IndicatorRole r) {
    switch (r) {
        case IndicatorRole::Result:
            return "result";
        case IndicatorRole::Context:
            return "context";
        case IndicatorRole::Process:
            return "process";
        case IndicatorRole::Unspecified:
            break;
    }
    return "";
}

const char* to_string(Better b) {
    switch (b) {
        case Better::Higher:
            return "higher";
        case Better::Lower:
            return "lower";
        case Better::Neither:
            return "neither";
        case Better::Unspecified:
            break;
    }
    return "";
}

const char* title(IndicatorRole r) {
    switch (r) {
        case IndicatorRole::Result:
            return "результативный";
        case IndicatorRole::Context:
            return "контекстный";
        case IndicatorRole::Process:
            return "процессный";
        case IndicatorRole::Unspecified:
            break;
    }
    return "";
}

const char* title(Better b) {
    switch (b) {
        case Better::Higher:
            return "выше — лучше";
        case Better::Lower:
            return "ниже — лучше";
        case Better::Neither:
            return "ни рост, ни снижение сами по себе не лучше";
        case Better::Unspecified:
            break;
    }
    return "";
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

const DimensionMember* Dimension::member(const std::string& member_id) const {
    for (const auto& m : members)
        if (m.id == member_id)
            return &m;
    return nullptr;
}

const Dimension* Catalogue::dimension(const std::string& id) const {
    for (const auto& d : dimensions)
        if (d.id == id)
            return &d;
    return nullptr;
}

std::vector<const Indicator*> Catalogue::variants(const std::string& headline) const {
    std::vector<const Indicator*> out;
    const auto it = indicator_index_.find(headline);
    if (it == indicator_index_.end())
        return out;
    for (std::size_t i = it->second + 1; i < indicators.size() && indicators[i].variant_of == headline; ++i)
        out.push_back(&indicators[i]);
    return out;
}

std::vector<const Field*> Catalogue::members(const std::string& total) const {
    std::vector<const Field*> out;
    const auto it = field_index_.find(total);
    if (it == field_index_.end())
        return out;
    for (std::size_t i = it->second + 1; i < fields.size() && fields[i].breakdown_of == total; ++i)
        out.push_back(&fields[i]);
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

const DataSource* Catalogue::data_source(const std::string& id) const {
    for (const auto& s : sources)
        if (s.id == id)
            return &s;
    return nullptr;
}

std::string Catalogue::source_title(const Field& f) const {
    const DataSource* s = data_source(f.source);
    return s ? s->title : std::string();
}

const OrganisationType* Catalogue::organisation_type_by_short(const std::string& short_title) const {
    const std::string wanted = fold(short_title);
    for (const auto& t : organisation_types)
        if (fold(t.short_title) == wanted)
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

Catalogue parse_catalogue(const std::string& json_text, const std::string& file) {
    return catalogue_loader::Loader(json_text, file).load();
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
