// SPDX-License-Identifier: MPL-2.0
// The explanatory note of the submission package (msoko/note.hpp): the
// filled sample's form, read back from a snapshot, its check explained, and
// the note rendered — well-formed XML that an XML reader parses, laid out
// for printing, with the municipality, every warning and its explanation,
// every note of the check and every indicator as the form shows it.

#include "msoko/note.hpp"
#include "fods_snapshot.hpp"
#include "msoko/explanations.hpp"
#include "msoko/form.hpp"
#include "msoko/form_data.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/text.hpp"

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>

using namespace msoko;
namespace pt = boost::property_tree;

namespace {

const Catalogue& catalogue() {
    static const Catalogue c = read_catalogue(MSOKO_CATALOGUE_FILE);
    return c;
}

std::string sample_data_file() {
    return (std::filesystem::path(MSOKO_CORE_SOURCES) / ".." / ".." / ".." / "samples" / "data" /
            "sample-district.json")
        .lexically_normal()
        .string();
}

// An organisation whose name is markup: it must stay text in the note.
constexpr const char* kMarkupName = "<&>\"' Школа «Ёлочка» & Co";

// The filled sample with the first school renamed to kMarkupName.
const FormData& data() {
    static const FormData d = [] {
        FormData f = read_form_data(sample_data_file());
        f.organisations.front().short_name = kMarkupName;
        return f;
    }();
    return d;
}

// The text of an element as a reader sees it: its text and its children's in
// order, <text:s/> as its spaces, <text:line-break/> as "\n", <text:tab/> as "\t".
std::string text_of(const pt::ptree& node) {
    std::string out;
    for (const auto& [tag, child] : node) {
        if (tag == "<xmltext>")
            out += child.data();
        else if (tag == "text:s")
            out += std::string(child.get<std::size_t>("<xmlattr>.text:c", 1), ' ');
        else if (tag == "text:line-break")
            out += "\n";
        else if (tag == "text:tab")
            out += "\t";
        else if (tag != "<xmlattr>")
            out += text_of(child);
    }
    return out;
}

// Every paragraph's text, in the document's order.
void paragraphs(const pt::ptree& node, std::vector<std::string>& out) {
    for (const auto& [tag, child] : node) {
        if (tag == "text:p" || tag == "text:h")
            out.push_back(text_of(child));
        else if (tag != "<xmlattr>" && tag != "<xmltext>")
            paragraphs(child, out);
    }
}

// Each table row of the body as its cells' texts (a cell's paragraphs joined by "\n").
void table_rows(const pt::ptree& node, std::vector<std::vector<std::string>>& out) {
    for (const auto& [tag, child] : node) {
        if (tag == "table:table-row") {
            std::vector<std::string> cells;
            for (const auto& [ctag, c] : child) {
                if (ctag != "table:table-cell")
                    continue;
                std::string text;
                for (const auto& [ptag, para] : c)
                    if (ptag == "text:p")
                        text += (text.empty() ? "" : "\n") + text_of(para);
                cells.push_back(text);
            }
            out.push_back(std::move(cells));
        } else if (tag != "<xmlattr>" && tag != "<xmltext>") {
            table_rows(child, out);
        }
    }
}

struct Parsed {
    pt::ptree tree;
    std::vector<std::string> paragraphs;
    std::vector<std::vector<std::string>> rows;
    bool has(const std::string& p) const {
        return std::find(paragraphs.begin(), paragraphs.end(), p) != paragraphs.end();
    }
    /// The first row whose first cell is `first` (of `cells` cells, when given).
    const std::vector<std::string>* row_starting(const std::string& first, std::size_t cells = 0) const {
        for (const auto& r : rows)
            if (!r.empty() && r.front() == first && (cells == 0 || r.size() == cells))
                return &r;
        return nullptr;
    }
};

Parsed parse(const std::string& fodt) {
    Parsed out;
    std::istringstream in(fodt);
    pt::read_xml(in, out.tree, pt::xml_parser::no_concat_text);  // throws when not well-formed
    const pt::ptree& body = out.tree.get_child("office:document.office:body.office:text");
    paragraphs(body, out.paragraphs);
    table_rows(body, out.rows);
    return out;
}

// One decimal with a comma, as a Russian Calc shows the form's N_dec format.
std::string one_decimal(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", std::round(v * 10) / 10);
    std::string s = buf;
    std::replace(s.begin(), s.end(), '.', ',');
    return s == "-0,0" ? "0,0" : s;
}

struct Sample {
    WorkbookSnapshot snapshot;
    FormContents form;
    ReportModel model;
    std::vector<FormIndicator> indicators;
};

// The sample read, checked and every finding explained; plus one warning of
// our own about the school with the markup name, explained with markup,
// line breaks, a tab and runs of spaces.
const Sample& sample() {
    static const Sample s = [] {
        Sample out;
        out.snapshot = test::form_snapshot(catalogue(), data());
        out.form = read_form(catalogue(), out.snapshot);
        out.model = report_model(validate(catalogue(), out.snapshot), catalogue());
        ReportRow extra;
        extra.number = out.model.rows.size() + 1;
        extra.severity = Severity::Warning;
        extra.severity_text = "Предупреждение";
        extra.sheet = direction_sheet_name(catalogue().directions.front());
        extra.row = 5;
        extra.col = 6;
        extra.cell = "G6";
        extra.organisation = data().organisations.front().code;
        extra.field = catalogue().directions.front().fields.front();
        extra.field_title = catalogue().field(extra.field)->title;
        extra.message = "Сообщение с разметкой <b>жирный</b> & \"кавычки\"";
        extra.kind = "plausibility.outlier";
        out.model.rows.push_back(extra);
        ++out.model.warnings;
        std::vector<Explanation> explanations;
        for (const auto& row : out.model.rows) {
            Explanation e = explanation_of(row);
            e.text = "Пояснение к № " + std::to_string(row.number) + ": так и есть";
            if (row.number == extra.number)
                e.text = "Первая строка <script>&amp;</script>\nвторая\tстрока  с двумя пробелами";
            explanations.push_back(e);
        }
        explain(out.model, explanations);
        out.indicators = form_indicators(catalogue(), out.form);
        return out;
    }();
    return s;
}

NoteMeta meta() {
    return {"1 декабря 2026 г., 21:35", "1.2.3", "Ольховоборский — МСОКО 2025-2026.ods"};
}

const Parsed& note() {
    static const Parsed p = parse(explanatory_note_fodt(catalogue(), sample().snapshot, sample().form, sample().model,
                                                        sample().indicators, meta()));
    return p;
}

}  // namespace

