// SPDX-License-Identifier: MPL-2.0
// The pupils' lines of a Ф1 sheet, with the school lines over them: every
// line kept as given; counts that disagree, points above a task's maximum,
// marks outside 2–5 or off the year's boundaries and duplicate codes are
// findings (a pupil's code is never written into one).
#include "msoko/results.hpp"
#include "msoko/text.hpp"
#include "vpr_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <regex>
#include <unordered_map>

namespace msoko::vpr {

std::string comma_as_point(std::string text) {
    std::replace(text.begin(), text.end(), ',', '.');
    return text;
}

std::string decimal(double v, int digits) {
    const double scale = std::pow(10.0, digits);
    double r = std::round(v * scale) / scale;
    if (r == 0)
        r = 0;  // no «-0»
    std::string s = format_number(r);
    std::replace(s.begin(), s.end(), '.', ',');
    if (!s.empty() && s[0] == '-')
        s = "−" + s.substr(1);
    return s;
}

std::optional<double> number_of(const Cell& c) {
    if (c.kind() == Cell::Kind::Number)  // an infinity or NaN is no score
        return std::isfinite(c.number()) ? std::optional<double>(c.number()) : std::nullopt;
    if (c.kind() != Cell::Kind::Text)
        return std::nullopt;
    const std::string t = comma_as_point(trim(c.text()));
    if (t.empty())
        return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

namespace {

bool is_no_answer(const std::string& folded) {
    return folded == "x" || folded == "х" || folded == "-" || folded == "—" || folded == "–";
}

bool is_absent(const std::string& folded) {
    static const char* const words[] = {"отсутств", "не явил", "неявка", "не писал", "не участв", "н/я", "болен"};
    return std::any_of(std::begin(words), std::end(words),
                       [&](const char* w) { return folded.find(w) != std::string::npos; });
}

// «МБОУ «Каменская СОШ»(edu203389)», and «Кол-во участников: 89» in a cell of the row.
bool read_school_line(const Range& cells, std::size_t r, SchoolLine& line) {
    static const std::regex count_re(R"(кол-?во\s+участников\s*:?\s*([0-9]+)?)", std::regex::icase);
    static const std::regex name_re(R"(^(.*?)\s*\(\s*((?:edu|sch)[0-9A-Za-z_]+)\s*\)\s*$)", std::regex::icase);
    // Most lines are pupils': only a line with «…участников» in a text is looked at closer.
    bool candidate = false;
    for (std::size_t c = 0; c < cells.cols() && !candidate; ++c)
        candidate =
            cells.at(r, c).kind() == Cell::Kind::Text && cells.at(r, c).text().find("участник") != std::string::npos;
    if (!candidate)
        return false;
    bool counted = false;
    for (std::size_t c = 0; c < cells.cols(); ++c) {
        const Cell& cell = cells.at(r, c);
        if (cell.kind() != Cell::Kind::Text)
            continue;
        const std::string t = trim(cell.text());
        const std::string folded = fold(t);  // std::regex's icase knows no Cyrillic
        std::smatch m;
        if (std::regex_search(folded, m, count_re)) {
            counted = true;
            if (m[1].matched)
                line.stated = static_cast<std::size_t>(std::stoul(m[1].str()));
            else
                for (std::size_t k = c + 1; k < cells.cols(); ++k)
                    if (const auto n = number_of(cells.at(r, k))) {
                        line.stated = static_cast<std::size_t>(*n);
                        break;
                    }
            if (m.position(0) > 0 && line.name.empty()) {
                // «МБОУ «…»(edu203389) Кол-во участников: 89» in one cell: fold() keeps the byte positions
                // of everything but capital letters, which are as long in either case
                const std::string before = trim(t.substr(0, static_cast<std::size_t>(m.position(0))));
                std::smatch n;
                if (std::regex_match(before, n, name_re))
                    line.name = trim(n[1].str()), line.school = n[2].str();
            }
        } else if (line.name.empty()) {
            std::smatch n;
            if (std::regex_match(t, n, name_re))
                line.name = trim(n[1].str()), line.school = n[2].str();
            else
                line.name = t;
        }
    }
    return counted;
}

std::string row_ref(int row) {
    return "строка " + std::to_string(row + 1);
}

}  // namespace

void read_pupils(const Range& cells, std::size_t head, const Columns& cols, ResultsFile& f) {
    const auto at = [&](std::size_t r, int c) -> const Cell& {
        static const Cell empty;
        return c < 0 ? empty : cells.at(r, static_cast<std::size_t>(c));
    };
    const auto finding = [&](Severity sev, const char* kind, int row, int col, std::string school,
                             std::string message) {
        f.findings.push_back({sev, kind, f.file, f.sheet, row, col, std::move(school), std::move(message)});
    };
    std::unordered_map<std::string, int> codes;  // code → the row it was first seen on
    SchoolLine* current = nullptr;
    const std::string what = subject_grade(f.subject, f.grade);
    f.pupils.reserve(cells.rows() - head);
    for (std::size_t r = head + 1; r < cells.rows(); ++r) {
        const int row = static_cast<int>(r);
        SchoolLine line;
        line.row = row;
        if (read_school_line(cells, r, line)) {
            f.schools.push_back(std::move(line));
            current = &f.schools.back();
            continue;
        }
        const std::string code = trim(cell_text(at(r, cols.code)));
        bool any_score = false;
        for (const int c : cols.tasks)
            any_score = any_score || !at(r, c).is_empty();
        if (code.empty() && !any_score && at(r, cols.primary).is_empty())
            continue;  // an empty line, or a line of text between the tables
        Pupil p;
        p.row = row;
        p.code = code;
        p.school = trim(cell_text(at(r, cols.school)));
        p.school_name = trim(cell_text(at(r, cols.name)));
        p.municipality = trim(cell_text(at(r, cols.municipality)));
        p.class_name = trim(cell_text(at(r, cols.class_name)));
        p.variant = trim(cell_text(at(r, cols.variant)));
        if (current) {
            if (p.school.empty())
                p.school = current->school;
            if (p.school_name.empty())
                p.school_name = current->name;
            ++current->rows;
        }
        if (p.school.empty())
            p.school = p.school_name;
        p.absent = is_absent(fold(p.variant));

        double sum = 0;
        bool summed = false;
        for (std::size_t k = 0; k < cols.tasks.size(); ++k) {
            const int c = cols.tasks[k];
            const Cell& cell = at(r, c);
            std::optional<double> v;
            if (cell.kind() == Cell::Kind::Text && is_no_answer(fold(cell.text()))) {
                // no answer: no points
            } else if (!cell.is_empty()) {
                v = number_of(cell);
                if (!v || *v < 0)
                    finding(Severity::Error, "vpr.score_text", row, c, p.school,
                            what + ", " + row_ref(row) + ", задание " + f.tasks[k].label + ": «" +
                                truncate_utf8(cell_text(cell), 20) + "» — не балл; задание считается невыполненным");
                if (v && *v < 0)
                    v.reset();
                else if (v && *v > f.tasks[k].max)
                    finding(Severity::Error, "vpr.score_max", row, c, p.school,
                            what + ", " + row_ref(row) + ", задание " + f.tasks[k].label + ": " + format_number(*v) +
                                " б. при максимуме " + format_number(f.tasks[k].max) + " б.");
            }
            if (v)
                sum += *v, summed = true;
            p.scores.push_back(v);
        }
        if (cols.primary >= 0 && !at(r, cols.primary).is_empty()) {
            p.primary = number_of(at(r, cols.primary));
            if (!p.primary)
                finding(Severity::Error, "vpr.score_text", row, cols.primary, p.school,
                        what + ", " + row_ref(row) + ": первичный балл «" +
                            truncate_utf8(cell_text(at(r, cols.primary)), 20) + "» — не число");
            else if (summed && std::abs(*p.primary - sum) > 1e-9)
                finding(Severity::Warning, "vpr.primary", row, cols.primary, p.school,
                        what + ", " + row_ref(row) + ": первичный балл " + format_number(*p.primary) +
                            ", а сумма баллов за задания " + format_number(sum));
        } else if (summed && !p.absent) {
            p.primary = sum;
        }
        if (cols.mark >= 0) {
            const Cell& mc = at(r, cols.mark);
            const std::optional<double> m = number_of(mc);
            if (m && *m == std::floor(*m) && *m >= 2 && *m <= 5)
                p.mark = static_cast<int>(*m);
            else if (m || (mc.kind() == Cell::Kind::Text && !is_no_mark(mc.text())))
                finding(Severity::Error, "vpr.mark_range", row, cols.mark, p.school,
                        what + ", " + row_ref(row) + ": отметка «" + truncate_utf8(cell_text(mc), 20) +
                            "» — не отметка 2–5; работа не учитывается в распределении отметок");
        } else if (f.boundaries && p.primary && !p.absent) {
            p.mark = f.boundaries->mark(*p.primary);
            p.mark_from_boundaries = true;
        }
        if (cols.journal >= 0) {
            const Cell& jc = at(r, cols.journal);
            const std::optional<double> j = number_of(jc);
            if (j && *j == std::floor(*j) && *j >= 2 && *j <= 5)
                p.journal = static_cast<int>(*j);
            else if (j || (jc.kind() == Cell::Kind::Text && !is_no_mark(jc.text())))
                finding(Severity::Warning, "vpr.journal", row, cols.journal, p.school,
                        what + ", " + row_ref(row) + ": отметка по журналу «" + truncate_utf8(cell_text(jc), 20) +
                            "» — не отметка 2–5; работа не сравнивается с журналом");
        }
        if (!code.empty()) {
            const auto [it, fresh] = codes.emplace(code, row);
            if (!fresh)
                finding(Severity::Error, "vpr.duplicate", row, cols.code, p.school,
                        what + ": код участника в " + row_ref(row) + " уже был в " + row_ref(it->second) +
                            " — одна работа записана дважды или коды перепутаны");
        }
        f.pupils.push_back(std::move(p));
    }

    for (const SchoolLine& s : f.schools)
        if (s.stated && *s.stated != s.rows)
            finding(Severity::Warning, "vpr.count", s.row, -1, s.school,
                    what + ", «" + s.name + "»: в строке ОО указано участников " + std::to_string(*s.stated) +
                        ", а строк участников под ней " + std::to_string(s.rows) + " — строки взяты как есть");

    // The file's marks against the year's boundaries: a few that disagree are findings; more than half
    // disagreeing says the table is not this year's (one finding, the file's marks kept).
    if (f.boundaries && f.has_mark_column) {
        std::vector<const Pupil*> off;
        std::size_t marked = 0;
        for (const Pupil& p : f.pupils)
            if (p.mark && p.primary) {
                ++marked;
                if (f.boundaries->mark(*p.primary) != *p.mark)
                    off.push_back(&p);
            }
        if (marked && off.size() * 2 > marked) {
            finding(Severity::Warning, "vpr.boundaries_table", -1, -1, {},
                    what + ": отметки " + std::to_string(off.size()) + " из " + std::to_string(marked) +
                        " работ не совпадают с границами таблицы " + std::to_string(f.year) +
                        " года — похоже, таблица границ не для этого года; отметки файла взяты как есть");
        } else {
            for (const Pupil* p : off)
                finding(Severity::Warning, "vpr.mark_boundaries", p->row, cols.mark, p->school,
                        what + ", " + row_ref(p->row) + ": отметка " + std::to_string(*p->mark) +
                            " при первичном балле " + format_number(*p->primary) + ", а по границам " +
                            std::to_string(f.year) + " года — " + std::to_string(f.boundaries->mark(*p->primary)));
        }
    }
}

}  // namespace msoko::vpr
