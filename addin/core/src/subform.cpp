// SPDX-License-Identifier: MPL-2.0
#include "msoko/subform.hpp"

#include "msoko/cell.hpp"
#include "msoko/checksums.hpp"
#include "msoko/text.hpp"

#include <utility>

namespace msoko {

namespace {

constexpr std::pair<const char*, const char*> kBlockItems[] = {{kSubformOrganisation, "Код организации"},
                                                               {kSubformOrganisationName, "Организация"},
                                                               {kSubformFormId, "Идентификатор формы муниципалитета"},
                                                               {kSubformMadeAt, "Форма организации создана"}};

std::string label_text(const SheetSnapshot& sheet, std::size_t row) {
    return trim(cell_text(sheet.value(row, PassportLayout::kLabelColumn)));
}

}  // namespace

const StampItem* SubformBlock::item(const std::string& key) const {
    for (const auto& i : items)
        if (i.key == key)
            return &i;
    return nullptr;
}

int SubformBlock::last_row() const {
    return items.empty() ? heading_row : items.back().row;
}

SubformBlock SubformBlock::of(const PassportLayout& passport) {
    SubformBlock block;
    block.heading_row = passport.stamp.heading_row;
    int row = block.heading_row + 1;
    for (const auto& [key, label] : kBlockItems)
        block.items.push_back({key, label, row++});
    return block;
}

bool SubformBlock::is_block_label(const std::string& label) {
    const std::string t = trim(label);
    if (t == kHeading)
        return true;
    for (const auto& item : kBlockItems)
        if (t == item.second)
            return true;
    return false;
}

std::string form_id(const std::string& catalogue_id, const std::string& region, const std::string& municipality,
                    const std::string& period) {
    // Each part with its length before it: no two lists of parts give the same bytes.
    std::string joined;
    for (const std::string* part : {&catalogue_id, &region, &municipality, &period}) {
        const std::string t = trim(*part);
        joined += std::to_string(t.size()) + ":" + t + "\n";
    }
    return sha256_hex(joined).substr(0, 12);
}

std::optional<SubformOrigin> read_subform_origin(const WorkbookSnapshot& workbook) {
    const SheetSnapshot* passport = workbook.sheet(kPassportSheet);
    if (!passport)
        return std::nullopt;
    std::size_t heading = passport->rows;
    for (std::size_t r = 0; r < passport->rows && heading == passport->rows; ++r)
        if (label_text(*passport, r) == SubformBlock::kHeading)
            heading = r;
    if (heading == passport->rows)
        return std::nullopt;
    SubformOrigin origin;
    // The items below the heading, by their labels, up to the first row that is none of them.
    for (std::size_t r = heading + 1; r < passport->rows; ++r) {
        const std::string label = label_text(*passport, r);
        const char* key = nullptr;
        for (const auto& [k, l] : kBlockItems)
            if (label == l)
                key = k;
        if (!key)
            break;
        const std::string value = trim(cell_text(passport->value(r, PassportLayout::kValueColumn)));
        const std::string k = key;
        if (k == kSubformOrganisation)
            origin.organisation = value;
        else if (k == kSubformOrganisationName)
            origin.organisation_name = value;
        else if (k == kSubformFormId)
            origin.form_id = value;
        else
            origin.made_at = value;
    }
    return origin;
}

}  // namespace msoko