TEST(Note, IsAFlatOdfTextDocumentLaidOutForA4Printing) {
    const pt::ptree& doc = note().tree.get_child("office:document");
    EXPECT_EQ(doc.get<std::string>("<xmlattr>.office:mimetype"), "application/vnd.oasis.opendocument.text");
    const pt::ptree* page = nullptr;
    for (const auto& [tag, s] : doc.get_child("office:automatic-styles"))
        if (tag == "style:page-layout")
            page = &s.get_child("style:page-layout-properties");
    ASSERT_NE(page, nullptr);
    EXPECT_EQ(page->get<std::string>("<xmlattr>.fo:page-width"), "21cm");
    EXPECT_EQ(page->get<std::string>("<xmlattr>.fo:page-height"), "29.7cm");
    EXPECT_EQ(page->get<std::string>("<xmlattr>.style:print-orientation"), "portrait");
    EXPECT_EQ(page->get<std::string>("<xmlattr>.fo:margin-left"), "2cm");
    EXPECT_EQ(page->get<std::string>("<xmlattr>.fo:margin-right"), "2cm");
    EXPECT_EQ(page->get<std::string>("<xmlattr>.fo:margin-top"), "2cm");
    // The footer numbers the pages.
    const pt::ptree& footer = doc.get_child("office:master-styles.style:master-page.style:footer.text:p");
    EXPECT_TRUE(footer.get_child_optional("text:page-number"));
    EXPECT_TRUE(footer.get_child_optional("text:page-count"));
    // The text's font: Liberation Serif, 12 pt.
    bool serif = false;
    for (const auto& [tag, s] : doc.get_child("office:styles"))
        if (tag == "style:default-style" && s.get<std::string>("<xmlattr>.style:family") == "paragraph")
            serif = s.get<std::string>("style:text-properties.<xmlattr>.style:font-name") == "Liberation Serif" &&
                    s.get<std::string>("style:text-properties.<xmlattr>.fo:font-size") == "12pt";
    EXPECT_TRUE(serif);
    // Every table with a head repeats it on each page.
    std::size_t heads = 0;
    for (const auto& [tag, t] : doc.get_child("office:body.office:text"))
        if (tag == "table:table")
            heads += t.count("table:table-header-rows");
    EXPECT_GE(heads, 4u);  // completeness, warnings, notes, indicators
}

