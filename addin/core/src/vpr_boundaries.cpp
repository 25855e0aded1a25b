// SPDX-License-Identifier: MPL-2.0
// The table of ВПР mark boundaries (addin/catalogue/vpr-boundaries.json):
// the least primary score of «3», «4», «5» per year, subject and grade.
#include "json_file.hpp"
#include "msoko/text.hpp"
#include "msoko/vpr.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace msoko::vpr {

int MarkBoundaries::mark(double primary) const {
    if (primary >= from[2])
        return 5;
    if (primary >= from[1])
        return 4;
    return primary >= from[0] ? 3 : 2;
}

const MarkBoundaries* BoundaryTable::find(int year, const std::string& subject, int grade) const {
    const std::string s = fold(subject);
    for (const auto& e : entries)
        if (e.year == year && e.grade == grade && fold(e.subject) == s)
            return &e;
    return nullptr;
}

namespace {

constexpr const char* kFormat = "msoko-vpr-boundaries/1";

[[noreturn]] void fail(const std::string& file, const std::string& where, const std::string& what) {
    throw std::runtime_error("таблица границ отметок «" + file + "»" + (where.empty() ? "" : ", " + where) + ": " +
                             what);
}

double number(const boost::json::object& o, const char* key, const std::string& file, const std::string& where) {
    const boost::json::value* v = o.if_contains(key);
    if (!v || !v->is_number())
        fail(file, where, std::string("нет числа «") + key + "»");
    return v->to_number<double>();
}

}  // namespace

BoundaryTable parse_boundaries(const std::string& json_text, const std::string& file) {
    boost::json::value root;
    try {
        root = json_file::parse(json_text, file);
    } catch (const std::exception& e) {
        fail(file, {}, e.what());
    }
    if (!root.is_object())
        fail(file, {}, "ожидался объект JSON");
    const boost::json::object& o = root.as_object();
    const boost::json::value* format = o.if_contains("format");
    if (!format || !format->is_string() || format->as_string() != kFormat)
        fail(file, {}, std::string("ожидался формат «") + kFormat + "»");
    const boost::json::value* list = o.if_contains("boundaries");
    if (!list || !list->is_array())
        fail(file, {}, "нет списка «boundaries»");
    BoundaryTable table;
    std::set<std::tuple<int, std::string, int>> seen;
    const auto& a = list->as_array();
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string where = "запись " + std::to_string(i + 1);
        if (!a[i].is_object())
            fail(file, where, "ожидался объект");
        const auto& e = a[i].as_object();
        MarkBoundaries b;
        b.year = static_cast<int>(number(e, "year", file, where));
        b.grade = static_cast<int>(number(e, "grade", file, where));
        const boost::json::value* s = e.if_contains("subject");
        if (!s || !s->is_string() || trim(std::string(s->as_string())).empty())
            fail(file, where, "нет предмета «subject»");
        b.subject = trim(std::string(s->as_string()));
        b.max = number(e, "max", file, where);
        b.from = {number(e, "three", file, where), number(e, "four", file, where), number(e, "five", file, where)};
        if (const boost::json::value* src = e.if_contains("source"); src && src->is_string())
            b.source = std::string(src->as_string());
        if (!(0 < b.from[0] && b.from[0] < b.from[1] && b.from[1] < b.from[2] && b.from[2] <= b.max))
            fail(file, where + " (" + subject_grade(b.subject, b.grade) + ", " + std::to_string(b.year) + ")",
                 "границы должны расти: 0 < «3» < «4» < «5» ≤ максимум");
        if (!seen.emplace(b.year, fold(b.subject), b.grade).second)
            fail(file, where,
                 "повторяет " + subject_grade(b.subject, b.grade) + " " + std::to_string(b.year) + " года");
        table.entries.push_back(std::move(b));
    }
    return table;
}

BoundaryTable read_boundaries(const std::string& path) {
    std::string text;
    try {
        text = json_file::read(path);
    } catch (const std::exception& e) {
        fail(path, {}, e.what());
    }
    return parse_boundaries(text, path);
}

}  // namespace msoko::vpr
