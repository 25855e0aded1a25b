// SPDX-License-Identifier: MPL-2.0
// The municipal form's ВПР fields filled from imported results
// (msoko/vpr_fill.hpp): schools matched with the register, one cell per
// school and field; a different value already typed is the user's to decide.
#include "msoko/vpr_fill.hpp"

#include "form_tables.hpp"
#include "msoko/form_reader.hpp"
#include "msoko/text.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace msoko::vpr {

namespace {

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

}  // namespace

std::string school_key(const std::string& name) {
    std::string t = fold(name);
    replace_all(t, "ё", "е");
    for (const char* q : {"«", "»", "\"", "“", "”", "„", "'", "‘", "’", "\t", "\xC2\xA0"})
        replace_all(t, q, " ");
    replace_all(t, "№", " № ");
    std::string out;
    for (const char c : t)
        if (c != ' ' || (!out.empty() && out.back() != ' '))
            out += c;
    replace_all(out, "№ ", "№");
    return trim(out);
}

namespace {

struct Target {
    std::string field;
    std::size_t SchoolTotals::*value;
};

}  // namespace

FillPlan plan_fill(const Catalogue& catalogue, const WorkbookSnapshot& form, const Analysis& analysis,
                   const std::map<std::string, std::string>& logins) {
    const FormContents contents = read_form(catalogue, form);
    const std::string catalogue_id = trim(contents.passport_text(kPassportCatalogueId));
    const SheetSnapshot* register_sheet = form.sheet(kRegisterSheet);
    if (catalogue_id.empty() || !register_sheet)
        throw std::runtime_error(not_a_form_message());
    if (catalogue_id != catalogue.info.id)
        throw std::runtime_error("форма составлена по другому каталогу показателей («" + catalogue_id +
                                 "»), а установлен «" + catalogue.info.id + "»");
    const std::string version = trim(contents.passport_text(kPassportCatalogueVersion));
    if (version != catalogue.info.version)
        throw std::runtime_error("форма версии «" + version + "», а каталог показателей версии " +
                                 catalogue.info.version +
                                 ": перенесите форму в текущую версию («Перенести в новую "
                                 "версию формы») и заполните её из результатов ВПР");
    const VprSettings::Fill& fill = catalogue.vpr.fill;
    std::vector<Target> targets;
    for (const auto& [field, value] :
         {std::pair{fill.participants, &SchoolTotals::participants},
          std::pair{fill.below_min, &SchoolTotals::below_min}, std::pair{fill.success, &SchoolTotals::success},
          std::pair{fill.confirmed, &SchoolTotals::confirmed}, std::pair{fill.lowered, &SchoolTotals::lowered}})
        if (!field.empty())
            targets.push_back({field, value});
    if (targets.empty())
        throw std::runtime_error("каталог показателей «" + catalogue.info.id +
                                 "» не называет полей формы, которые заполняются из результатов ВПР (vpr/fill)");

    const FormLayout layout = form_layout(catalogue, {});
    const std::vector<RegisterRow> reg = register_rows(catalogue, layout, *register_sheet);
    // The register's names, for matching: a key that names two organisations names none.
    std::map<std::string, std::vector<const RegisterRow*>> by_name;
    for (const RegisterRow& r : reg) {
        std::set<std::string> keys{school_key(r.name), school_key(r.full_name)};
        for (const auto& k : keys)
            if (!k.empty())
                by_name[k].push_back(&r);
    }
    const auto find_code = [&](const std::string& code) -> const RegisterRow* {
        for (const RegisterRow& r : reg)
            if (r.code == code)
                return &r;
        return nullptr;
    };

    FillPlan plan;
    plan.comment = catalogue.vpr.fill_comment;
    // Where each field of the targets is: its direction's table.
    struct Place {
        const DirectionSheet* sheet = nullptr;
        TableIndex table;
    };
    std::map<std::string, Place> places;
    for (const DirectionSheet& ds : layout.directions)
        for (const FormColumn& c : ds.columns)
            if (c.kind == FormColumn::Kind::Input)
                for (const Target& t : targets)
                    if (c.code == t.field && !places.count(t.field))
                        places[t.field] = {&ds, index_table(ds, form.sheet(ds.sheet))};

    for (const SchoolTotals& s : analysis.schools) {
        SchoolMatch m{s.school, s.school_name, {}, {}, {}};
        const RegisterRow* org = nullptr;
        if (const auto it = logins.find(s.school); it != logins.end()) {
            org = find_code(it->second);
            m.how = "сопоставление пользователя";
        } else if ((org = find_code(s.school))) {
            m.how = "по логину";
        } else if (const auto n = by_name.find(school_key(s.school_name));
                   n != by_name.end() && n->second.size() == 1) {
            org = n->second.front();
            m.how = "по названию";
        }
        if (!org) {
            m.how.clear();
            plan.matches.push_back(std::move(m));
            continue;
        }
        m.organisation = org->code;
        m.organisation_name = org->name;
        plan.matches.push_back(m);
        for (const Target& t : targets) {
            const auto p = places.find(t.field);
            if (p == places.end() || !p->second.table.sheet)
                continue;
            const TableIndex& ti = p->second.table;
            const auto row = ti.row.find(org->code);
            const auto col = ti.col.find(t.field);
            if (row == ti.row.end() || col == ti.col.end())
                continue;
            MergeCell c;
            c.organisation = org->code;
            c.field = t.field;
            c.sheet = p->second.sheet->sheet;
            c.row = static_cast<int>(row->second);
            c.col = static_cast<int>(col->second);
            c.in_form = ti.sheet->value(row->second, col->second);
            c.in_subform = Cell::number(static_cast<double>(s.*(t.value)));
            if (c.in_form == c.in_subform)
                ++plan.unchanged;
            else if (c.in_form.is_empty())
                plan.writes.push_back(std::move(c));
            else
                plan.conflicts.push_back(std::move(c));
        }
    }
    return plan;
}