TEST(Note, NamesTheMunicipalityThePeriodAndThePersonResponsible) {
    const Parsed& n = note();
    ASSERT_FALSE(n.paragraphs.empty());
    EXPECT_EQ(n.paragraphs.front(), "Пояснительная записка");
    EXPECT_TRUE(
        n.has("к результатам мониторинга механизмов управления качеством образования (приказ № 267/1 от "
              "21.06.2021)"));
    const auto& p = data().passport;
    EXPECT_TRUE(n.has(p.at("municipality") + ", " + p.at("region")));
    EXPECT_TRUE(n.has("Отчётный период: " + p.at("period")));
    const auto* responsible = n.row_starting("Ответственный за заполнение");
    ASSERT_NE(responsible, nullptr);
    EXPECT_EQ(responsible->at(1), p.at("responsible") + ", " + p.at("position"));
    const auto* contacts = n.row_starting("Контакты");
    ASSERT_NE(contacts, nullptr);
    EXPECT_EQ(contacts->at(1), p.at("phone") + ", " + p.at("email"));
    const auto* date = n.row_starting("Дата заполнения");
    ASSERT_NE(date, nullptr);
    EXPECT_EQ(date->at(1), "30.06.2025");  // the date item's serial, as the passport shows it
    const auto* catalogue_row = n.row_starting("Каталог показателей");
    ASSERT_NE(catalogue_row, nullptr);
    EXPECT_NE(catalogue_row->at(1).find("msoko-267-1, версия " + catalogue().info.version), std::string::npos);
    EXPECT_EQ(n.row_starting("Подготовлено к отправке")->at(1), meta().prepared_at_text);
    EXPECT_EQ(n.row_starting("Файл формы")->at(1), meta().form_file);
    EXPECT_EQ(n.row_starting("Версия расширения")->at(1), "МСОКО для LibreOffice Calc 1.2.3");
    EXPECT_TRUE(n.has(sample().model.summary));
    // The signatures: the head's line, the person responsible by surname and initials, the seal.
    EXPECT_TRUE(n.has("Руководитель органа управления образованием"));
    EXPECT_TRUE(n.has("/ Ольшанская В. Н. /"));
    EXPECT_TRUE(n.has("М. П."));
}

TEST(Note, ListsTheCompletenessOfEveryDirection) {
    const auto& model = sample().model;
    ASSERT_FALSE(model.completeness.empty());
    for (const auto& c : model.completeness) {
        const Direction* d = catalogue().direction(c.direction);
        ASSERT_NE(d, nullptr);
        const auto* r = note().row_starting(c.direction + " " + d->title);
        ASSERT_NE(r, nullptr) << c.direction;
        EXPECT_EQ(*r, (std::vector<std::string>{c.direction + " " + d->title, std::to_string(c.required),
                                                std::to_string(c.filled), c.percent_text}));
    }
}

TEST(Note, HasEveryWarningWithItsExplanationAndEveryNote) {
    const auto& model = sample().model;
    std::size_t warnings = 0, notes = 0;
    for (const auto& row : model.rows) {
        const auto* r = note().row_starting(std::to_string(row.number));
        ASSERT_NE(r, nullptr) << row.number;
        // Its message (and the value the cell holds, when it has one).
        const std::string message = row.message + (row.value.empty() ? "" : "\nВ ячейке: " + row.value);
        ASSERT_GE(r->size(), 3u);
        EXPECT_EQ(r->at(2).substr(0, message.size()), message) << row.number;
        EXPECT_NE(r->at(1).find(row.sheet), std::string::npos) << row.number;
        // The field, when the message does not name it.
        const bool names_field = row.message.find(row.field) != std::string::npos;
        EXPECT_EQ(r->at(1).find("\n" + row.field + " — ") != std::string::npos, !row.field.empty() && !names_field)
            << row.number;
        if (!row.cell.empty()) {
            EXPECT_NE(r->at(1).find("ячейка " + row.cell), std::string::npos) << row.number;
        }
        if (row.severity == Severity::Info) {
            ++notes;
            EXPECT_EQ(r->size(), 3u);  // the notes need no explanation; a given one follows the message
            EXPECT_NE(r->at(2).find("Пояснение: " + row.explanation), std::string::npos);
        } else {
            warnings += row.severity == Severity::Warning;
            ASSERT_EQ(r->size(), 4u);
            EXPECT_EQ(r->at(3), row.explanation) << row.number;
        }
    }
    EXPECT_GT(warnings, 1u);  // the check's own warnings, not only ours
    EXPECT_GT(notes, 0u);
}

