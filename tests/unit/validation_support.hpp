// SPDX-License-Identifier: MPL-2.0
#pragma once

// What the tests of the check share: a valid form of the test catalogue as a
// snapshot, the cells of its figures, and the check run so that every finding
// is held to the table of finding kinds.

#include "msoko/finding_kinds.hpp"
#include "msoko/form.hpp"
#include "msoko/validation.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace msoko::test {

inline SheetSnapshot grid(const std::string& name, std::size_t rows, std::size_t cols) {
    return SheetSnapshot::blank(name, rows, cols);
}

inline void put(SheetSnapshot& s, std::size_t r, std::size_t c, Cell v, const char* formula = "") {
    s.set(r, c, std::move(v), *formula != 0);
}

// A valid form of the test catalogue: two schools (one ШНОР), a kindergarten, the municipality.
// (Of another catalogue: one that adds fields to the test catalogue's.)
inline WorkbookSnapshot form(const Catalogue& c = mini()) {
    const FormLayout layout = form_layout(c, {{"school", 2}, {"kindergarten", 1}});
    WorkbookSnapshot wb;
    SheetSnapshot passport = grid(kPassportSheet, 20, 2);
    const auto item = [&](const std::string& key, Cell value) {  // the label and value of an item, in its row
        const PassportItem& i = *layout.passport.item(key);
        put(passport, static_cast<std::size_t>(i.row), PassportLayout::kLabelColumn, T(i.label.c_str()));
        put(passport, static_cast<std::size_t>(i.row), PassportLayout::kValueColumn, std::move(value));
    };
    item("municipality", T("Тестовый район"));
    item("region", T("Тестовая область"));
    item(kPassportPeriod, T("2024/2025 учебный год"));  // row 6
    item("responsible", T("Иванова И. И."));
    item("email", T("uo@example.ru"));
    item("date", N(45925));                                                       // 25.09.2025
    item(PassportLayout::count_key(*c.organisation_type("school")), N(2));        // row 12
    item(PassportLayout::count_key(*c.organisation_type("kindergarten")), N(1));  // row 13
    item(kPassportCatalogueId, T(c.info.id.c_str()));                             // row 14
    item(kPassportCatalogueVersion, T(c.info.version.c_str()));                   // row 15
    wb.sheets.push_back(passport);

    SheetSnapshot reg = grid(kRegisterSheet, 6, 6);
    const char* rows[][4] = {
        {"101", "Школа № 1", "ОО", "да"}, {"102", "Школа № 2", "ОО", "нет"}, {"201", "Детский сад", "ДОО", ""}};
    for (int i = 0; i < 3; ++i)
        for (int c2 = 0; c2 < 4; ++c2)
            put(reg, 3 + static_cast<std::size_t>(i), c2 < 2 ? static_cast<std::size_t>(c2) : c2 + 1u,
                T(rows[i][c2]));  // code, name, (short), type, ШНОР
    wb.sheets.push_back(reg);

    for (const auto& ds : layout.directions) {
        SheetSnapshot s = grid(ds.sheet, static_cast<std::size_t>(ds.total_row() + 1), ds.columns.size());
        for (std::size_t col = 0; col < ds.columns.size(); ++col)
            put(s, DirectionSheet::kCodeRow, col, T(ds.columns[col].code.c_str()));
        for (std::size_t i = 0; i < ds.rows.size(); ++i) {
            const std::size_t r = static_cast<std::size_t>(ds.first_row()) + i;
            const FormRow& fr = ds.rows[i];
            const std::string code = fr.municipal          ? kMunicipalityCode
                                     : fr.type == "school" ? (fr.slot ? "102" : "101")
                                                           : "201";
            put(s, r, 0, T(code.c_str()), fr.municipal ? "" : "=reg");
            put(s, r, 1, T("имя"), fr.municipal ? "" : "=reg");
            put(s, r, 2,
                T(fr.type == "school"         ? "ОО"
                  : fr.type == "kindergarten" ? "ДОО"
                                              : "УО"),
                fr.municipal ? "" : "=reg");
            put(s, r, 3, T(code == "101" ? "ШНОР" : ""), fr.municipal ? "" : "=reg");
            for (std::size_t col = 4; col < ds.columns.size(); ++col) {
                const Field* f = ds.columns[col].field;
                if (!f->concerns(fr.type))
                    continue;
                Cell v = f->type == FieldType::YesNo ? T("нет") : f->type == FieldType::Text ? T("№ 1") : N(10);
                if (f->id == "pupils" || f->id == "pupils_again")
                    v = N(40);
                if (f->id == "passed")
                    v = N(30);
                if (f->id == "honours")
                    v = N(3);
                if (f->id == "b70" || f->id == "b80")
                    v = N(5);
                if (f->id == "share_hours")
                    v = N(20);
                put(s, r, col, v, ds.columns[col].kind == FormColumn::Kind::Linked ? "=linked" : "");
            }
        }
        put(s, static_cast<std::size_t>(ds.total_row()), DirectionSheet::kTotalLabelColumn, T(kTotalRowLabel));
        wb.sheets.push_back(s);
    }
    wb.sheets.push_back(grid(kIndicatorsSheet, 4, 8));
    // «Процедуры оценки», none filled (tests/unit/procedures_test.cpp fills it).
    wb.sheets.push_back(grid(kProceduresSheet, ProceduresColumns::kFirstRow + 4, ProceduresColumns::kCount));
    return wb;
}

