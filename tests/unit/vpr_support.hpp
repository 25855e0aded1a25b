// SPDX-License-Identifier: MPL-2.0
#pragma once

// Ф1 sheets made by the tests in the real layout of ФИС ОКО's export:
// heading lines, the line of task levels, the header, school lines, pupils.

#include "msoko/vpr.hpp"
#include "test_support.hpp"

#include <string>
#include <vector>

namespace msoko::test {

struct F1Task {
    std::string label;
    double max;
    const char* level;  // «Б», «П»
};

/// A pupil's line: scores per task (a text such as «X» as given), primary, mark and journal as cells.
struct F1Pupil {
    std::string code, class_name = "4А", variant = "1";
    std::vector<Cell> scores;
    Cell primary, mark, journal;
};

struct F1School {
    std::string login, name;
    std::vector<F1Pupil> pupils;
    long stated = -1;  // «Кол-во участников»; -1: as many as pupils
};

struct F1 {
    int year = 2026;
    std::string subject = "Русский язык";
    int grade = 4;
    std::vector<F1Task> tasks;
    std::vector<F1School> schools;
    bool mark_column = true;
    int blank_rows_on_top = 0;  // the layout is found by its headers, not by fixed rows

    vpr::SheetCells sheet() const {
        std::vector<std::vector<Cell>> rows;
        for (int i = 0; i < blank_rows_on_top; ++i)
            rows.push_back({});
        rows.push_back({T("Индивидуальные результаты")});
        rows.push_back(
            {Cell::text("ВПР " + std::to_string(year) + " " + subject + " " + std::to_string(grade) + " класс")});
        rows.push_back({T("Предмет:"), Cell::text(subject)});
        double max = 0;
        for (const auto& t : tasks)
            max += t.max;
        rows.push_back({T("Максимальный первичный балл:"), N(max)});
        rows.push_back({T("Дата:"), Cell::text("16.04." + std::to_string(year))});
        std::vector<Cell> levels(6, E());
        levels[0] = T("Уровень сложности задания");
        std::vector<Cell> head{T("ОО"),    T("Муниципалитет"), T("Название ОО"), T("Код участника"),
                               T("Класс"), T("Вариант")};
        for (const auto& t : tasks) {
            levels.push_back(Cell::text(t.level));
            head.push_back(Cell::text(t.label + " (" + format(t.max) + "б)"));
        }
        head.push_back(T("Первичный балл"));
        if (mark_column)
            head.push_back(T("Отметка"));
        head.push_back(T("Отметка по журналу"));
        rows.push_back(levels);
        rows.push_back(head);
        for (const auto& s : schools) {
            rows.push_back({Cell::text(s.name + "(" + s.login + ")"), E(), E(),
                            Cell::text("Кол-во участников: " +
                                       std::to_string(s.stated >= 0 ? s.stated : static_cast<long>(s.pupils.size())))});
            for (const auto& p : s.pupils) {
                std::vector<Cell> r{Cell::text(s.login), T("Тестовый район"),      Cell::text(s.name),
                                    Cell::text(p.code),  Cell::text(p.class_name), Cell::text(p.variant)};
                for (std::size_t k = 0; k < tasks.size(); ++k)
                    r.push_back(k < p.scores.size() ? p.scores[k] : E());
                r.push_back(p.primary);
                if (mark_column)
                    r.push_back(p.mark);
                r.push_back(p.journal);
                rows.push_back(r);
            }
        }
        std::size_t cols = 0;
        for (const auto& r : rows)
            cols = std::max(cols, r.size());
        std::vector<Cell> cells;
        for (auto& r : rows) {
            r.resize(cols);
            cells.insert(cells.end(), r.begin(), r.end());
        }
        return {"РУ 4 Индивидуальные результаты", Range(rows.size(), cols, std::move(cells))};
    }

    static std::string format(double v) {
        std::string s = std::to_string(v);
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.')
            s.pop_back();
        return s;
    }
};

/// A pupil with these scores (numbers), their sum as the primary score, and the marks given.
inline F1Pupil pupil(const std::string& code, std::vector<double> scores, int mark, Cell journal) {
    F1Pupil p;
    p.code = code;
    double sum = 0;
    for (double s : scores) {
        p.scores.push_back(N(s));
        sum += s;
    }
    p.primary = N(sum);
    p.mark = N(mark);
    p.journal = std::move(journal);
    return p;
}

}  // namespace msoko::test