TEST(Note, KeepsMarkupLineBreaksAndSpacesAsText) {
    const auto& model = sample().model;
    const ReportRow& ours = model.rows.back();
    const auto* r = note().row_starting(std::to_string(ours.number));
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->at(1), "Лист «" + ours.sheet + "», ячейка G6\n" + ours.organisation + " — " + kMarkupName + "\n" +
                            ours.field + " — " + truncate_utf8(ours.field_title, 40));
    EXPECT_EQ(r->at(2), ours.message);
    EXPECT_EQ(r->at(3), "Первая строка <script>&amp;</script>\nвторая\tстрока  с двумя пробелами");
}

TEST(Note, HasEveryIndicatorAsTheFormShowsIt) {
    const FormLayout layout = form_layout(catalogue(), {});
    std::size_t with_last_year = 0;
    std::set<std::string> directions;
    for (const FormIndicator& fi : sample().indicators) {
        const Indicator& ind = *fi.indicator;
        const auto* r = note().row_starting(ind.id);
        ASSERT_NE(r, nullptr) << ind.id;
        ASSERT_EQ(r->size(), 6u) << ind.id;
        const IndicatorRow& row = *layout.indicator_row(ind.id);
        EXPECT_EQ(r->at(1), ind.is_variant() ? ind.label : ind.title) << ind.id;
        EXPECT_EQ(r->at(2), row.unit) << ind.id;
        EXPECT_EQ(r->at(3), shown_value(row, fi.value.result, false, fi.error)) << ind.id;
        const auto last = data().previous.find(ind.id);
        if (last != data().previous.end() && row.role(IndicatorsColumns::kLastYear) == CellRole::Typed) {
            ++with_last_year;
            EXPECT_EQ(r->at(4), one_decimal(last->second)) << ind.id;
            const std::string change = fi.value.result.status() == Result::Status::Value
                                           ? one_decimal(fi.value.result.value() - last->second)
                                           : "—";
            EXPECT_EQ(r->at(5), change) << ind.id;
        } else {
            EXPECT_EQ(r->at(4), "—") << ind.id;
            EXPECT_EQ(r->at(5), "—") << ind.id;
        }
        directions.insert(ind.direction);
    }
    EXPECT_GT(with_last_year, 10u);
    // A heading row per direction, spanning the table.
    for (const auto& id : directions) {
        const Direction* d = catalogue().direction(id);
        std::string title = id + " " + d->title + (d->supplementary ? " (дополнительное направление)" : "");
        EXPECT_NE(note().row_starting(title, 1), nullptr) << id;
    }
}

TEST(Note, WithoutFindingsOrIndicatorsSaysSo) {
    ReportModel empty;
    empty.summary = "Ошибок: 0 · Предупреждений: 0 · Сведений: 0 — форма готова к отправке";
    WorkbookSnapshot none;
    const Parsed n = parse(explanatory_note_fodt(catalogue(), none, FormContents{}, empty, {}, NoteMeta{}));
    EXPECT_TRUE(n.has("Предупреждений нет."));
    EXPECT_TRUE(n.has("Сведений нет."));
    EXPECT_TRUE(n.has(empty.summary));
    // An empty passport item reads as a dash, not as nothing.
    ASSERT_NE(n.row_starting("Муниципальное образование"), nullptr);
    EXPECT_EQ(n.row_starting("Муниципальное образование")->at(1), "—");
}

TEST(Note, SubtitleFollowsTheCatalogueTitle) {
    CatalogueInfo info;
    info.title = "Мониторинг качества дошкольного образования";
    EXPECT_EQ(note_subtitle(info), "к результатам мониторинга качества дошкольного образования");
    info.title = "Форма сбора данных региона";
    EXPECT_EQ(note_subtitle(info), "к результатам заполнения формы «Форма сбора данных региона»");
    info.title = "";
    EXPECT_EQ(note_subtitle(info), "к результатам заполнения формы сбора первичных данных");
}
