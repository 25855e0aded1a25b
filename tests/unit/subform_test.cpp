// SPDX-License-Identifier: MPL-2.0
// The sub-form's contract (issue 16): its passport block, the municipal
// form's id, and reading the block back from a workbook.
#include "msoko/subform.hpp"
#include "validation_support.hpp"

#include <gtest/gtest.h>

#include <set>

namespace msoko {
namespace {

using test::form;
using test::mini;
using test::put;
using test::T;

const FormLayout& layout() {
    static const FormLayout l = form_layout(mini(), {{"school", 1}});
    return l;
}

TEST(Subform, BlockTakesTheStampsPlaceWithLabelsOfItsOwn) {
    const PassportLayout& p = layout().passport;
    const SubformBlock block = SubformBlock::of(p);
    EXPECT_EQ(block.heading_row, p.stamp.heading_row);
    ASSERT_EQ(block.items.size(), 4u);
    const char* keys[] = {kSubformOrganisation, kSubformOrganisationName, kSubformFormId, kSubformMadeAt};
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(block.items[i].key, keys[i]);
        EXPECT_EQ(block.items[i].row, block.heading_row + 1 + static_cast<int>(i));
        EXPECT_EQ(block.item(keys[i]), &block.items[i]);
    }
    EXPECT_EQ(block.last_row(), block.heading_row + 4);
    EXPECT_EQ(block.item("municipality"), nullptr);
    std::set<std::string> passport;
    for (const PassportItem& item : p.items)
        passport.insert(item.label);
    EXPECT_EQ(passport.count(SubformBlock::kHeading), 0u);
    for (const StampItem& item : block.items) {
        EXPECT_EQ(passport.count(item.label), 0u) << item.label;
        EXPECT_FALSE(PassportStamp::is_stamp_label(item.label)) << item.label;
        EXPECT_TRUE(SubformBlock::is_block_label(" " + item.label + " ")) << item.label;
    }
    for (const std::string& label : passport)
        EXPECT_FALSE(SubformBlock::is_block_label(label)) << label;
}

TEST(Subform, FormIdNamesOneMunicipalityAndYear) {
    const std::string id = form_id("msoko-267-1", "Кемеровская область", "Ольховоборский МО", "2025/2026 учебный год");
    EXPECT_EQ(id.size(), 12u);
    EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
    EXPECT_EQ(form_id(" msoko-267-1", "Кемеровская область ", "Ольховоборский МО", "2025/2026 учебный год"), id)
        << "trimmed";
    EXPECT_NE(form_id("msoko-267-1", "Кемеровская область", "Ольховоборский МО", "2024/2025 учебный год"), id);
    EXPECT_NE(form_id("msoko-267-1", "Кемеровская область", "Берёзовский МО", "2025/2026 учебный год"), id);
    EXPECT_NE(form_id("msoko-267-1", "Кемеровская область", "Ольховоборский МО\n2025/2026", "учебный год"),
              form_id("msoko-267-1", "Кемеровская область", "Ольховоборский МО", "2025/2026\nучебный год"))
        << "the parts are not run together";
}

TEST(Subform, OriginIsReadFromTheBlockWhereverItIs) {
    WorkbookSnapshot wb = form();
    EXPECT_FALSE(read_subform_origin(wb)) << "a municipal form is no sub-form";
    for (int shift : {0, 6}) {
        WorkbookSnapshot sub = form();
        SheetSnapshot& passport = test::sheet(sub, kPassportSheet);
        const SubformBlock block = SubformBlock::of(layout().passport);
        SheetSnapshot grown =
            SheetSnapshot::blank(passport.name, static_cast<std::size_t>(block.last_row() + shift + 2), passport.cols);
        for (std::size_t r = 0; r < passport.rows; ++r)
            for (std::size_t c = 0; c < passport.cols; ++c)
                grown.set(r, c, passport.value(r, c), passport.is_formula(r, c));
        const auto row = [&](int r) { return static_cast<std::size_t>(r + shift); };
        put(grown, row(block.heading_row), PassportLayout::kLabelColumn, T(SubformBlock::kHeading));
        const std::pair<const char*, const char*> values[] = {{kSubformOrganisation, "101"},
                                                              {kSubformOrganisationName, "МБОУ «Школа № 1»"},
                                                              {kSubformFormId, " 0123456789ab "},
                                                              {kSubformMadeAt, "02.12.2026 10:15"}};
        for (const auto& [key, value] : values) {
            const StampItem& item = *block.item(key);
            put(grown, row(item.row), PassportLayout::kLabelColumn, T(item.label.c_str()));
            put(grown, row(item.row), PassportLayout::kValueColumn, T(value));
        }
        // A row under the block that is none of its items ends it.
        put(grown, row(block.last_row() + 1), PassportLayout::kLabelColumn, T("Код организации?"));
        passport = std::move(grown);
        const auto origin = read_subform_origin(sub);
        ASSERT_TRUE(origin) << shift;
        EXPECT_EQ(origin->organisation, "101");
        EXPECT_EQ(origin->organisation_name, "МБОУ «Школа № 1»");
        EXPECT_EQ(origin->form_id, "0123456789ab");
        EXPECT_EQ(origin->made_at, "02.12.2026 10:15");
    }
    WorkbookSnapshot no_passport;
    EXPECT_FALSE(read_subform_origin(no_passport));
}

}  // namespace
}  // namespace msoko
