// SPDX-License-Identifier: MPL-2.0
// Reading a Ф1 «Индивидуальные результаты» sheet from its cells: the layout
// found by its headers, the pupils kept as given, what disagrees a finding.
#include "msoko/text.hpp"
#include "msoko/vpr.hpp"
#include "vpr_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <regex>
#include <set>

namespace msoko::vpr {

const char* task_level_title(TaskLevel level) {
    switch (level) {
        case TaskLevel::Basic:
            return "базовый";
        case TaskLevel::Advanced:
            return "повышенный";
        case TaskLevel::Unknown:
            break;
    }
    return "не указан";
}

std::string subject_grade(const std::string& subject, int grade) {
    return subject + ", " + std::to_string(grade) + " класс";
}

namespace {

const std::regex& task_header() {
    // «1 (2б)», «9.1 (1б)», «4К1 (3б)», «12 (2 б.)», «3(1 балл)»
    static const std::regex re(
        R"(^\s*([0-9A-Za-zА-Яа-яЁё.,_\-]+)\s*\(\s*([0-9]+(?:[.,][0-9]+)?)\s*(?:б|Б|балл|Балл)[а-яё.]*\s*\)\s*$)",
        std::regex::icase);
    return re;
}

// A task's maximum from its header: 0 when it is none (no points, or more than any ВПР task has).
double task_points(const std::string& text) {
    const double v = std::strtod(comma_as_point(text).c_str(), nullptr);
    return std::isfinite(v) && v > 0 && v <= 100 ? v : 0;
}

// The header line: the row with «Код участника» and at least one task column.
std::optional<std::pair<std::size_t, Columns>> find_header(const Range& cells) {
    for (std::size_t r = 0; r < cells.rows(); ++r) {
        Columns c;
        bool any = false;
        for (std::size_t col = 0; col < cells.cols(); ++col) {
            const Cell& cell = cells.at(r, col);
            if (cell.kind() != Cell::Kind::Text)
                continue;
            const std::string h = fold(cell.text());
            const int i = static_cast<int>(col);
            if (h == "код участника" || h == "код")
                c.code = i, any = true;
            else if (h == "оо" || h == "логин оо" || h == "логин")
                c.school = i;
            else if (h == "муниципалитет" || h == "мо" || h == "муниципальное образование")
                c.municipality = i;
            else if (h == "название оо" || h == "наименование оо" || h == "образовательная организация")
                c.name = i;
            else if (h == "класс")
                c.class_name = i;
            else if (h == "вариант")
                c.variant = i;
            else if (h == "первичный балл" || h == "сумма баллов" || h == "первичный балл (сумма)")
                c.primary = i;
            else if (h == "отметка" || h == "отметка за работу")
                c.mark = i;
            else if (h == "отметка по журналу" || h == "отметка в журнале" || h == "отметка за предыдущий период")
                c.journal = i;
            else if (std::smatch m; std::regex_match(cell.text(), m, task_header()) && task_points(m[2].str()) > 0)
                c.tasks.push_back(i);
        }
        if (any && !c.tasks.empty())
            return std::make_pair(r, c);
    }
    return std::nullopt;
}

std::string first_texts(const Range& cells, std::size_t rows) {
    std::vector<std::string> seen;
    for (std::size_t r = 0; r < cells.rows() && seen.size() < rows; ++r)
        for (std::size_t c = 0; c < cells.cols(); ++c)
            if (const std::string t = trim(cell_text(cells.at(r, c))); !t.empty()) {
                seen.push_back("«" + truncate_utf8(t, 40) + "»");
                break;
            }
    return seen.empty() ? "пустой лист" : join(seen);
}

// The value right of a label «Предмет:» on its row (or after the colon in the same cell).
std::optional<Cell> labelled(const Range& cells, std::size_t rows, const char* label) {
    const std::string want = fold(label);
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cells.cols(); ++c) {
            const Cell& cell = cells.at(r, c);
            if (cell.kind() != Cell::Kind::Text)
                continue;
            const std::string t = fold(cell.text());
            if (t.rfind(want, 0) != 0)
                continue;
            const std::string rest = trim(t.substr(want.size()));
            if (!rest.empty())
                return Cell::text(trim(trim(cell.text()).substr(trim(cell.text()).size() - rest.size())));
            for (std::size_t k = c + 1; k < cells.cols(); ++k)
                if (!cells.at(r, k).is_empty())
                    return cells.at(r, k);
            return std::nullopt;
        }
    return std::nullopt;
}

// «ВПР 2026 Русский язык 4 класс» (also with dots or commas between the parts).
bool read_title(const Range& cells, std::size_t rows, ResultsFile& f) {
    static const std::regex re(R"(ВПР[.,\s]+([0-9]{4})[.,\s]+(.+?)[.,\s]+([0-9]{1,2})\s*(?:класс|кл\.?)\s*$)",
                               std::regex::icase);
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cells.cols(); ++c) {
            const Cell& cell = cells.at(r, c);
            std::smatch m;
            if (cell.kind() != Cell::Kind::Text)
                continue;
            const std::string t = trim(cell.text());
            if (!std::regex_search(t, m, re))
                continue;
            f.year = std::stoi(m[1].str());
            f.subject = trim(m[2].str());
            f.grade = std::stoi(m[3].str());
            return true;
        }
    return false;
}

