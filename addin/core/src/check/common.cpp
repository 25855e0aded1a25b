// SPDX-License-Identifier: MPL-2.0
// What the families of checks share: the findings' builder, the context, the
// way a cell reads in a message.
#include "check/check.hpp"

#include "msoko/cell.hpp"
#include "msoko/text.hpp"

#include <algorithm>

namespace msoko::check {

Findings::Builder Findings::add(K k, std::string sheet, int row, int col) {
    const FindingKind& info = kind(k);
    Finding& f = all.emplace_back();
    f.severity = info.severity.value_or(Severity::Error);
    f.sheet = std::move(sheet);
    f.row = row;
    f.col = col;
    f.rule = info.rule;
    f.kind = info.id;
    f.id = info.rule;
    return Builder(f, k);
}

Findings::Builder& Findings::Builder::say(const std::vector<std::pair<std::string_view, std::string>>& slots) {
    f_.message = render_message(kind(k_).message, slots);
    return *this;
}

CheckContext::CheckContext(const Catalogue& c, const WorkbookSnapshot& wb, CheckSettings s)
    : catalogue(c), workbook(wb), settings(s), layout(form_layout(c, std::map<std::string, std::size_t>{})) {}

const SheetSnapshot* CheckContext::direction_sheet(const Direction& d) const {
    const DirectionSheet& ds = *layout.sheet_of(d.id);
    if (const SheetSnapshot* s = workbook.sheet(ds.sheet))
        return s;
    for (const auto& sheet : workbook.sheets) {
        if (sheet.name.rfind(d.id + " ", 0) != 0 && sheet.name != d.id)
            continue;
        bool form_sheet = sheet.name == kPassportSheet || sheet.name == kRegisterSheet ||
                          sheet.name == kIndicatorsSheet || sheet.name == kProceduresSheet;
        for (const auto& other : layout.directions)
            form_sheet = form_sheet || other.sheet == sheet.name;
        if (!form_sheet)
            return &sheet;
    }
    return nullptr;
}

std::string decimal(double v) {
    std::string s = format_number(v);
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string suggestion(const Cell& typed) {
    if (typed.kind() != Cell::Kind::Text)
        return {};
    std::string s = suggested_number(typed.text());
    std::replace(s.begin(), s.end(), '.', ',');  // as a Russian reader types it
    return s.empty() ? s : "; возможно, имелось в виду " + s;
}

std::string shown(const Cell& c) {
    switch (c.kind()) {
        case Cell::Kind::Empty:
            return "";
        case Cell::Kind::Number:
            return decimal(c.number());
        case Cell::Kind::Text:
            return c.text();
        case Cell::Kind::Error:
            return "ошибка";
    }
    return "";
}

std::string text_of(const Cell& c) {
    return c.kind() == Cell::Kind::Error ? shown(c) : cell_text(c);  // an error as «ошибка»
}

std::string organisation_label(const std::string& code) {
    return code == kMunicipalityCode ? std::string(kMunicipalityName) : "Организация " + code;
}

int passport_row(const SheetSnapshot& p, const PassportItem& item) {
    // By the item's label, wherever its row is now (a row inserted above it moves it).
    for (std::size_t r = 0; r < p.rows; ++r)
        if (text_of(p.value(r, PassportLayout::kLabelColumn)) == item.label)
            return static_cast<int>(r);
    return -1;
}

std::string passport_value(const SheetSnapshot& p, const PassportItem* item) {
    const int r = item ? passport_row(p, *item) : -1;
    return r < 0 ? std::string() : text_of(p.value(static_cast<std::size_t>(r), PassportLayout::kValueColumn));
}

std::string passport_value(const CheckContext& ctx, const std::string& key) {
    return ctx.passport ? passport_value(*ctx.passport, ctx.layout.passport.item(key)) : std::string();
}

const OrganisationType* municipal_type(const Catalogue& catalogue) {
    // The type of the direction tables' own municipal row (FormRow::type).
    return &catalogue.municipal_type();
}

}  // namespace msoko::check