std::vector<MergeCell> decided_writes(const FillPlan& plan, const std::vector<bool>& take) {
    std::vector<MergeCell> out = plan.writes;
    for (std::size_t i = 0; i < plan.conflicts.size(); ++i)
        if (i < take.size() && take[i])
            out.push_back(plan.conflicts[i]);
    return out;
}

std::string fill_summary(const FillPlan& plan, std::size_t max_names) {
    std::size_t matched = 0;
    std::vector<std::string> unmatched;
    for (const SchoolMatch& m : plan.matches) {
        if (!m.organisation.empty())
            ++matched;
        else
            unmatched.push_back("«" + (m.school_name.empty() ? m.school : m.school_name) + "»" +
                                (m.school.empty() || m.school == m.school_name ? "" : " (" + m.school + ")"));
    }
    std::string s = "Сопоставлено ОО: " + std::to_string(matched) + " из " + std::to_string(plan.matches.size()) +
                    ". Будет заполнено ячеек: " + std::to_string(plan.writes.size()) +
                    "; уже совпадают: " + std::to_string(plan.unchanged) +
                    "; в ячейках другое значение: " + std::to_string(plan.conflicts.size()) + ".";
    if (!plan.conflicts.empty())
        s += " Введенные значения не заменяются без вашего решения.";
    if (!unmatched.empty()) {
        std::vector<std::string> shown(
            unmatched.begin(), unmatched.begin() + static_cast<std::ptrdiff_t>(std::min(max_names, unmatched.size())));
        s += "\nНе найдены в реестре формы (" + std::to_string(unmatched.size()) + "): " + join(shown) +
             (unmatched.size() > shown.size() ? " и другие" : "") +
             " — их значения не внесены; укажите код ОО для логина (msoko vpr fill --map).";
    }
    return s;
}

}  // namespace msoko::vpr
