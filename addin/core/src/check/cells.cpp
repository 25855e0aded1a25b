// SPDX-License-Identifier: MPL-2.0
// Each row of a direction sheet: its organisation, the form's formulas, every
// figure's type and range, required fields. The figures go into the form index
// for the rules and the plausibility checks.
#include "check/check.hpp"

#include "msoko/text.hpp"

#include <regex>

namespace msoko::check {

namespace {

// The kind of a field's value that does not read as its type.
K type_kind(FieldType t) {
    switch (t) {
        case FieldType::Count:
            return K::TypeCount;
        case FieldType::Number:
            return K::TypeNumber;
        case FieldType::YesNo:
        case FieldType::Date:  // read_field reads any value of these three
        case FieldType::Text:
        case FieldType::Link:
            break;
    }
    return K::TypeYesNo;
}

// The organisation types of the rows of a direction sheet: the municipal one
// (its row has the municipality's code) and those of the register, told apart
// by the sheet's type column (the type's short name; the first type when it
// names none).
struct RowTypes {
    explicit RowTypes(const Catalogue& c) : catalogue(c), types(c.register_types()), registered(types.size()) {
        types.push_back(municipal_type(c));
    }
    /// The index into `types` of a register organisation's row (past the end
    /// when the catalogue's register has no type).
    std::size_t of(const Cell& type) const {
        if (registered == 0)
            return types.size();
        if (type.kind() != Cell::Kind::Text)
            return 0;
        for (std::size_t i = 0; i < registered; ++i)  // as the form writes it, at once
            if (type.text() == types[i]->short_title)
                return i;
        const OrganisationType* typed = catalogue.organisation_type_by_short(type.text());
        for (std::size_t i = 0; i < registered; ++i)
            if (types[i] == typed)
                return i;
        return 0;
    }
    /// The municipal row's index into `types`.
    std::size_t municipal_index() const { return registered; }