// The sheet's name «РУ 4 Индивидуальные результаты» when the heading lines do not name the subject.
void read_sheet_name(const std::string& sheet, ResultsFile& f) {
    static const std::map<std::string, std::string> abbreviations = {
        {"ру", "Русский язык"}, {"ма", "Математика"},      {"ом", "Окружающий мир"}, {"би", "Биология"},
        {"ге", "География"},    {"ис", "История"},         {"об", "Обществознание"}, {"фи", "Физика"},
        {"хи", "Химия"},        {"ан", "Английский язык"}, {"не", "Немецкий язык"},  {"фр", "Французский язык"},
        {"ин", "Информатика"},  {"ли", "Литература"}};
    static const std::regex re(R"(^\s*(\S+)\s+([0-9]{1,2})\b)");
    std::smatch m;
    if (!std::regex_search(sheet, m, re))
        return;
    const auto it = abbreviations.find(fold(m[1].str()));
    if (f.subject.empty() && it != abbreviations.end())
        f.subject = it->second;
    if (!f.grade)
        f.grade = std::stoi(m[2].str());
}

}  // namespace

bool is_results_sheet(const Range& cells) {
    return find_header(cells).has_value();
}

ResultsFile read_results(const std::vector<SheetCells>& sheets, const std::string& file,
                         const BoundaryTable& boundaries) {
    const SheetCells* sheet = nullptr;
    std::optional<std::pair<std::size_t, Columns>> header;
    for (const auto& s : sheets)
        if ((header = find_header(s.cells))) {
            sheet = &s;
            break;
        }
    if (!sheet) {
        std::vector<std::string> found;
        for (const auto& s : sheets)
            found.push_back("лист «" + s.name + "»: " + first_texts(s.cells, 3));
        throw LayoutError("«" + file +
                          "» — не отчет ФИС ОКО «Ф1 Индивидуальные результаты»: ожидалась строка заголовков со "
                          "столбцами «Код участника», «Первичный балл», «Отметка по журналу» и заданиями вида "
                          "«1 (2б)»; найдено: " +
                          (found.empty() ? std::string("ни одного листа") : join(found, "; ")));
    }
    const Range& cells = sheet->cells;
    const auto [head, cols] = *header;
    ResultsFile f;
    f.file = file;
    f.sheet = sheet->name;
    const auto finding = [&](Severity sev, const char* kind, int row, int col, std::string school,
                             std::string message) {
        f.findings.push_back({sev, kind, f.file, f.sheet, row, col, std::move(school), std::move(message)});
    };

    read_title(cells, head, f);
    if (const auto subject = labelled(cells, head, "Предмет:"); subject && f.subject.empty())
        f.subject = trim(cell_text(*subject));
    read_sheet_name(sheet->name, f);
    if (const auto d = labelled(cells, head, "Дата:")) {
        f.date = trim(cell_text(*d));
        static const std::regex year(R"((20[0-9]{2}))");
        std::smatch m;
        if (!f.year && std::regex_search(f.date, m, year))
            f.year = std::stoi(m[1].str());
    }
    if (const auto m = labelled(cells, head, "Максимальный первичный балл:"))
        f.max_score = number_of(*m);
    if (f.subject.empty() || !f.grade)
        throw LayoutError("«" + file + "», лист «" + f.sheet +
                          "»: не найдены предмет и класс — ожидалась строка вида «ВПР 2026 Русский язык 4 класс» "
                          "над таблицей или название листа вида «РУ 4 Индивидуальные результаты»");
    f.has_mark_column = cols.mark >= 0;
    if (const MarkBoundaries* b = boundaries.find(f.year, f.subject, f.grade))
        f.boundaries = *b;

    // The tasks: label and maximum from the header, level from «Уровень сложности задания».
    std::optional<std::size_t> level_row;
    for (std::size_t r = 0; r < head && !level_row; ++r)
        for (std::size_t c = 0; c < cells.cols(); ++c)
            if (cells.at(r, c).kind() == Cell::Kind::Text &&
                fold(cells.at(r, c).text()).rfind("уровень сложности", 0) == 0) {
                level_row = r;
                break;
            }
    double task_sum = 0;
    for (const int c : cols.tasks) {
        std::smatch m;
        const std::string h = trim(cells.at(head, static_cast<std::size_t>(c)).text());
        std::regex_match(h, m, task_header());
        Task t;
        t.label = m[1].str();
        t.max = task_points(m[2].str());
        if (level_row) {
            const std::string l = fold(cell_text(cells.at(*level_row, static_cast<std::size_t>(c))));
            if (l == "б" || l.rfind("баз", 0) == 0 || l == "b")
                t.level = TaskLevel::Basic;
            else if (l == "п" || l.rfind("пов", 0) == 0 || l == "p" || l == "в" || l.rfind("выс", 0) == 0)
                t.level = TaskLevel::Advanced;
        }
        task_sum += t.max;
        f.tasks.push_back(std::move(t));
    }
    if (f.max_score && !(*f.max_score > 0 && *f.max_score <= 1000)) {
        finding(Severity::Warning, "vpr.max", -1, -1, {},
                "максимальный первичный балл в заголовке (" + format_number(*f.max_score) +
                    ") не похож на балл: взята сумма максимумов заданий (" + format_number(task_sum) + ")");
        f.max_score = task_sum;
    }
    if (!f.max_score)
        f.max_score = task_sum;
    else if (std::abs(*f.max_score - task_sum) > 1e-9)
        finding(Severity::Info, "vpr.max", -1, -1, {},
                "максимальный первичный балл в заголовке (" + format_number(*f.max_score) +
                    ") не равен сумме максимумов заданий (" + format_number(task_sum) + ")");
    if (f.boundaries && std::abs(f.boundaries->max - *f.max_score) > 1e-9)
        finding(Severity::Warning, "vpr.boundaries_max", -1, -1, {},
                "в таблице границ отметок для " + subject_grade(f.subject, f.grade) + " " + std::to_string(f.year) +
                    " года максимум " + format_number(f.boundaries->max) + ", а в файле " +
                    format_number(*f.max_score) + ": границы таблицы не применяются");
    if (f.boundaries && std::abs(f.boundaries->max - *f.max_score) > 1e-9)
        f.boundaries.reset();
    if (!f.has_mark_column && !f.boundaries)
        finding(Severity::Warning, "vpr.no_boundaries", -1, -1, {},
                "в файле нет столбца «Отметка», а в таблице границ нет " + subject_grade(f.subject, f.grade) + " " +
                    std::to_string(f.year) + " года: отметки не выставлены, доли «2» и «4–5» не считаются");

    read_pupils(cells, head, cols, f);
    return f;
}

}  // namespace msoko::vpr
