// SPDX-License-Identifier: MPL-2.0
// The form writer: the direction sheets and «Показатели».
#include "form_writer.hpp"

#include "msoko/text.hpp"

#include <algorithm>

namespace msoko::odf {

namespace {

// The «Признаки» of an organisation: the short titles of its flags marked
// «да» in the register's columns `flags`, joined by «; ».
std::string flags_formula(const std::vector<std::pair<std::string, std::string>>& flags) {
    std::string out;
    for (std::size_t i = 0; i < flags.size(); ++i) {
        const auto& [cell, short_title] = flags[i];
        const std::string yes = cell + "=\"да\"";
        if (i > 0) {
            std::string before;  // any flag before this one
            for (std::size_t k = 0; k < i; ++k)
                before += (k ? ";" : "") + flags[k].first + "=\"да\"";
            out += "&IF(AND(" + (i > 1 ? "OR(" + before + ")" : before) + ";" + yes + ");\"; \";\"\")&";
        }
        out += "IF(" + yes + ";" + quote(short_title) + ";\"\")";
    }
    return out.empty() ? "\"\"" : out;
}

}  // namespace

// What a specialist reads over an indicator's title: its group of the order's
// §2.1, which change is an improvement, and the catalogue's note (the
// methodological choice and its reason).
std::string indicator_comment(const Indicator& ind) {
    std::string first;
    if (ind.role != IndicatorRole::Unspecified)
        first = std::string("Группа: ") + title(ind.role) + " показатель.";
    if (ind.better != Better::Unspecified)
        first += (first.empty() ? "" : " ") + std::string("Динамика: ") + title(ind.better) + ".";
    if (ind.note.empty())
        return first;
    return first + (first.empty() ? "" : "\n") + "Примечание: " + ind.note + ".";
}

Sheet Writer::direction(const DirectionSheet& ds) {
    const Direction& d = *ds.direction;
    Sheet sh;
    sh.name = ds.sheet;
    sh.column_styles = {"co_code", "co_name", "co_type", "co_flags"};
    for (std::size_t i = DirectionSheet::kFixedColumns; i < ds.columns.size(); ++i)
        sh.column_styles.push_back("co_field");
    sh.column_styles.push_back("co_gap");  // between the table and its indicator block
    for (std::size_t k = 0; k < d.indicators.size(); ++k)
        sh.column_styles.push_back("co_field");
    sh.row_styles[DirectionSheet::kTitleRow] = "ro_title";
    sh.row_styles[DirectionSheet::kCodeRow] = "ro_code";
    sh.put(DirectionSheet::kTitleRow, 0, text_cell(d.id + ". " + d.title, "ce_title"));
    sh.put(DirectionSheet::kTitleRow + 1, 0,
           text_cell(d.group + ". Источник: " + d.source + (d.note.empty() ? "" : ". " + d.note), "ce_sub"));
    sh.header_rows_first = DirectionSheet::kHeaderRow;
    sh.header_rows_last = DirectionSheet::kCodeRow;
    sh.header_columns = 2;  // code and name on every printed page
    apply_pane(sh);

    std::vector<std::string> heads;  // of the fields' columns
    for (std::size_t col = 0; col < ds.columns.size(); ++col) {
        const FormColumn& fc = ds.columns[col];
        const int ci = static_cast<int>(col);
        std::string head = ci < DirectionSheet::kFixedColumns ? direction_fixed_head(ci) : fc.field->title;
        // A broken-down total says so; its members follow it («… — НОО (1–4 классы)»).
        if (fc.field && !fc.field->breakdown.empty() && fold(head).find("всего") == std::string::npos)
            head += " — всего";
        if (fc.field && !fc.field->unit.empty())
            head += ", " + fc.field->unit;
        if (fc.kind == FormColumn::Kind::Linked)
            head += " (из листа «" + layout_.sheet_of(fc.field->direction)->sheet + "»)";
        sh.put(DirectionSheet::kHeaderRow, ci, text_cell(head, "ce_head"));
        if (ci >= DirectionSheet::kFixedColumns)
            heads.push_back(head);
        sh.put(DirectionSheet::kCodeRow, ci, text_cell(fc.code, "ce_code"));
    }
    direction_rows(ds, sh);

    // The municipal total of every numeric field, outside the table.
    const int tr = ds.total_row();
    sh.put(tr, DirectionSheet::kTotalLabelColumn, text_cell(kTotalRowLabel, "ce_total"));
    for (std::size_t col = DirectionSheet::kFixedColumns; col < ds.columns.size(); ++col) {
        const FormColumn& fc = ds.columns[col];
        const int ci = static_cast<int>(col);
        if (fc.field->type == FieldType::Count || fc.field->type == FieldType::Number)
            sh.put(tr, ci,
                   formula_cell("SUM([." + column_letters(ci) + std::to_string(ds.first_row() + 1) + ":." +
                                    column_letters(ci) + std::to_string(ds.last_row() + 1) + "])",
                                "ce_total"));
        else
            sh.put(tr, ci, empty_cell("ce_total"));
    }
    direction_block(ds, sh, std::move(heads));
    return sh;
}

void Writer::direction_rows(const DirectionSheet& ds, Sheet& sh) {
    const auto& reg = layout_.register_columns;
    for (std::size_t i = 0; i < ds.rows.size(); ++i) {
        const FormRow& row = ds.rows[i];
        const int r = ds.first_row() + static_cast<int>(i);
        const RegisterEntry* org = row.municipal ? nullptr : org_in(row.type, row.slot);
        const std::string code = row.municipal ? kMunicipalityCode : org ? org->code : "";
        if (row.municipal) {
            sh.put(r, 0, text_cell(kMunicipalityCode, "ce_ro"));
            sh.put(r, 1, text_cell(kMunicipalityRowName, "ce_ro"));
            sh.put(r, 2, text_cell(c_.municipal_type().short_title, "ce_ro"));
            sh.put(r, 3, empty_cell("ce_ro"));
        } else {
            const int rr = layout_.register_row(row.type, row.slot);
            auto at = [&](const char* key) { return ref(kRegisterSheet, rr, layout_.register_column(key)); };
            const std::string a = at("code"), b = at("name"), cshort = at("short"), t = at("type");
            std::vector<std::pair<std::string, std::string>> flags;
            for (std::size_t k = 0; k < reg.size(); ++k)
                if (reg[k].kind == RegisterColumn::Kind::Flag)
                    flags.push_back({ref(kRegisterSheet, rr, static_cast<int>(k)), reg[k].flag->short_title});
            sh.put(r, 0, formula_cell("IF(" + a + "=\"\";\"\";" + a + ")", "ce_ro"));
            sh.put(r, 1,
                   formula_cell("IF(" + cshort + "=\"\";IF(" + b + "=\"\";\"\";" + b + ");" + cshort + ")", "ce_ro"));
            sh.put(r, 2, formula_cell("IF(" + a + "=\"\";\"\";" + t + ")", "ce_ro"));
            sh.put(r, 3, formula_cell(flags_formula(flags), "ce_ro"));
        }
        for (std::size_t col = DirectionSheet::kFixedColumns; col < ds.columns.size(); ++col) {
            const FormColumn& fc = ds.columns[col];
            const int ci = static_cast<int>(col);
            const CellRole role = ds.role(col, row);
            // A sub-form leaves no input cell in the municipal row: the municipality's business.
            if (role == CellRole::NotApplicable || (sub_ && row.municipal && role == CellRole::Typed)) {
                sh.put(r, ci, empty_cell("ce_na"));
                continue;
            }
            if (role == CellRole::Computed) {  // a field of another direction, shown here
                const DirectionSheet* src = layout_.sheet_of(fc.field->direction);
                const int sr = src->row_of(row.type, row.slot);
                const int sc = src->column_of(fc.code);
                if (sr < 0 || sc < 0) {
                    sh.put(r, ci, empty_cell("ce_na"));
                    continue;
                }
                const std::string s = ref(src->sheet, sr, sc);
                sh.put(r, ci, formula_cell("IF(ISBLANK(" + s + ");\"\";" + s + ")", "ce_link"));
                continue;
            }
            const std::string val = validity(*fc.field);
            Cell v = Cell::empty();
            if (!code.empty()) {
                auto org_values = d_.values.find(code);
                if (org_values != d_.values.end()) {
                    auto it = org_values->second.find(fc.code);
                    if (it != org_values->second.end())
                        v = it->second;
                }
            }
            sh.put(r, ci, typed_cell(v, fc.field, input_style(*fc.field), val));
        }
    }
}

// The indicator block: MSOKO.INDICATORS over the table's named range, to the
// right of the table on its rows (the contract's DirectionSheet::block_*).
void Writer::direction_block(const DirectionSheet& ds, Sheet& sh, std::vector<std::string> heads) {
    const Direction& d = *ds.direction;
    const int n_ind = static_cast<int>(d.indicators.size());
    const int last_col = static_cast<int>(ds.columns.size()) - 1;
    const int first = ds.block_first_column();
    names_[ds.range_name] = range(ds.sheet, DirectionSheet::kCodeRow, 0, ds.last_row(), last_col);
    sh.put(ds.block_title_row(), first,
           text_cell("Показатели направления " + d.id +
                         " — рассчитываются автоматически; «—» — не применимо или нет "
                         "данных",
                     "ce_block_title"));
    for (int k = 0; k < n_ind; ++k) {
        const Indicator& ind = *c_.indicator(d.indicators[static_cast<std::size_t>(k)]);
        // A variant beside its headline, by its label («5.1.1.9.80 в т. ч. от 80 баллов, %»).
        heads.push_back(ind.id + " " + (ind.is_variant() ? ind.label : ind.title) + ", " +
                        block_unit(ind, layout_.municipal_type));
        sh.put(ds.block_header_row(), first + k,
               text_cell_with_comment(heads.back(), "ce_head_block", indicator_comment(ind)));
        sh.put(DirectionSheet::kCodeRow, first + k, empty_cell("ce_code"));  // no field code: the check reads none here
    }
    sh.row_styles[DirectionSheet::kHeaderRow] = header_row_style(heads, kFieldColumnCm);
    const int rows = static_cast<int>(ds.rows.size());
    for (int i = 0; i <= rows; ++i) {
        const int r = ds.block_first_row() + i;
        const bool municipal = i == rows;  // the totals row
        for (int k = 0; k < n_ind; ++k) {
            const Indicator& ind = *c_.indicator(d.indicators[static_cast<std::size_t>(k)]);
            if (i == 0 && k == 0) {
                sh.put(r, first,
                       formula_cell("IFNA(" + std::string(kAddIn) + "INDICATORS(" + ds.range_name + ");\"—\")",
                                    block_value_style(ind, municipal, layout_.municipal_type),
                                    " table:number-matrix-columns-spanned=\"" + std::to_string(n_ind) +
                                        "\" table:number-matrix-rows-spanned=\"" + std::to_string(rows + 1) + "\""));
                continue;
            }
            sh.put(r, first + k, empty_cell(block_value_style(ind, municipal, layout_.municipal_type)));
        }
    }
    // Two print ranges: each gets its pages and its zoom (fitted to the
    // width), the code and name columns and the header rows repeated.
    sh.print_range = range(ds.sheet, 0, 0, ds.total_row(), last_col) + " " +
                     range(ds.sheet, 0, first, ds.total_row(), first + std::max(n_ind, 1) - 1);
}

Sheet Writer::indicators() {
    using C = IndicatorsColumns;
    Sheet sh;
    sh.name = kIndicatorsSheet;
    sh.column_styles = {"co_id",  "co_dir", "co_title", "co_unit", "co_num",
                        "co_num", "co_num", "co_doc",   "co_num",  "co_link"};
    sh.row_styles[C::kTitleRow] = "ro_title";
    sh.row_styles[C::kHeaderRow] = "ro_head_short";
    sh.put(C::kTitleRow, 0, text_cell("Показатели муниципалитета", "ce_title"));
    sh.put(C::kTitleRow + 1, 0,
           text_cell("Значения рассчитываются по листам направлений; прошлый год вносится вручную; динамика — "
                     "в процентных пунктах.",
                     "ce_sub"));
    for (int i = 0; i < C::kCount; ++i)
        sh.put(C::kHeaderRow, i, text_cell(C::head(i), "ce_head"));
    sh.header_rows_first = C::kHeaderRow;
    sh.header_rows_last = C::kHeaderRow;
    apply_pane(sh);
    Field prev_pct;
    prev_pct.title = "Значение прошлого года, %";
    prev_pct.type = FieldType::Number;
    prev_pct.unit = "%";
    prev_pct.filled_by = kMunicipalityCode;
    prev_pct.min = 0;
    prev_pct.max = 100;
    Field prev_num = prev_pct;
    prev_num.title = "Значение прошлого года";
    prev_num.unit = "";
    prev_num.min = 0;
    prev_num.max = 1000000;
    Field doc, date, link;
    doc.title = "Реквизиты документа";
    doc.type = FieldType::Text;
    date.title = "Дата документа";
    date.type = FieldType::Date;
    link.title = "Ссылка на документ";
    link.type = FieldType::Link;
    for (Field* f : {&doc, &date, &link}) {
        f->filled_by = kMunicipalityCode;
        f->required = false;
    }

    if (layout_.supplementary_heading_row >= 0) {
        // The directions not in the implemented document, apart.
        std::string group;
        for (const auto& d : c_.directions)
            if (d.supplementary && group.empty())
                group = d.group;
        sh.put(layout_.supplementary_heading_row, C::kTitle,
               text_cell("Дополнительные направления. " + group +
                             ": показатели сверх документа, по которому составлена форма",
                         "ce_block_title"));
    }
    int r = C::kFirstRow;
    for (const IndicatorRow& row : layout_.indicators) {
        const Indicator& ind = *row.indicator;
        r = row.row;
        const DirectionSheet& ds = *layout_.sheet_of(ind.direction);
        sh.put(r, C::kId, text_cell(ind.id, "ce_ro"));
        sh.put(r, C::kDirection, text_cell(ind.direction, "ce_ro"));
        // A variant under its headline: its label, indented («в т. ч. от 80 баллов»).
        sh.put(r, C::kTitle,
               text_cell_with_comment(ind.is_variant() ? ind.label : ind.title,
                                      ind.is_variant() ? "ce_label_variant" : "ce_label", indicator_comment(ind)));
        sh.put(r, C::kUnit, text_cell(row.unit, "ce_ro"));
        sh.put(r, C::kValue,
               formula_cell(std::string(kAddIn) + "INDICATOR(" + quote(ind.id) + ";" + ds.range_name + ")",
                            row.counted_flag ? std::string("ce_int_b") : value_style(ind, true)));
        if (row.role(C::kLastYear) == CellRole::NotApplicable) {
            sh.put(r, C::kLastYear, empty_cell("ce_na"));
            sh.put(r, C::kDynamics, empty_cell("ce_na"));
        } else {
            const Field& pf = ind.unit == "%" ? prev_pct : prev_num;
            const std::string val = sub_ ? std::string() : validity(pf);
            auto prev = d_.previous.find(ind.id);
            const char* style = sub_ ? "ce_na" : "ce_in_num";  // a sub-form: the municipality's, not typed there
            sh.put(r, C::kLastYear,
                   prev == d_.previous.end() ? empty_cell(style, val) : number_cell(prev->second, style, val));
            const std::string cur = "[." + cell_address(r, C::kValue) + "]",
                              old = "[." + cell_address(r, C::kLastYear) + "]";
            sh.put(r, C::kDynamics,
                   formula_cell("IFNA(" + std::string(kAddIn) + "DYNAMICS(" + cur + ";" + old + ");\"—\")", "ce_dec"));
        }
        if (row.evidence == IndicatorRow::Evidence::Shown) {
            // The documents are fields of the direction's municipal row: shown here.
            for (int k = 0; k < 3; ++k) {
                const Field* ef = row.evidence_fields[k];
                if (!ef) {
                    sh.put(r, C::kDocument + k, empty_cell("ce_na"));
                    continue;
                }
                const std::string s = ref(ds.sheet, ds.municipal_row(), ds.column_of(ef->id));
                sh.put(r, C::kDocument + k,
                       formula_cell("IF(ISBLANK(" + s + ");\"\";" + s + ")", k == 1 ? "ce_date_ro" : "ce_link"));
            }
        } else if (row.evidence == IndicatorRow::Evidence::Typed) {
            auto e = d_.evidence.find(ind.id);
            const Evidence none;
            const Evidence& ev_data = e == d_.evidence.end() ? none : e->second;
            const std::string values[] = {ev_data.document, ev_data.date, ev_data.link};
            const Field* fields[] = {&doc, &date, &link};
            for (int k = 0; k < 3; ++k) {
                if (sub_) {
                    sh.put(r, C::kDocument + k, empty_cell("ce_na"));
                    continue;
                }
                const std::string val = validity(*fields[k]);
                sh.put(r, C::kDocument + k,
                       typed_cell(values[k].empty() ? Cell::empty() : Cell::text(values[k]), fields[k],
                                  input_style(*fields[k]), val));
            }
        } else {
            for (int k = 0; k < 3; ++k)
                sh.put(r, C::kDocument + k, empty_cell("ce_na"));
        }
        ++r;
    }
    names_["indicators_table"] = range(kIndicatorsSheet, C::kHeaderRow, 0, r - 1, C::kCount - 1);
    sh.print_range = range(kIndicatorsSheet, 0, 0, r - 1, C::kCount - 1);
    return sh;
}

}  // namespace msoko::odf
