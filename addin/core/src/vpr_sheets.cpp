// SPDX-License-Identifier: MPL-2.0
// The sheets «Анализ», «Объективность», «ШНОР», «Участники» and «Замечания»
// of the ВПР results workbook, laid out from the analysis and the files.
#include "vpr_sheets.hpp"

#include "msoko/form_layout.hpp"
#include "msoko/text.hpp"
#include "vpr_reader.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace msoko::vpr {

using namespace odf;

std::string spanned(int columns) {
    return " table:number-columns-spanned=\"" + std::to_string(columns) + "\"";
}

void header(Sheet& sh, int row, const std::vector<std::string>& texts, int from_col) {
    for (std::size_t c = 0; c < texts.size(); ++c)
        sh.put(row, from_col + static_cast<int>(c), text_cell(texts[c], "ce_head"));
}

void title(Sheet& sh, const std::string& text, const std::string& sub, int span) {
    sh.put(0, 0, text_cell(text, "ce_title", spanned(span)));
    if (!sub.empty())
        sh.put(1, 0, text_cell(sub, "ce_sub", spanned(span)));
}

Sheet analysis_sheet(const Analysis& a, std::vector<Histogram>& charts, std::size_t max_charts, std::size_t& drawable) {
    Sheet sh;
    sh.name = kAnalysisSheet;
    sh.column_styles = {"co_value", "co_value", "co_value", "co_num"};
    title(sh, "Гистограммы первичных баллов по ОО",
          "Столбцы: участники ОО с каждым первичным баллом; рядом — распределение муниципалитета, пересчитанное на "
          "число участников ОО. Пик ровно на наименьшем балле отметки — повод для дополнительного анализа.",
          12);
    std::set<std::pair<std::string, std::string>> flagged;  // school, subject-grade
    for (const ObjectivityFlag& f : a.flags)
        flagged.emplace(f.school, subject_grade(f.subject, f.grade));
    struct Block {
        const GroupStats* g;
        Histogram h;
    };
    std::vector<Block> blocks;
    int r = 3;
    for (const SubjectGrade& sg : a.subjects) {
        const GroupStats* m = a.municipality(sg.subject, sg.grade);
        for (const GroupStats& g : a.groups) {
            if (g.school.empty() || g.subject != sg.subject || g.grade != sg.grade ||
                g.participants < a.settings.groups)
                continue;
            const std::string what = subject_grade(g.subject, g.grade);
            std::string boundaries;
            Histogram h;
            if (sg.boundaries) {
                h.boundaries.assign(sg.boundaries->begin(), sg.boundaries->end());
                boundaries = " (границы «3», «4», «5»: " + decimal((*sg.boundaries)[0], 0) + ", " +
                             decimal((*sg.boundaries)[1], 0) + ", " + decimal((*sg.boundaries)[2], 0) + ")";
            }
            h.name = "hist_" + std::to_string(blocks.size() + 1);
            h.title = g.school_name + " — " + what + boundaries;
            h.sheet = kAnalysisSheet;
            sh.put(r, 0, text_cell(h.title, "ce_bold", spanned(4)));
            header(sh, r + 1, {"Первичный балл", "ОО", "Муниципалитет (в пересчете)"});
            h.first_row = r + 1;
            const double scale =
                m && m->participants ? static_cast<double>(g.participants) / static_cast<double>(m->participants) : 0;
            for (std::size_t b = 0; b < g.histogram.size(); ++b) {
                const int row = r + 2 + static_cast<int>(b);
                sh.put(row, 0, number_cell(static_cast<double>(b), "ce_int"));
                sh.put(row, 1, number_cell(static_cast<double>(g.histogram[b]), "ce_int"));
                const double muni = m && b < m->histogram.size() ? static_cast<double>(m->histogram[b]) * scale : 0;
                sh.put(row, 2, number_cell(std::round(muni * 10) / 10, "ce_dec"));
            }
            h.last_row = r + 1 + static_cast<int>(g.histogram.size());
            h.first_col = 0;
            h.last_col = 2;
            h.anchor_row = r;
            h.anchor_col = 4;
            h.height_rows = std::max(14, h.last_row - r + 1);
            r += std::max(h.height_rows, h.last_row - r + 1) + 2;
            blocks.push_back({&g, std::move(h)});
        }
    }
    drawable = blocks.size();
    std::vector<const Block*> order;
    for (const Block& b : blocks)
        if (flagged.count({b.g->school, subject_grade(b.g->subject, b.g->grade)}))
            order.push_back(&b);
    for (const Block& b : blocks)
        if (!flagged.count({b.g->school, subject_grade(b.g->subject, b.g->grade)}))
            order.push_back(&b);
    if (order.size() > max_charts)
        order.resize(max_charts);
    std::sort(order.begin(), order.end(),
              [](const Block* x, const Block* y) { return x->h.first_row < y->h.first_row; });
    for (const Block* b : order)
        charts.push_back(b->h);
    return sh;
}

