// SPDX-License-Identifier: MPL-2.0
#include "vpr_write.hpp"

#include "form_odf.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace msoko::vprgen {

namespace {

constexpr int kHeaderRow = 7;  // after the heading lines, a blank line and «Уровень сложности задания»
constexpr int kFixedColumns = 6;  // ОО, Муниципалитет, Название ОО, Код участника, Класс, Вариант

class Row {
public:
    explicit Row(std::ostream& out) : out_(out) { out_ << "<table:table-row>"; }
    ~Row() { out_ << "</table:table-row>\n"; }
    Row(const Row&) = delete;
    Row& operator=(const Row&) = delete;

    Row& text(const std::string& s) {
        flush_empty();
        out_ << "<table:table-cell office:value-type=\"string\"><text:p>" << odf::xml(s)
             << "</text:p></table:table-cell>";
        return *this;
    }
    Row& number(double v) {
        flush_empty();
        out_ << "<table:table-cell office:value-type=\"float\" office:value=\"" << odf::number_text(v) << "\"/>";
        return *this;
    }
    Row& empty(int n = 1) {
        empty_ += n;
        return *this;
    }

private:
    void flush_empty() {
        if (empty_ == 1)
            out_ << "<table:table-cell/>";
        else if (empty_ > 1)
            out_ << "<table:table-cell table:number-columns-repeated=\"" << empty_ << "\"/>";
        empty_ = 0;
    }
    std::ostream& out_;
    int empty_ = 0;  // trailing empty cells are not written
};

std::string journal_text(const PupilRow& p) {
    return p.journal ? std::to_string(*p.journal) : p.journal_text ? "нет отметки" : "";
}

}  // namespace

SheetRows sheet_rows(const VprFile& f) {
    SheetRows rows;
    rows.pupil.resize(f.pupils.size());
    int r = kHeaderRow + 1;
    for (const SchoolBlock& b : f.blocks) {
        rows.block.push_back(r++);
        for (std::size_t k = b.first; k < b.first + b.count; ++k)
            rows.pupil[k] = r++;
    }
    return rows;
}

void write_fods(const VprFile& f, std::ostream& out) {
    const SubjectDef& s = f.subject;
    const int columns = kFixedColumns + static_cast<int>(s.tasks.size()) + (f.options.mark_column ? 3 : 2);
    out << odf::document_start() << "<office:body><office:spreadsheet>\n<table:table table:name=\""
        << odf::xml(f.sheet_name()) << "\"><table:table-column table:number-columns-repeated=\"" << columns << "\"/>\n";
    Row(out).text("Индивидуальные результаты");
    Row(out).text("ВПР " + std::to_string(f.options.year) + " " + s.subject + " " + std::to_string(s.grade) + " класс");
    Row(out).text("Предмет:").text(s.subject);
    Row(out).text("Максимальный первичный балл:").number(s.max());
    Row(out).text("Дата:").text(f.options.date);
    { Row blank(out); }
    {
        Row levels(out);
        levels.text("Уровень сложности задания").empty(kFixedColumns - 1);
        for (const TaskDef& t : s.tasks)
            levels.text(t.advanced ? "П" : "Б");
    }
    {
        Row header(out);
        for (const char* h : {"ОО", "Муниципалитет", "Название ОО", "Код участника", "Класс", "Вариант"})
            header.text(h);
        for (const TaskDef& t : s.tasks)
            header.text(t.header());
        header.text("Первичный балл");
        if (f.options.mark_column)
            header.text("Отметка");
        header.text("Отметка по журналу");
    }
    for (const SchoolBlock& b : f.blocks) {
        const SchoolDef& school = f.schools[b.school];
        Row(out).text(school.name + "(" + school.login + ")").text("Кол-во участников: " + std::to_string(b.stated));
        for (std::size_t k = b.first; k < b.first + b.count; ++k) {
            const PupilRow& p = f.pupils[k];
            Row row(out);
            row.text(school.login).text(f.options.municipality).text(school.name).number(static_cast<double>(p.code));
            row.text(p.class_name);
            if (p.absent)
                row.text("отсутствовал").empty(static_cast<int>(s.tasks.size()) + (f.options.mark_column ? 2 : 1));
            else {
                row.number(p.variant);
                for (std::size_t t = 0; t < s.tasks.size(); ++t)
                    p.x[t] ? row.text("X") : row.number(p.points[t]);
                row.number(p.primary);
                if (f.options.mark_column)
                    row.number(p.mark);
            }
            if (p.journal)
                row.number(*p.journal);
            else if (p.journal_text)
                row.text("нет отметки");
        }
    }
    out << "</table:table>\n</office:spreadsheet></office:body></office:document>\n";
}

