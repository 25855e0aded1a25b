// SPDX-License-Identifier: MPL-2.0
// The stamp of a frozen copy (issue 15): a block of the form's contract below
// the passport, which neither the check nor the form reader mistakes for a
// passport item.
#include "msoko/form_reader.hpp"
#include "validation_support.hpp"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

namespace msoko {
namespace {

using test::checked;
using test::form;
using test::mini;
using test::put;
using test::T;

const FormLayout& layout() {
    static const FormLayout l = form_layout(mini(), {{"school", 2}, {"kindergarten", 1}});
    return l;
}

TEST(Stamp, BelowThePassportItemsAndItsHint) {
    const PassportLayout& p = layout().passport;
    int last_item = 0;
    for (const PassportItem& item : p.items)
        last_item = std::max(last_item, item.row);
    EXPECT_EQ(p.hint_row, last_item + 2) << "one empty row between the items and the hint";
    EXPECT_EQ(p.stamp.heading_row, p.hint_row + 2) << "one empty row between the hint and the stamp";
    ASSERT_EQ(p.stamp.items.size(), 4u);
    const char* keys[] = {kStampPreparedAt, kStampExtensionVersion, kStampCatalogue, kStampCheckSummary};
    const char* labels[] = {"Подготовлено к отправке", "Версия расширения", "Каталог", "Результат проверки"};
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(p.stamp.items[i].key, keys[i]);
        EXPECT_EQ(p.stamp.items[i].label, labels[i]);
        EXPECT_EQ(p.stamp.items[i].row, p.stamp.heading_row + 1 + static_cast<int>(i));
        EXPECT_EQ(p.stamp.item(keys[i]), &p.stamp.items[i]);
    }
    EXPECT_EQ(p.row(kPassportGenerator), last_item) << "the glue places the stamp by the generator's label";
    const PassportStamp below = PassportStamp::below(last_item);
    EXPECT_EQ(below.heading_row, p.stamp.heading_row);
    EXPECT_EQ(below.last_row(), p.stamp.last_row());
    EXPECT_EQ(p.stamp.item("municipality"), nullptr);
    EXPECT_EQ(p.stamp.last_row(), p.stamp.heading_row + 4);
}

TEST(Stamp, LabelsRepeatNoPassportLabel) {
    // The check and the form reader find passport items by label: a stamp
    // label equal to one would be read as that item.
    std::set<std::string> passport;
    for (const PassportItem& item : layout().passport.items)
        passport.insert(item.label);
    EXPECT_EQ(passport.count(PassportStamp::kHeading), 0u);
    for (const StampItem& item : layout().passport.stamp.items) {
        EXPECT_EQ(passport.count(item.label), 0u) << item.label;
        EXPECT_TRUE(PassportStamp::is_stamp_label(item.label)) << item.label;
        EXPECT_TRUE(PassportStamp::is_stamp_label("  " + item.label + " ")) << "trimmed";
    }
    EXPECT_TRUE(PassportStamp::is_stamp_label(PassportStamp::kHeading));
    for (const std::string& label : passport)
        EXPECT_FALSE(PassportStamp::is_stamp_label(label)) << label;
    EXPECT_FALSE(PassportStamp::is_stamp_label(""));
}

TEST(Stamp, MovedKeepsItsShape) {
    const PassportStamp& stamp = layout().passport.stamp;
    const PassportStamp moved = stamp.moved_to(stamp.heading_row + 7);
    EXPECT_EQ(moved.heading_row, stamp.heading_row + 7);
    ASSERT_EQ(moved.items.size(), stamp.items.size());
    for (std::size_t i = 0; i < stamp.items.size(); ++i) {
        EXPECT_EQ(moved.items[i].key, stamp.items[i].key);
        EXPECT_EQ(moved.items[i].row, stamp.items[i].row + 7);
    }
    EXPECT_EQ(moved.last_row(), stamp.last_row() + 7);
}

// The test form with its passport stamped where `stamp` says.
WorkbookSnapshot stamped(const PassportStamp& stamp) {
    WorkbookSnapshot wb = form();
    SheetSnapshot& passport = test::sheet(wb, kPassportSheet);
    SheetSnapshot grown =
        SheetSnapshot::blank(passport.name, static_cast<std::size_t>(stamp.last_row() + 1), passport.cols);
    for (std::size_t r = 0; r < passport.rows; ++r)
        for (std::size_t c = 0; c < passport.cols; ++c)
            grown.set(r, c, passport.value(r, c), passport.is_formula(r, c));
    put(grown, static_cast<std::size_t>(stamp.heading_row), PassportLayout::kLabelColumn, T(PassportStamp::kHeading));
    // Values like the ones a real stamp has: a date that is no passport date,
    // texts naming a catalogue that is not the form's.
    const std::pair<const char*, const char*> values[] = {{kStampPreparedAt, "1 декабря 2026 г., 21:35"},
                                                          {kStampExtensionVersion, "0.0.0"},
                                                          {kStampCatalogue, "другой-каталог 9.9"},
                                                          {kStampCheckSummary, "ошибок нет, предупреждений: 2"}};
    for (const auto& [key, value] : values) {
        const StampItem& item = *stamp.item(key);
        put(grown, static_cast<std::size_t>(item.row), PassportLayout::kLabelColumn, T(item.label.c_str()));
        put(grown, static_cast<std::size_t>(item.row), PassportLayout::kValueColumn, T(value));
    }
    passport = std::move(grown);
    return wb;
}

using Seen = std::set<std::tuple<std::string, std::string, int, int, std::string, std::string>>;

Seen seen(const ValidationReport& r) {
    Seen out;
    for (const Finding& f : r.findings)
        out.insert({f.kind, f.sheet, f.row, f.col, f.field, f.message});
    return out;
}

TEST(Stamp, TheCheckReadsAStampedPassportAsTheForm) {
    const PassportStamp& stamp = layout().passport.stamp;
    const Seen plain = seen(checked(mini(), form()));
    EXPECT_EQ(seen(checked(mini(), stamped(stamp))), plain);
    // Stamped lower down (rows inserted above it): the same.
    EXPECT_EQ(seen(checked(mini(), stamped(stamp.moved_to(stamp.heading_row + 5)))), plain);
}

TEST(Stamp, TheFormReaderReadsAStampedPassportAsTheForm) {
    const FormContents plain = read_form(mini(), form());
    const FormContents stamped_form = read_form(mini(), stamped(layout().passport.stamp));
    ASSERT_EQ(stamped_form.passport.size(), plain.passport.size());
    for (const auto& [key, value] : plain.passport)
        EXPECT_EQ(stamped_form.passport_text(key), plain.passport_text(key)) << key;
}

}  // namespace
}  // namespace msoko