inline SheetSnapshot& sheet(WorkbookSnapshot& wb, const std::string& name) {
    for (auto& s : wb.sheets)
        if (s.name == name)
            return s;
    throw std::runtime_error("no sheet " + name);
}

inline const DirectionSheet& layout_of(const char* direction) {
    static const FormLayout layout = form_layout(mini(), {{"school", 2}, {"kindergarten", 1}});
    return *layout.sheet_of(direction);
}

// The cell of field `field` for the row of organisation `code` on its direction sheet.
inline std::pair<std::size_t, std::size_t> where(const char* direction, const char* code, const char* field) {
    const DirectionSheet& ds = layout_of(direction);
    const std::string c = code;
    const std::string type = c == "УО" ? "municipality" : c[0] == '2' ? "kindergarten" : "school";
    const std::size_t slot = c == "102" ? 1 : 0;
    return {static_cast<std::size_t>(ds.row_of(type, slot)), static_cast<std::size_t>(ds.column_of(field))};
}

// The test form with more schools on the sheets of directions 1.1 and 1.2:
// copies of school 102's row after the form's rows (the total row last), each
// with its code and, on 1.1, its number of `passed`.
inline WorkbookSnapshot with_schools(const std::vector<std::string>& codes, const std::vector<double>& passed) {
    WorkbookSnapshot wb = form();
    const auto add = [&](SheetSnapshot& sh, const char* direction, const char* field) {
        const DirectionSheet& layout = layout_of(direction);
        const auto first_new = static_cast<std::size_t>(layout.total_row());
        const std::size_t model = where(direction, "102", field).first;
        SheetSnapshot grown = grid(sh.name, sh.rows + codes.size(), sh.cols);
        for (std::size_t r = 0; r < sh.rows; ++r)
            for (std::size_t c = 0; c < sh.cols; ++c)
                put(grown, r < first_new ? r : r + codes.size(), c, sh.value(r, c), sh.is_formula(r, c) ? "=" : "");
        for (std::size_t i = 0; i < codes.size(); ++i) {
            for (std::size_t c = 0; c < sh.cols; ++c)
                put(grown, first_new + i, c, sh.value(model, c), sh.is_formula(model, c) ? "=" : "");
            put(grown, first_new + i, 0, T(codes[i].c_str()), "=reg");
            if (std::string(direction) == "1.1" && i < passed.size())
                put(grown, first_new + i, static_cast<std::size_t>(layout.column_of("passed")), N(passed[i]));
        }
        sh = grown;
    };
    add(sheet(wb, "1.1 Первое направление"), "1.1", "passed");
    add(sheet(wb, "1.2 Второе направление"), "1.2", "pupils_again");
    return wb;
}

inline std::vector<const Finding*> with_rule(const ValidationReport& r, const std::string& rule) {
    std::vector<const Finding*> out;
    for (const auto& f : r.findings)
        if (f.rule == rule)
            out.push_back(&f);
    return out;
}

/// Is the finding of a catalogue rule of `"level": "warning"` (found by its id)?
inline bool of_warning_rule(const Finding& f, const Catalogue* c) {
    if (!c)
        return false;
    const std::vector<std::string> ids = rule_ids(*c);
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] == f.id)
            return c->rules[i].level == Rule::Level::Warning;
    return false;
}

/// Every finding of a report as the table of finding kinds says: a kind of
/// the table, its severity (a warning instead of an error for a catalogue
/// rule of `"level": "warning"` of `c`), its message made from the kind's
/// template, its rule as the kind names it, and a catalogue rule's id unique
/// to its rule.
inline void expect_kinds_kept(const ValidationReport& r, const Catalogue* c = nullptr) {
    for (const Finding& f : r.findings) {
        const FindingKind* k = finding_kind(f.kind);
        ASSERT_NE(k, nullptr) << "a finding of no kind of the table: " << f.kind << " (" << f.rule << ")";
        if (k->severity) {
            const bool lowered = k->family == CheckFamily::Rules && *k->severity == Severity::Error &&
                                 f.severity == Severity::Warning && of_warning_rule(f, c);
            EXPECT_EQ(f.severity, lowered ? Severity::Warning : *k->severity) << f.kind;
        }
        EXPECT_TRUE(matches_template(k->message, f.message)) << f.kind << ": «" << f.message << "»";
        EXPECT_TRUE(matches_template(k->rule, f.rule)) << f.kind << ": rule " << f.rule;
        if (k->family == CheckFamily::Rules) {
            EXPECT_EQ(f.id.rfind(f.rule + "/", 0), 0u) << f.kind << ": id " << f.id;
        } else {
            EXPECT_EQ(f.id, f.rule) << f.kind;
        }
    }
}

/// The check, with every finding held to the table.
inline ValidationReport checked(const Catalogue& c, const WorkbookSnapshot& wb) {
    ValidationReport r = validate(c, wb);
    expect_kinds_kept(r, &c);
    return r;
}

}  // namespace msoko::test
