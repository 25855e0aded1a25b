// SPDX-License-Identifier: MPL-2.0
#pragma once

// Pupil-level ВПР results as ФИС ОКО exports them: the report «Ф1
// Индивидуальные результаты» (one file per subject and grade, for a school
// or a whole municipality), read from the cells of its sheet as a
// spreadsheet gave them (the office reads xlsx, ods and csv; the core never
// parses a file format). The layout is recognised by its headers, never by
// fixed rows: the heading lines («ВПР 2026 Русский язык 4 класс»,
// «Максимальный первичный балл:»), the line «Уровень сложности задания»
// (Б / П above each task), the header line («Код участника» … «Первичный
// балл» … «Отметка по журналу»), the school lines «МБОУ «…»(edu203389) |
// Кол-во участников: 89», then the pupils. docs/vpr.md.
//
// The participant's code is kept only as given; the file holds no names and
// nothing here logs a pupil's code.

#include "msoko/cell.hpp"
#include "msoko/finding_kinds.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace msoko::vpr {

/// The file is not a Ф1 report (or not one this reader knows): the message
/// says, in Russian, what was expected and what was found.
class LayoutError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class TaskLevel { Basic, Advanced, Unknown };  ///< Б, П, not given

/// «базовый», «повышенный», «не указан».
const char* task_level_title(TaskLevel level);

struct Task {
    std::string label;  ///< as the header names it: «1», «9.1», «4К1»
    double max = 0;     ///< its maximum points, from «(2б)»
    TaskLevel level = TaskLevel::Unknown;
};

/// One participant's line.
struct Pupil {
    std::string school;  ///< the school's login in ФИС ОКО (edu203389, sch420012); from «ОО» or its group line
    std::string school_name;  ///< «Название ОО», else its group line's name
    std::string municipality;
    std::string code;  ///< «Код участника», as given (personal data: never logged)
    std::string class_name;
    std::string variant;
    bool absent = false;  ///< «Вариант» says the pupil did not write (отсутствовал, не явился, …)
    /// Per task of the file: the points; none for «X» (no answer) or an empty cell.
    std::vector<std::optional<double>> scores;
    std::optional<double> primary;  ///< «Первичный балл»; from the tasks when the file has no such column
    std::optional<int> mark;        ///< 2–5: «Отметка», or from the primary score by the year's boundaries
    bool mark_from_boundaries = false;
    std::optional<int> journal;  ///< «Отметка по журналу», 2–5; none: «нет отметки» or empty
    int row = 0;                 ///< 0-based row on the sheet, for findings
};

/// A school's group line: its name and login, the participants it states.
struct SchoolLine {
    std::string school, name;
    std::optional<std::size_t> stated;  ///< «Кол-во участников: 89»
    std::size_t rows = 0;               ///< the pupils' lines under it
    int row = 0;
};

/// Something the reader or the analysis found in a file; the pupils stay as given.
struct Finding {
    Severity severity = Severity::Warning;
    std::string kind;  ///< vpr.count, vpr.score_max, vpr.mark_range, vpr.mark_boundaries, vpr.duplicate, vpr.journal, …
    std::string file, sheet;
    int row = -1, col = -1;  ///< 0-based cell of the file's sheet; -1: the file as a whole
    std::string school;      ///< the school's login, when it concerns one
    std::string message;     ///< Russian; names the school and the figures, never a pupil's code
};

/// A sheet of a results file, as the spreadsheet gave it.
struct SheetCells {
    std::string name;
    Range cells;  ///< from A1
};

/// The mark boundaries of one subject and grade in one year: the least
/// primary score of a «3», a «4» and a «5» (ФИОКО publishes them each year).
struct MarkBoundaries {
    int year = 0;
    std::string subject;  ///< as the files name it, «Русский язык»
    int grade = 0;
    double max = 0;                  ///< the maximum primary score
    std::array<double, 3> from{};    ///< least score of «3», «4», «5»
    std::string source;              ///< where the figures come from
    int mark(double primary) const;  ///< 2–5
};

/// The boundaries by year, subject and grade: data (addin/catalogue/vpr-boundaries.json), not code.
struct BoundaryTable {
    std::vector<MarkBoundaries> entries;
    const MarkBoundaries* find(int year, const std::string& subject, int grade) const;
};

/// Reads {"format": "msoko-vpr-boundaries/1", "boundaries": [{year, subject, grade, max, three, four,
/// five, source}]}. @throws std::runtime_error naming the file and the entry.
BoundaryTable parse_boundaries(const std::string& json_text, const std::string& file);
BoundaryTable read_boundaries(const std::string& path);

/// One Ф1 report: one subject and grade.
struct ResultsFile {
    std::string file;  ///< as the user names it (its file name)
    std::string sheet;
    std::string subject;  ///< «Русский язык»
    int grade = 0;
    int year = 0;  ///< of «ВПР 2026 …», else of «Дата:»
    std::optional<double> max_score;
    std::string date;  ///< «Дата:» as given
    std::vector<Task> tasks;
    std::vector<Pupil> pupils;  ///< in the file's order
    std::vector<SchoolLine> schools;
    bool has_mark_column = true;               ///< false: an older export; marks from the boundaries
    std::optional<MarkBoundaries> boundaries;  ///< of the table given to the reader, when it has them
    std::vector<Finding> findings;
};

/// True when the sheet looks like a Ф1 report (its header line is found).
bool is_results_sheet(const Range& cells);

/// Reads the first sheet of `sheets` that is a Ф1 report. Counts that disagree with the rows, points above
/// a task's maximum, marks outside 2–5, a mark that disagrees with the year's boundaries, duplicate codes:
/// findings, the rows kept as given. @throws LayoutError when no sheet is such a report.
ResultsFile read_results(const std::vector<SheetCells>& sheets, const std::string& file,
                         const BoundaryTable& boundaries);

/// «Русский язык, 4 класс».
std::string subject_grade(const std::string& subject, int grade);

}  // namespace msoko::vpr
