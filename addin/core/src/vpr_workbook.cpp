// SPDX-License-Identifier: MPL-2.0
// The results workbook of a ВПР import as flat ODF (msoko/vpr_workbook.hpp):
// the sheets laid out from the analysis; nothing is computed here.
#include "msoko/vpr_workbook.hpp"

#include "form_odf.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/text.hpp"
#include "region_sheets.hpp"
#include "vpr_reader.hpp"
#include "vpr_sheets.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace msoko::vpr {

using namespace odf;

namespace {

// Histograms drawn as charts at most (flagged schools first); the data of every group is on «Анализ».
constexpr std::size_t kMaxCharts = 60;

std::string value(std::optional<double> v, bool municipality, int decimals = 1) {
    if (!v)
        return text_cell("—", "ce_none");
    const double scale = std::pow(10.0, decimals);
    const double r = std::round(*v * scale) / scale;
    return number_cell(
        r, municipality ? (decimals ? "ce_region_dec" : "ce_region_int") : (decimals ? "ce_dec" : "ce_int"));
}

std::string count(std::size_t n, bool municipality) {
    return number_cell(static_cast<double>(n), municipality ? "ce_region_int" : "ce_int");
}

std::string text(const std::string& t, bool municipality = false) {
    return text_cell(t, municipality ? "ce_region_text" : "ce_text");
}

Sheet summary(const Analysis& a, const std::vector<ResultsFile>& files, const std::string& generator,
              std::size_t charts, std::size_t drawable) {
    Sheet sh;
    sh.name = kSummarySheet;
    sh.column_styles = {"co_wide", "co_name", "co_value", "co_value", "co_value", "co_value"};
    title(sh, "Результаты ВПР из ФИС ОКО (форма «Ф1 Индивидуальные результаты»)",
          "Сделано: " + generator + ". Код участника хранится только как в файле; имен нет.", 6);
    header(sh, 3, {"Файл", "Предмет, класс", "Год", "Строк участников", "ОО", "Замечаний"});
    int r = 4;
    for (const ResultsFile& f : files) {
        std::size_t findings = 0;
        for (const Finding& x : a.findings)
            findings += x.file == f.file;
        sh.put(r, 0, text(f.file));
        sh.put(r, 1, text(subject_grade(f.subject, f.grade)));
        sh.put(r, 2, f.year ? number_cell(f.year, "ce_code") : text_cell("—", "ce_none"));
        sh.put(r, 3, count(f.pupils.size(), false));
        sh.put(r, 4, count(f.schools.size(), false));
        sh.put(r, 5, count(findings, false));
        ++r;
    }
    ++r;
    const auto line = [&](const std::string& t) { sh.put(r++, 0, text_cell(t, "ce_sub", spanned(6))); };
    line("Признаков, при которых результаты ОО требуют дополнительного анализа: " + std::to_string(a.flags.size()) +
         " (лист «" + kObjectivitySheet + "»). Это не вывод о необъективности, а повод проверить.");
    line("ОО — кандидатов в ШНОР по критериям каталога: " + std::to_string(a.shnor.size()) + " (лист «" + kShnorSheet +
         "»).");
    line("Замечаний к файлам: " + std::to_string(a.findings.size()) + " (лист «" + kFindingsSheet +
         "»): строки взяты как есть.");
    if (drawable > charts)
        line("Гистограммы: " + std::to_string(charts) + " диаграмм из " + std::to_string(drawable) +
             " (сначала ОО с признаками); данные всех — на листе «" + kAnalysisSheet + "».");
    if (!a.has_previous)
        line("Динамика не считалась: результаты прошлого года не загружены.");
    return sh;
}

Sheet schools(const Analysis& a) {
    Sheet sh;
    sh.name = kSchoolsSheet;
    sh.column_styles = {"co_name", "co_code", "co_wide"};
    sh.column_styles.resize(21, "co_value");
    title(sh, "Результаты по ОО, предметам и классам",
          "Доли — в % от работ с отметкой; понизили / подтвердили / повысили — от участников, у которых есть и "
          "отметка, и отметка по журналу. Строка «Муниципалитет» — сумма по всем участникам (не среднее долей).",
          12);
    header(sh, 3,
           {"Предмет, класс",
            "Логин ОО",
            "ОО",
            "Участники",
            "Отсутствовали",
            "«2»",
            "«3»",
            "«4»",
            "«5»",
            "% «2»",
            "% «4» и «5»",
            "Сравнено с журналом",
            "Понизили, %",
            "Подтвердили, %",
            "Повысили, %",
            "Средний балл, %",
            "95 % интервал",
            "Выборка",
            "% «2» в прошлом году",
            "Динамика «2», п. п.",
            "Оценка динамики"});
    sh.freeze_row = 4;
    sh.freeze_col = 3;
    sh.header_rows_first = sh.header_rows_last = 3;
    int r = 4;
    for (const GroupStats& g : a.groups) {
        const bool m = g.school.empty();
        sh.put(r, 0, text(subject_grade(g.subject, g.grade), m));
        sh.put(r, 1, text_cell(g.school, "ce_login"));
        sh.put(r, 2, text(g.school_name, m));
        sh.put(r, 3, count(g.participants, m));
        sh.put(r, 4, count(g.absent, m));
        for (int k = 0; k < 4; ++k)
            sh.put(r, 5 + k, count(g.marks[static_cast<std::size_t>(k)], m));
        sh.put(r, 9, value(g.share_2, m));
        sh.put(r, 10, value(g.share_45, m));
        sh.put(r, 11, count(g.compared, m));
        sh.put(r, 12, value(g.lowered_share, m));
        sh.put(r, 13, value(g.confirmed_share, m));
        sh.put(r, 14, value(g.raised_share, m));
        sh.put(r, 15, value(g.mean_percent, m));
        sh.put(r, 16, g.ci_low ? text(decimal(*g.ci_low) + "–" + decimal(*g.ci_high), m) : text_cell("—", "ce_none"));
        sh.put(r, 17,
               text_cell(sample_size_title(g.sample), g.sample == SampleSize::Informative ? "ce_text"
                                                      : g.sample == SampleSize::Caution   ? "ce_warn"
                                                                                          : "ce_small"));
        sh.put(r, 18, value(g.previous_share_2, m));
        sh.put(r, 19, value(g.dynamics_2, m));
        sh.put(r, 20,
               !g.dynamics_2 ? text_cell("—", "ce_none")
               : g.worse     ? text_cell("отрицательная", "ce_bad")
                             : text_cell("без ухудшения", "ce_ok"));
        ++r;
    }
    return sh;
}

Sheet tasks(const Analysis& a, const VprSettings& s) {
    Sheet sh;
    sh.name = kTasksSheet;
    sh.column_styles = {"co_code", "co_level", "co_num", "co_value"};
    std::size_t widest = 0;
    for (const SubjectGrade& sg : a.subjects) {
        std::size_t n = 0;
        for (const GroupStats& g : a.groups)
            n += g.subject == sg.subject && g.grade == sg.grade && !g.school.empty();
        widest = std::max(widest, n);
    }
    sh.column_styles.resize(4 + widest, "co_level");
    title(sh, "Выполнение заданий, % (Σ баллов / (максимум × участники); «X» — 0 баллов)",
          "Базовые задания: не ниже " + decimal(s.basic.sufficient) + " % — достаточно, ниже " +
              decimal(s.basic.insufficient) + " % — недостаточно, между — зона неопределенности; повышенные: " +
              decimal(s.advanced.sufficient) + " % и " + decimal(s.advanced.insufficient) +
              " % (ФИОКО, 2026). Цвет — только у групп от " + std::to_string(s.groups) + " участников.",
          8);
    int r = 3;
    for (const SubjectGrade& sg : a.subjects) {
        sh.put(r++, 0, text_cell(subject_grade(sg.subject, sg.grade), "ce_bold", spanned(4)));
        std::vector<const GroupStats*> cols;
        std::vector<std::string> heads{"Задание", "Уровень", "Макс. балл"};
        for (const GroupStats& g : a.groups)
            if (g.subject == sg.subject && g.grade == sg.grade) {
                cols.push_back(&g);
                heads.push_back(g.school.empty() ? "Муниципалитет" : g.school_name);
            }
        header(sh, r++, heads);
        for (std::size_t k = 0; k < sg.tasks.size(); ++k, ++r) {
            const Task& t = sg.tasks[k];
            sh.put(r, 0, text_cell(t.label, "ce_text"));
            sh.put(r, 1, text_cell(task_level_title(t.level), "ce_text"));
            sh.put(r, 2, number_cell(t.max, "ce_int"));
            for (std::size_t c = 0; c < cols.size(); ++c) {
                const auto& v = cols[c]->task_percent[k];
                const int col = 3 + static_cast<int>(c);
                if (!v) {
                    sh.put(r, col, text_cell("—", "ce_none"));
                    continue;
                }
                const double shown = std::round(*v * 10) / 10;
                if (cols[c]->participants < s.groups || t.level == TaskLevel::Unknown) {
                    sh.put(r, col, number_cell(shown, "ce_dec"));
                    continue;
                }
                const TaskBand b = task_band(*v, t.level, s);
                sh.put(r, col,
                       number_cell(shown, b == TaskBand::Sufficient  ? "ce_band_ok"
                                          : b == TaskBand::Uncertain ? "ce_band_warn"
                                                                     : "ce_band_bad"));
            }
        }
        ++r;
    }
    return sh;
}

}  // namespace