Sheet objectivity_sheet(const Analysis& a) {
    Sheet sh;
    sh.name = kObjectivitySheet;
    sh.column_styles = {"co_name", "co_code", "co_name", "co_wide", "co_wide"};
    title(sh, "Результаты, требующие дополнительного анализа",
          "Признаки — не вывод о необъективности: каждый называет правило и цифры, по которым он найден. Группы "
          "меньше " +
              std::to_string(a.settings.groups) +
              " участников не анализируются. Правила и пороги — docs/vpr.md и каталог показателей (vpr/objectivity).",
          5);
    header(sh, 3, {"ОО", "Логин ОО", "Предмет, класс", "Признак", "Показатели"});
    sh.freeze_row = 4;
    int r = 4;
    for (const ObjectivityFlag& f : a.flags) {
        sh.put(r, 0, text_cell(f.school_name, "ce_text"));
        sh.put(r, 1, text_cell(f.school, "ce_login"));
        sh.put(r, 2, text_cell(subject_grade(f.subject, f.grade), "ce_text"));
        sh.put(r, 3, text_cell(f.title, "ce_warn"));
        sh.put(r, 4, text_cell(f.figures, "ce_text"));
        ++r;
    }
    if (a.flags.empty())
        sh.put(r, 0, text_cell("Признаков не найдено.", "ce_ok", spanned(5)));
    return sh;
}

Sheet shnor_sheet(const Analysis& a) {
    const VprSettings& s = a.settings;
    Sheet sh;
    sh.name = kShnorSheet;
    sh.column_styles = {"co_name", "co_code", "co_value", "co_wide", "co_wide"};
    std::vector<std::string> criteria;
    for (const ShnorCriterion& c : s.shnor)
        criteria.push_back(c.title);
    title(sh, "ОО — кандидаты в ШНОР (школы с низкими образовательными результатами)",
          "Критерии каталога (их устанавливает регион): " + join(criteria, "; ") +
              ". Кандидат — ОО, для которой "
              "выполнено критериев не менее " +
              std::to_string(std::max<std::size_t>(s.shnor_need, 1)) + ", при " + std::to_string(s.shnor_min_works) +
              " работах ВПР и более.",
          5);
    header(sh, 3, {"ОО", "Логин ОО", "Работ ВПР", "Выполненные критерии", "Все показатели"});
    sh.freeze_row = 4;
    int r = 4;
    for (const ShnorCandidate& c : a.shnor) {
        sh.put(r, 0, text_cell(c.school_name, "ce_text"));
        sh.put(r, 1, text_cell(c.school, "ce_login"));
        sh.put(r, 2, number_cell(static_cast<double>(c.works), "ce_int"));
        sh.put(r, 3, text_cell(join(c.met, "; "), "ce_warn"));
        sh.put(r, 4, text_cell(join(c.figures, "; "), "ce_text"));
        ++r;
    }
    if (a.shnor.empty())
        sh.put(r, 0, text_cell("Кандидатов нет.", "ce_ok", spanned(5)));
    return sh;
}