void write_pupils_tsv(const VprFile& f, std::ostream& out) {
    out << "school\tschool_name\tclass\tcode\tvariant\tabsent";
    for (const TaskDef& t : f.subject.tasks)
        out << "\t" << t.header();
    out << "\tprimary\tmark\tjournal\n";
    for (const PupilRow& p : f.pupils) {
        const SchoolDef& school = f.schools[p.school];
        out << school.login << "\t" << school.name << "\t" << p.class_name << "\t" << p.code << "\t"
            << (p.absent ? std::string("отсутствовал") : std::to_string(p.variant)) << "\t" << (p.absent ? 1 : 0);
        for (std::size_t t = 0; t < f.subject.tasks.size(); ++t)
            out << "\t" << (p.absent ? std::string() : p.x[t] ? std::string("X") : std::to_string(p.points[t]));
        out << "\t" << (p.absent ? std::string() : std::to_string(p.primary)) << "\t"
            << (p.absent ? std::string() : std::to_string(p.mark)) << "\t" << journal_text(p) << "\n";
    }
}

std::string meta_json(const VprFile& f) {
    namespace json = boost::json;
    const SheetRows rows = sheet_rows(f);
    json::object o;
    o["format"] = "msoko-make-vpr/1";
    o["file"] = f.file_stem();
    o["sheet"] = f.sheet_name();
    o["subject"] = f.subject.subject;
    o["grade"] = f.subject.grade;
    o["year"] = f.options.year;
    o["max"] = f.subject.max();
    o["boundaries"] = json::array{f.boundaries.three, f.boundaries.four, f.boundaries.five};
    o["has_mark_column"] = f.options.mark_column;
    o["municipality"] = f.options.municipality;
    o["seed"] = f.options.seed;
    json::array tasks;
    for (const TaskDef& t : f.subject.tasks)
        tasks.push_back(json::object{{"label", t.label}, {"max", t.max}, {"level", t.advanced ? "П" : "Б"}});
    o["tasks"] = std::move(tasks);
    json::array schools;
    for (std::size_t i = 0; i < f.blocks.size(); ++i) {
        const SchoolBlock& b = f.blocks[i];
        schools.push_back(json::object{{"login", f.schools[b.school].login},
                                       {"name", f.schools[b.school].name},
                                       {"role", f.roles[b.school]},
                                       {"stated", b.stated},
                                       {"rows", b.count},
                                       {"row", rows.block[i]}});
    }
    o["schools"] = std::move(schools);
    json::array mistakes;
    for (const Mistake& m : f.mistakes) {
        const int row =
            m.pupil >= 0
                ? rows.pupil[static_cast<std::size_t>(m.pupil)]
                : rows.block[static_cast<std::size_t>(
                      std::find_if(f.blocks.begin(), f.blocks.end(),
                                   [&](const SchoolBlock& b) { return f.schools[b.school].login == m.school; }) -
                      f.blocks.begin())];
        mistakes.push_back(json::object{{"kind", m.kind}, {"school", m.school}, {"row", row}, {"what", m.what}});
    }
    o["mistakes"] = std::move(mistakes);
    return json::serialize(o) + "\n";
}

}  // namespace msoko::vprgen
