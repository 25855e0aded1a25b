// SPDX-License-Identifier: MPL-2.0
// What the merge of the returned sub-forms tells the user (msoko/merge.hpp):
// the sheet «Сбор форм» as data, the message after the merge, the log's counts.
#include "msoko/cell.hpp"
#include "msoko/merge.hpp"
#include "msoko/subform.hpp"
#include "msoko/text.hpp"

#include <algorithm>
#include <set>

namespace msoko {

// --- «Сбор форм» ------------------------------------------------------------------------

namespace {

Cell number_cell(std::size_t n) {
    return Cell::number(static_cast<double>(n));
}

// A value as «Сбор форм» shows it: a number as a person writes it, a text in quotes (so that
// «12» typed as text is told from 12), «пусто» for nothing.
std::string shown(const Cell& c) {
    switch (c.kind()) {
        case Cell::Kind::Number:
            return format_number(c.number());
        case Cell::Kind::Text:
            return "«" + c.text() + "» (текст)";
        case Cell::Kind::Error:
            return "ошибка";
        case Cell::Kind::Empty:
            break;
    }
    return "пусто";
}

}  // namespace

CollectionReport collection_report(const Catalogue& catalogue, const MergePlan& plan, const MergeOutcome& outcome) {
    using S = OrganisationMerge::Status;
    CollectionReport report;
    report.title = "Сбор форм организаций";
    const std::size_t all = plan.organisations.size(), returned = plan.count(S::Returned),
                      refused = plan.count(S::Refused), missing = plan.count(S::NotReturned);
    std::size_t taken_conflicts = 0;
    for (const bool t : outcome.taken)
        taken_conflicts += t ? 1 : 0;
    report.summary = "Собрано " + outcome.merged_at + ".\nПриняты формы " + std::to_string(returned) + " из " +
                     std::to_string(all) + " организаций. Не вернули: " + std::to_string(missing) +
                     ". Не приняты: " + std::to_string(refused) +
                     ".\nЗаписано значений: " + std::to_string(outcome.writes.size()) +
                     ". Расхождений со значениями формы: " + std::to_string(plan.conflicts.size()) +
                     " (взято из форм организаций: " + std::to_string(taken_conflicts) +
                     ", оставлено значений формы: " + std::to_string(plan.conflicts.size() - taken_conflicts) +
                     "). Других файлов: " + std::to_string(plan.other_files.size()) + ".";

    const auto type_of = [&](const std::string& id) {
        const OrganisationType* t = catalogue.organisation_type(id);
        return t ? t->short_title : id;
    };
    const auto name_of = [&](const std::string& code) {
        for (const auto& o : plan.organisations)
            if (o.code == code)
                return o.name;
        return std::string();
    };

    CollectionTable orgs;
    orgs.title = "Организации: сначала не вернувшие форму, затем не принятые, затем принятые";
    for (const char* h : {"Код", "Организация", "Тип", "Состояние", "Взято значений", "Совпало", "Расхождений",
                          "Ошибок", "Предупреждений", "Проверка формы организации; причина, если не принята", "Файл"})
        orgs.heads.push_back(Cell::text(h));
    for (const auto& o : plan.organisations) {
        std::vector<Cell> row{Cell::text(o.code), Cell::text(o.name), Cell::text(type_of(o.type))};
        switch (o.status) {
            case S::NotReturned:
                row.push_back(Cell::text("не вернула форму"));
                row.resize(orgs.heads.size());
                break;
            case S::Refused:
                row.push_back(Cell::text("не принята"));
                row.resize(orgs.heads.size() - 2);
                row.push_back(Cell::text(o.why));
                row.push_back(Cell::text(o.file));
                break;
            case S::Returned: {
                row.push_back(Cell::text("принята"));
                for (const std::size_t n : {o.taken, o.unchanged, o.conflicts, o.errors, o.warnings})
                    row.push_back(number_cell(n));
                std::string note = o.check_summary;
                if (o.no_cell)
                    note +=
                        ". В форме муниципалитета нет ячейки (листа, строки организации или столбца) для "
                        "значений: " +
                        std::to_string(o.no_cell) + " — они не взяты";
                if (o.kept)
                    note += ". Оставлено значений формы, изменённых после прошлого сбора или оставленных прежде: " +
                            std::to_string(o.kept);
                row.push_back(Cell::text(note));
                row.push_back(Cell::text(o.file));
                break;
            }
        }
        orgs.rows.push_back(std::move(row));
    }
    report.tables.push_back(std::move(orgs));

    CollectionTable conflicts;
    conflicts.title = "Расхождения: значение, набранное в форме, и значение формы организации";
    for (const char* h : {"Код", "Организация", "Ячейка", "Лист", "В форме", "В форме организации", "Решение", "Поле"})
        conflicts.heads.push_back(Cell::text(h));
    conflicts.link_column = 2;
    for (std::size_t i = 0; i < plan.conflicts.size(); ++i) {
        const MergeCell& c = plan.conflicts[i];
        const Field* f = catalogue.field(c.field);
        const bool took = i < outcome.taken.size() && outcome.taken[i];
        conflicts.rows.push_back({Cell::text(c.organisation), Cell::text(name_of(c.organisation)),
                                  Cell::text(cell_address(c.row, c.col)), Cell::text(c.sheet),
                                  Cell::text(shown(c.in_form)), Cell::text(shown(c.in_subform)),
                                  Cell::text(took ? "взято из формы организации" : "оставлено значение формы"),
                                  Cell::text(f ? f->title + " (" + f->id + ")" : c.field)});
        conflicts.link_sheets.push_back(c.sheet);
    }
    report.tables.push_back(std::move(conflicts));

    CollectionTable other;
    other.title = "Другие файлы: не приняты";
    other.heads = {Cell::text("№"), Cell::text("Файл"), Cell::text("Причина")};
    for (std::size_t i = 0; i < plan.other_files.size(); ++i)
        other.rows.push_back(
            {number_cell(i + 1), Cell::text(plan.other_files[i].first), Cell::text(plan.other_files[i].second)});
    report.tables.push_back(std::move(other));
    return report;
}

std::string merge_message(const MergePlan& plan, const MergeOutcome& outcome, std::size_t max_names) {
    using S = OrganisationMerge::Status;
    std::string out;
    const auto names = [&](S status, const char* title, bool why) {
        std::vector<std::string> lines;
        for (const auto& o : plan.organisations)
            if (o.status == status)
                lines.push_back(o.code + " " + o.name + (why ? ": " + o.why : std::string()));
        if (lines.empty())
            return;
        out += std::string(out.empty() ? "" : "\n\n") + title + " (" + std::to_string(lines.size()) + "):";
        for (std::size_t i = 0; i < lines.size() && i < max_names; ++i)
            out += "\n• " + lines[i];
        if (lines.size() > max_names)
            out += "\n… и ещё " + std::to_string(lines.size() - max_names);
    };
    names(S::NotReturned, "Не вернули форму", false);
    names(S::Refused, "Не приняты", true);
    std::size_t taken = 0;
    for (const bool t : outcome.taken)
        taken += t ? 1 : 0;
    out += std::string(out.empty() ? "" : "\n\n") + "Приняты формы " + std::to_string(plan.count(S::Returned)) +
           " из " + std::to_string(plan.organisations.size()) +
           " организаций; записано значений: " + std::to_string(outcome.writes.size()) +
           "; расхождений: " + std::to_string(plan.conflicts.size()) +
           " (взято из форм организаций: " + std::to_string(taken) +
           "); других файлов: " + std::to_string(plan.other_files.size()) + ".";
    return out;
}

std::string merge_counts(const MergePlan& plan) {
    using S = OrganisationMerge::Status;
    return std::to_string(plan.count(S::Returned)) + " returned, " + std::to_string(plan.count(S::Refused)) +
           " refused, " + std::to_string(plan.count(S::NotReturned)) + " not returned, " +
           std::to_string(plan.conflicts.size()) + " conflicts, " + std::to_string(plan.writes.size()) +
           " values to write, " + std::to_string(plan.other_files.size()) + " other files";
}

}  // namespace msoko