Sheet pupils_sheet(const std::vector<ResultsFile>& files) {
    Sheet sh;
    sh.name = kPupilsSheet;
    std::size_t tasks = 0;
    for (const ResultsFile& f : files)
        tasks = std::max(tasks, f.tasks.size());
    sh.column_styles = {"co_name",  "co_name",  "co_code",  "co_wide",  "co_num",   "co_code",
                        "co_value", "co_value", "co_value", "co_value", "co_value", "co_value"};
    sh.column_styles.resize(12 + tasks, "co_num");
    title(sh, "Участники (строки файлов как есть)",
          "Код участника — как в файле ФИС ОКО; имен нет. «Зад. 1»… — баллы за задания по порядку файла (лист «" +
              std::string(kTasksSheet) + "»); пусто — «X» или нет ответа.",
          12);
    std::vector<std::string> heads{"Файл",
                                   "Предмет, класс",
                                   "Логин ОО",
                                   "ОО",
                                   "Класс",
                                   "Код участника",
                                   "Вариант",
                                   "Отсутствовал",
                                   "Первичный балл",
                                   "Отметка",
                                   "Отметка по границам",
                                   "Отметка по журналу"};
    for (std::size_t k = 0; k < tasks; ++k)
        heads.push_back("Зад. " + std::to_string(k + 1));
    header(sh, 3, heads);
    sh.freeze_row = 4;
    // One plain cell per value, no style (the column's): a municipality's 100,000 lines stay a few MB.
    std::string& out = sh.raw_rows;
    out.reserve(files.empty() ? 0 : files.front().pupils.size() * 400);
    std::size_t empties = 0;
    const auto flush = [&] {
        if (empties == 1)
            out += "<table:table-cell/>";
        else if (empties > 1)
            out += "<table:table-cell table:number-columns-repeated=\"" + std::to_string(empties) + "\"/>";
        empties = 0;
    };
    const auto text = [&](const std::string& t) {
        if (t.empty()) {
            ++empties;
            return;
        }
        flush();
        out += "<table:table-cell office:value-type=\"string\"><text:p>";
        out += xml(t);
        out += "</text:p></table:table-cell>";
    };
    const auto number = [&](const std::optional<double>& v) {
        if (!v) {
            ++empties;
            return;
        }
        flush();
        // no <text:p>: Calc shows a float cell by its value and number style
        out += "<table:table-cell office:value-type=\"float\" office:value=\"" + number_text(*v) + "\"/>";
    };
    for (const ResultsFile& f : files) {
        const std::string file = f.file, what = subject_grade(f.subject, f.grade);
        for (const Pupil& p : f.pupils) {
            out += "<table:table-row>";
            text(file);
            text(what);
            text(p.school);
            text(p.school_name);
            text(p.class_name);
            text(p.code);
            text(p.variant);
            text(p.absent ? "да" : "");
            number(p.primary);
            number(p.mark && !p.mark_from_boundaries ? std::optional<double>(*p.mark) : std::nullopt);
            number(p.mark && p.mark_from_boundaries ? std::optional<double>(*p.mark) : std::nullopt);
            number(p.journal ? std::optional<double>(*p.journal) : std::nullopt);
            for (const auto& v : p.scores)
                number(v);
            empties = 0;  // nothing after the last value
            out += "</table:table-row>\n";
        }
    }
    return sh;
}

Sheet findings_sheet(const Analysis& a) {
    Sheet sh;
    sh.name = kFindingsSheet;
    sh.column_styles = {"co_code", "co_code", "co_name", "co_name", "co_num", "co_code", "co_wide"};
    title(sh, "Замечания к файлам ФИС ОКО",
          "Строки взяты как есть: замечание говорит, что проверить в файле. Ячейка — адрес на листе файла.", 7);
    header(sh, 3, {"Уровень", "Вид", "Файл", "Лист", "Ячейка", "Логин ОО", "Замечание"});
    sh.freeze_row = 4;
    int r = 4;
    for (const Finding& f : a.findings) {
        const char* style = f.severity == Severity::Error     ? "ce_bad"
                            : f.severity == Severity::Warning ? "ce_warn"
                                                              : "ce_text";
        sh.put(r, 0, text_cell(severity_name(f.severity), style));
        sh.put(r, 1, text_cell(f.kind, "ce_code"));
        sh.put(r, 2, text_cell(f.file, "ce_text"));
        sh.put(r, 3, text_cell(f.sheet, "ce_text"));
        sh.put(r, 4,
               text_cell(f.row < 0   ? ""
                         : f.col < 0 ? "строка " + std::to_string(f.row + 1)
                                     : cell_address(f.row, f.col),
                         "ce_code"));
        sh.put(r, 5, text_cell(f.school, "ce_login"));
        sh.put(r, 6, text_cell(f.message, "ce_text"));
        ++r;
    }
    if (a.findings.empty())
        sh.put(r, 0, text_cell("Замечаний нет.", "ce_ok", spanned(7)));
    return sh;
}

}  // namespace msoko::vpr
