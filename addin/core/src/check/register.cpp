// SPDX-License-Identifier: MPL-2.0
// The register «Организации»: codes, names, the passport's counts by type;
// and the rows of direction sheets left without an organisation.
#include "check/check.hpp"

#include "msoko/form_data.hpp"
#include "msoko/text.hpp"

#include <cstdlib>
#include <unordered_map>

namespace msoko::check {

namespace {

// A sub-form's register holds exactly the organisation of its block.
void check_subform_register(const CheckContext& ctx, std::size_t code_col, Findings& out) {
    const std::string& own = ctx.subform->organisation;
    bool found = false;
    for (std::size_t org = 0; org < ctx.registered_row.size(); ++org)
        found = found || (ctx.registered_row[org] >= 0 && ctx.form.code(org) == own);
    for (std::size_t org = 0; org < ctx.registered_row.size(); ++org) {
        const std::string& code = ctx.form.code(org);
        if (ctx.registered_row[org] < 0 || code == own)
            continue;
        out.add(found ? K::SubformExtraOrganisation : K::SubformOtherOrganisation, kRegisterSheet,
                ctx.registered_row[org], static_cast<int>(code_col))
            .org(code)
            .value(code)
            .say({{"код", code}, {"код формы", own}});
    }
    if (!found && ctx.registered == 0)
        out.add(K::SubformOrganisationMissing, kRegisterSheet).say({{"код формы", own}});
}

}  // namespace

void check_register(CheckContext& ctx, Findings& out) {
    const SheetSnapshot* s = ctx.workbook.sheet(kRegisterSheet);
    if (!s) {
        out.add(K::RegisterMissing, kRegisterSheet).say();
        return;
    }
    // The types an organisation of the register may have: all but the municipality's.
    const std::vector<const OrganisationType*> types = ctx.catalogue.register_types();
    std::vector<std::size_t> of_type(types.size(), 0);  // by the register's type column
    const auto type_index = [&](const Cell& type) {
        if (type.kind() != Cell::Kind::Text)
            return types.size();
        for (std::size_t t = 0; t < types.size(); ++t)  // as the form's list writes it, at once
            if (type.text() == types[t]->short_title)
                return t;
        const OrganisationType* typed = ctx.catalogue.organisation_type_by_short(type.text());
        for (std::size_t t = 0; t < types.size(); ++t)
            if (types[t] == typed)
                return t;
        return types.size();
    };
    const FormLayout& layout = ctx.layout;
    const auto column = [&](const char* key) { return static_cast<std::size_t>(layout.register_column(key)); };
    const std::size_t code_col = column("code"), name_col = column("name"), type_col = column("type");

    std::unordered_map<std::string, int> names;
    names.reserve(s->rows);
    ctx.form.reserve(s->rows, 0);
    for (std::size_t r = FormLayout::kRegisterFirstRow; r < s->rows; ++r) {
        const auto code = organisation_code(s->value(r, code_col));
        if (!code)
            continue;
        if (const std::size_t t = type_index(s->value(r, type_col)); t < types.size())
            ++of_type[t];
        const int row = static_cast<int>(r);
        ++ctx.registered;
        const std::size_t org = ctx.form.organisation(*code);  // registered organisations are indexed first
        ctx.registered_row.resize(ctx.form.organisations(), -1);
        if (ctx.registered_row[org] >= 0)
            out.add(K::DuplicateCode, kRegisterSheet, row, static_cast<int>(code_col))
                .org(*code)
                .value(*code)
                .say({{"код", *code}, {"строка", std::to_string(ctx.registered_row[org] + 1)}});
        else
            ctx.registered_row[org] = row;
        const Cell& name_cell = s->value(r, name_col);
        const std::string name =
            name_cell.kind() == Cell::Kind::Text ? fold(name_cell.text()) : fold(text_of(name_cell));
        if (!name.empty()) {
            if (auto [it, fresh] = names.emplace(name, row); !fresh)
                out.add(K::DuplicateName, kRegisterSheet, row, static_cast<int>(name_col))
                    .org(*code)
                    .value(text_of(name_cell))
                    .say({{"строка", std::to_string(it->second + 1)}});
        } else {
            out.add(K::NameMissing, kRegisterSheet, row, static_cast<int>(name_col)).org(*code).say({{"код", *code}});
        }
    }
    ctx.registered_of_type = of_type;
    ctx.expected_of_type = of_type;
    if (ctx.subform) {
        check_subform_register(ctx, code_col, out);
        return;  // its passport's counts are the municipal form's
    }
    if (!ctx.passport)
        return;
    // The passport's expected number of each type against the register's.
    for (std::size_t t = 0; t < types.size(); ++t) {
        const std::string v = passport_value(*ctx.passport, layout.passport.item(PassportLayout::count_key(*types[t])));
        if (v.empty())
            continue;
        char* end = nullptr;
        if (const double announced = std::strtod(v.c_str(), &end); *end == '\0' &&
                                                                   announced > static_cast<double>(of_type[t]) &&
                                                                   announced <= static_cast<double>(kMaxRegisterRows))
            ctx.expected_of_type[t] = static_cast<std::size_t>(announced);
        const std::string have = std::to_string(of_type[t]);
        if (v != have)
            out.add(K::RegisterCount, kRegisterSheet)
                .value(v)
                .say({{"тип", types[t]->short_title}, {"в паспорте", v}, {"в реестре", have}});
    }
}

// Rows with figures but no organisation, one finding per sheet (at its first
// such row, with the count); an empty register is the one cause of them all
// and is named once.
void check_rows_without_code(CheckContext& ctx, Findings& out) {
    std::size_t rows = 0;
    for (const auto& o : ctx.orphans)
        rows += o.rows;
    if (rows == 0) {
        if (ctx.registered == 0 && ctx.workbook.sheet(kRegisterSheet) && !ctx.subform)  // a sub-form: told apart
            out.add(K::RegisterNone, kRegisterSheet).say();
        return;
    }
    if (ctx.registered == 0) {
        out.add(K::RegisterEmpty, kRegisterSheet).say({{"строк", std::to_string(rows)}});
        return;
    }
    for (const auto& o : ctx.orphans)
        out.add(o.rows > 1 ? K::RowsWithoutCode : K::RowWithoutCode, o.sheet->name, o.row, o.col)
            .field(o.field)
            .value(o.value)
            .say({{"строк", std::to_string(o.rows)}});
}

}  // namespace msoko::check