ResultsWorkbook results_workbook(const Analysis& a, const std::vector<ResultsFile>& files,
                                 const std::string& generator) {
    const VprSettings& settings = a.settings;
    ResultsWorkbook out;
    std::size_t drawable = 0;
    Sheet analysis = analysis_sheet(a, out.histograms, kMaxCharts, drawable);
    std::vector<Sheet> sheets;
    sheets.push_back(summary(a, files, generator, out.histograms.size(), drawable));
    sheets.push_back(schools(a));
    sheets.push_back(tasks(a, settings));
    sheets.push_back(std::move(analysis));
    sheets.push_back(objectivity_sheet(a));
    sheets.push_back(shnor_sheet(a));
    sheets.push_back(pupils_sheet(files));
    sheets.push_back(findings_sheet(a));
    for (auto& sh : sheets) {
        sh.protect = false;
        if (sh.freeze_row > 0 || sh.freeze_col > 0)
            out.panes.push_back({sh.name, sh.freeze_row, sh.freeze_col});
    }
    std::string styles = region_sheets::styles();
    const std::string border = R"( fo:border="0.5pt solid #a6a6a6")";
    styles += cell_style("ce_region_text", border + R"( fo:background-color="#eeeeee" fo:wrap-option="wrap")",
                         R"( fo:font-weight="bold")");
    styles += cell_style("ce_login", border + R"( style:vertical-align="middle")",
                         R"( fo:font-size="8pt" fo:color="#595959")");
    styles += cell_style("ce_band_ok", border + R"( fo:background-color="#e2efda")", "", "N_dec");
    styles += cell_style("ce_band_warn", border + R"( fo:background-color="#fff2cc")", "", "N_dec");
    styles += cell_style("ce_band_bad", border + R"( fo:background-color="#f8cbad")", "", "N_dec");

    out.fods = report_document("Результаты ВПР из ФИС ОКО", generator, std::to_string(files.size()) + " Ф1 files",
                               sheets, styles, "Результаты ВПР");
    return out;
}

}  // namespace msoko::vpr