    const Catalogue& catalogue;
    std::vector<const OrganisationType*> types;  ///< the register's, then the municipal one
    std::size_t registered;                      ///< the register's types
};

}  // namespace

void check_cells(CheckContext& ctx, DirectionRead& read, Findings& out) {
    const DirectionSheet& ds = *read.layout;
    const SheetSnapshot* s = read.sheet;
    const std::vector<int>& col_of = read.col_of;
    const int code_col = read.code_col, type_col = read.type_col;
    // What each column's cells hold in each type of row, decided once per
    // sheet, not per cell (the last: a row of no type of the catalogue).
    const RowTypes row_types(ctx.catalogue);
    std::vector<std::vector<CellRole>> roles(row_types.types.size() + 1);
    for (std::size_t k = 0; k < roles.size(); ++k)
        for (std::size_t i = 0; i < ds.columns.size(); ++i)
            roles[k].push_back(k < row_types.types.size()
                                   ? ds.role(i, row_types.types[k]->id, k == row_types.municipal_index())
                                   : ds.role(i, std::string(), false));

    FormIndex& form = ctx.form;
    read.figures_begin = form.figures();
    form.reserve(s->rows, form.figures() + s->rows * ds.columns.size());
    std::size_t next_org = 0;  // the organisation the next row most likely has
    for (std::size_t r = DirectionSheet::kCodeRow + 1; r < s->rows; ++r) {
        if (const Cell& label = s->value(r, DirectionSheet::kTotalLabelColumn);
            label.kind() == Cell::Kind::Text && label.text() == kTotalRowLabel)
            break;
        const int row = static_cast<int>(r);
        const auto code = organisation_code(s->value(r, code_col));
        if (!code) {
            if (s->value(r, code_col).kind() == Cell::Kind::Error) {
                out.add(K::CodeError, s->name, row, code_col).field("code").value("ошибка").say();
                continue;
            }
            for (std::size_t i = 0; i < ds.columns.size(); ++i)
                if (ds.columns[i].kind == FormColumn::Kind::Input && !s->value(r, col_of[i]).is_empty()) {
                    if (ctx.orphans.empty() || ctx.orphans.back().sheet != s)
                        ctx.orphans.push_back(
                            {s, row, col_of[i], ds.columns[i].code, shown(s->value(r, col_of[i])), 0});
                    ++ctx.orphans.back().rows;
                    break;
                }
            continue;
        }
        const bool municipal = *code == kMunicipalityCode;
        if (municipal && ctx.subform)
            continue;  // the municipality's own row is not a sub-form's business
        const std::size_t org = form.organisation(*code, next_org);
        next_org = org + 1;
        const std::size_t type = municipal ? row_types.municipal_index() : row_types.of(s->value(r, type_col));
        const std::vector<CellRole>& role = roles[std::min(type, roles.size() - 1)];
        if (!municipal && (org >= ctx.registered_row.size() || ctx.registered_row[org] < 0))
            out.add(K::UnknownCode, s->name, row, code_col).org(*code).value(*code).say({{"код", *code}});
        // Computed cells must keep their formulas.
        for (std::size_t i = 0; i < ds.columns.size(); ++i) {
            const FormColumn& fc = ds.columns[i];
            const bool linked = fc.kind == FormColumn::Kind::Linked;
            const bool computed = role[i] == CellRole::Computed;
            const int col = col_of[i];
            const auto c = static_cast<std::size_t>(col);
            // A formula of the form showing an error (a source of another
            // direction is reported where it was typed).
            if (computed && !linked && s->is_formula(r, c) && s->value(r, col).kind() == Cell::Kind::Error)
                out.add(K::FormulaError, s->name, row, col)
                    .org(*code)
                    .field(fc.code)
                    .value("ошибка")
                    .say({{"организация", organisation_label(*code)}});
            if (computed && !s->is_formula(r, c) && !s->value(r, col).is_empty()) {
                if (linked)
                    out.add(K::LinkedOverwritten, s->name, row, col)
                        .org(*code)
                        .field(fc.code)
                        .value(shown(s->value(r, col)))
                        .say({{"лист", ctx.layout.sheet_of(fc.field->direction)->sheet}});
                else
                    out.add(K::FormulaOverwritten, s->name, row, col)
                        .org(*code)
                        .field(fc.code)
                        .value(shown(s->value(r, col)))
                        .say();
            }
        }
        for (std::size_t i = 0; i < ds.columns.size(); ++i) {
            const FormColumn& fc = ds.columns[i];
            if (fc.kind != FormColumn::Kind::Input || role[i] != CellRole::Typed)
                continue;
            const Field& f = *fc.field;
            const int col = col_of[i];
            const Cell& raw = s->value(r, col);
            const FieldValue v = read_field(f, raw);
            form.add(&f, Place{s, row, col, &raw, {v.status, v.value}, org});
            const auto who = [&] { return organisation_label(*code); };  // only for a message
            if (raw.kind() == Cell::Kind::Error) {
                out.add(K::ErrorValue, s->name, row, col)
                    .org(*code)
                    .field(f.id)
                    .value("ошибка")
                    .say({{"организация", who()}, {"поле", f.title}});
                continue;
            }
            if (v.status == FieldValue::Status::Invalid) {
                const bool numeric = f.type == FieldType::Count || f.type == FieldType::Number;
                out.add(type_kind(f.type), s->name, row, col)
                    .org(*code)
                    .field(f.id)
                    .value(shown(raw))
                    .say({{"организация", who()},
                          {"поле", f.title},
                          {"причина", v.reason},
                          {"подсказка", numeric ? suggestion(raw) : std::string()}});
                continue;
            }
            if (v.status == FieldValue::Status::Empty && f.required)
                out.add(K::Required, s->name, row, col)
                    .org(*code)
                    .field(f.id)
                    .say({{"организация", who()}, {"поле", f.title}});
            if (f.type == FieldType::Link && v.status == FieldValue::Status::Value) {
                static const std::regex link(R"(https?://[^\s/]+\.[^\s/]+(/\S*)?)");
                if (!std::regex_match(text_of(raw), link))
                    out.add(K::Link, s->name, row, col)
                        .org(*code)
                        .field(f.id)
                        .value(shown(raw))
                        .say({{"организация", who()}, {"поле", f.title}});
            }
        }
    }
    read.figures_end = form.figures();
}

}  // namespace msoko::check
