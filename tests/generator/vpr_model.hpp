// SPDX-License-Identifier: MPL-2.0
#pragma once

// Fictional ВПР results in the shape of ФИС ОКО's «Ф1 Индивидуальные
// результаты» (issue 18), for the tests, the bundled samples/vpr and the
// benchmark: one file per subject and grade for a whole municipality, its
// schools' pupils with their task points, primary scores, marks by the
// year's boundaries (addin/catalogue/vpr-boundaries.json) and journal marks;
// optionally a planted school with the objectivity markers and deliberate
// mistakes. Deterministic for a seed (own uniform and normal draws over
// std::mt19937_64, whose output the standard fixes).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace msoko::vprgen {

struct TaskDef {
    std::string label;  ///< «1», «9.1», «4К1»
    int max = 1;
    bool advanced = false;       ///< П; else Б
    std::string header() const;  ///< «4К1 (3б)»
};

/// A subject and grade as the files give it: its code on the sheet's name, its tasks.
struct SubjectDef {
    std::string subject;  ///< «Русский язык»
    std::string code;     ///< «РУ»
    std::string slug;     ///< «ru»: the file names
    int grade = 0;
    std::vector<TaskDef> tasks;
    int max() const;
};

/// The subjects and grades the generator knows («Русский язык» 4 and 5, «Математика» 4 and 5, «Окружающий
/// мир» 4).
const std::vector<SubjectDef>& known_subjects();
/// By «Русский язык 4» / «Русский язык:4» / «ru4». @throws std::runtime_error listing the known ones.
const SubjectDef& find_subject(const std::string& spec);

/// The least primary score of a «3», a «4», a «5» of one year, subject and grade.
struct Boundaries {
    int max = 0;
    int three = 0, four = 0, five = 0;
    int mark(int primary) const;
};
/// From a msoko-vpr-boundaries/1 file. @throws std::runtime_error when the entry is missing.
Boundaries read_boundaries(const std::string& path, int year, const std::string& subject, int grade);

struct SchoolDef {
    std::string login;          ///< edu424201
    std::string name;           ///< «МБОУ «Каменская СОШ»»
    bool primary_only = false;  ///< НОШ: no grade above 4
};

/// The schools of a form data file (msoko-form-data/1): its schools' short names, logins made up from their
/// codes; and the municipality's name from its passport.
std::vector<SchoolDef> schools_of_form_data(const std::string& path, std::string& municipality);
/// `count` schools «МБОУ «СОШ № k»», logins edu42NNNN.
std::vector<SchoolDef> numbered_schools(std::size_t count);

struct Options {
    int year = 2026;
    std::string municipality = "Энский муниципальный округ";
    std::size_t pupils = 600;  ///< per file, absent pupils included
    std::uint64_t seed = 1;
    bool mark_column = true;
    bool mistakes = false;
    std::vector<std::string> planted;  ///< logins
    std::string date;                  ///< «Дата:»; default 15.04.<year>
};

/// One pupil's line as written. Points: none = «X» when `x[i]`, else empty (an absent pupil).
struct PupilRow {
    std::size_t school = 0;  ///< index into the file's schools
    std::string class_name;
    long code = 0;
    int variant = 1;
    bool absent = false;
    std::vector<int> points;
    std::vector<bool> x;  ///< «X»: no answer (0 points)
    int primary = 0;
    int mark = 0;                ///< 0: none written (absent)
    std::optional<int> journal;  ///< none: «нет отметки» or empty
    bool journal_text = false;   ///< «нет отметки» rather than empty
};

/// A deliberate mistake: its kind as the core names it, the school, the pupil (index into `pupils`; -1: the
/// school line).
struct Mistake {
    std::string kind;
    std::string school;
    long pupil = -1;
    std::string what;
};

struct SchoolBlock {
    std::size_t school = 0;
    std::size_t first = 0, count = 0;  ///< its pupils: [first, first + count)
    std::size_t stated = 0;            ///< «Кол-во участников: N»
};

/// One Ф1 file.
struct VprFile {
    SubjectDef subject;
    Boundaries boundaries;
    Options options;
    std::vector<SchoolDef> schools;
    /// Per school: clean, reference (a clean one with no school effect, for the tests), planted, weak (low
    /// results: a ШНОР candidate), mistakes (holds the deliberate mistakes).
    std::vector<std::string> roles;
    std::vector<SchoolBlock> blocks;
    std::vector<PupilRow> pupils;
    std::vector<Mistake> mistakes;
    std::string sheet_name() const;  ///< «РУ 4 Индивидуальные результаты»
    std::string file_stem() const;   ///< vpr-2026-ru4
};

/// The file of `subject`: pupils spread over `schools` (a НОШ not in grades above 4), marks by `boundaries`.
VprFile generate(const SubjectDef& subject, const Boundaries& boundaries, const std::vector<SchoolDef>& schools,
                 const Options& options);

/// Deterministic draws.
class Random {
public:
    explicit Random(std::uint64_t seed) : engine_(seed) {}
    double uniform();  ///< [0, 1)
    double normal();   ///< N(0, 1), Box–Muller
    int below(int n);  ///< 0 … n − 1
    bool chance(double p) { return uniform() < p; }

private:
    std::mt19937_64 engine_;
};

}  // namespace msoko::vprgen
