// SPDX-License-Identifier: MPL-2.0
// The table of finding kinds: complete, used by the code, each kind reported
// as the table says; the catalogue rules told apart; docs/checks.md made from it.
#include "validation_support.hpp"

#include "check/kinds.hpp"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace msoko {
namespace {

using test::checked;
using test::form;
using test::mini;
using test::N;
using test::put;
using test::sheet;
using test::where;
using test::with_rule;

std::string file_text(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST(FindingKinds, EachHasAnIdARuleASeverityAMessageAndADescription) {
    std::set<std::string> ids;
    for (const FindingKind& k : finding_kinds()) {
        EXPECT_TRUE(ids.insert(k.id).second) << "two kinds " << k.id;
        EXPECT_TRUE(std::regex_match(k.id, std::regex(R"([a-z_]+(\.[a-z_]+)?)"))) << k.id;
        EXPECT_FALSE(std::string(k.rule).empty()) << k.id;
        EXPECT_FALSE(std::string(k.message).empty()) << k.id;
        EXPECT_FALSE(std::string(k.description).empty()) << k.id;
        EXPECT_EQ(finding_kind(k.id), &k);
        // A kind without a severity of its own is the one that stands for others.
        EXPECT_EQ(!k.severity, std::string(k.id) == "report.more") << k.id;
    }
    EXPECT_EQ(finding_kind("no.such_kind"), nullptr);
}

// The description is what the report sheet's «Что проверено» shows the user:
// plain text, no slot of the message's template left in it.
TEST(FindingKinds, DescriptionsHaveNoSlots) {
    for (const FindingKind& k : finding_kinds()) {
        const std::string d = k.description;
        EXPECT_EQ(d.find('{'), std::string::npos) << k.id << ": " << d;
        EXPECT_EQ(d.find('}'), std::string::npos) << k.id << ": " << d;
    }
}

TEST(FindingKinds, EveryRuleIdOfTheReportIsAKind) {
    // A rule the report names is the id of one kind at least (the kinds that share
    // it tell its messages apart); the catalogue's rules are named by pattern.
    std::set<std::string> ids;
    for (const FindingKind& k : finding_kinds())
        ids.insert(k.id);
    for (const FindingKind& k : finding_kinds()) {
        const std::string rule = k.rule;
        if (rule.find('{') == std::string::npos)
            EXPECT_TRUE(ids.count(rule)) << k.id << " says rule " << rule << ", which is no kind";
        else
            EXPECT_TRUE(k.family == CheckFamily::Rules || std::string(k.id) == "report.more") << k.id;
    }
}

// The table has no entry the code does not report: every kind of check::K is
// named in the sources of the checks, and K has as many kinds as the table.
TEST(FindingKinds, EveryKindIsReportedByTheCode) {
    const std::filesystem::path src = MSOKO_CORE_SOURCES;
    const std::string header = file_text(src / "check" / "kinds.hpp");
    const auto begin = header.find("enum class K"), end = header.find("Count_");
    ASSERT_NE(begin, std::string::npos);
    ASSERT_NE(end, std::string::npos);
    std::vector<std::string> names;
    const std::regex entry(R"(^\s*([A-Z][A-Za-z]*),)");
    std::istringstream lines(header.substr(begin, end - begin));
    for (std::string line; std::getline(lines, line);)
        if (std::smatch m; std::regex_search(line, m, entry))
            names.push_back(m[1]);
    EXPECT_EQ(names.size(), finding_kinds().size()) << "check::K and the table differ";
    std::string code;
    for (const auto& f : std::filesystem::recursive_directory_iterator(src))
        if (f.path().extension() == ".cpp" && f.path().filename() != "kinds.cpp")
            code += file_text(f.path());
    for (const auto& name : names)
        EXPECT_NE(code.find("K::" + name), std::string::npos) << "kind K::" << name << " is reported nowhere";
}

TEST(FindingKinds, TheFormsNamesComeFromItsContract) {
    // The texts name the form's sheets and passport labels as the contract
    // does; no token of form_text() is left over.
    std::string all;
    for (const FindingKind& k : finding_kinds()) {
        EXPECT_EQ(std::string(k.message).find("{#"), std::string::npos) << k.id;
        EXPECT_EQ(std::string(k.description).find("{#"), std::string::npos) << k.id;
        all += std::string(k.message) + "\n" + k.description + "\n";
    }
    for (const char* sheet : {kPassportSheet, kRegisterSheet, kIndicatorsSheet})
        EXPECT_NE(all.find(std::string("«") + sheet + "»"), std::string::npos) << sheet;
    EXPECT_NE(all.find(PassportLayout::label_of(kPassportPeriod)), std::string::npos);
    EXPECT_EQ(std::string(check::form_text("«{#register}», {#catalogue_version}")),
              std::string("«") + kRegisterSheet + "», " + PassportLayout::label_of(kPassportCatalogueVersion));
}

TEST(FindingKinds, MessagesAreMadeFromTemplates) {
    EXPECT_EQ(render_message("{организация}: «{поле}».", {{"поле", "Выпускников"}, {"организация", "Организация 1"}}),
              "Организация 1: «Выпускников».");
    EXPECT_EQ(render_message("{a}{b}", {{"a", "{b}"}}), "{b}{b}") << "a value is not read as a template";
    EXPECT_TRUE(matches_template("{организация}: «{поле}».", "Организация 1: «Выпускников»."));
    EXPECT_TRUE(matches_template("{причина}{подсказка}.", "ожидается число."));
    EXPECT_TRUE(matches_template("Нет листа.", "Нет листа."));
    EXPECT_FALSE(matches_template("Нет листа.", "Нет листа!"));
    EXPECT_FALSE(matches_template("{организация}: «{поле}».", "Организация 1: Выпускников."));
    EXPECT_FALSE(matches_template("a{x}b{y}c", "abc-"));
}

TEST(FindingKinds, ThoseOfTheTestsAreKeptOnAFormWithEveryKindOfMistake) {
    // A form with a mistake in each family at once: every finding as the table says.
    WorkbookSnapshot wb = form();
    auto& s = sheet(wb, "1.1 Первое направление");
    const auto [r1, c1] = where("1.1", "101", "honours");
    put(s, r1, c1, N(35));  // above «passed», 30
    const auto [r2, c2] = where("1.1", "102", "pupils");
    put(s, r2, c2, test::T("12 чел."));
    const auto [r3, c3] = where("1.1", "УО", "events");
    put(s, r3, c3, test::E());
    wb.sheets.push_back(test::grid("Заметки", 1, 1));
    const ValidationReport r = checked(mini(), wb);
    EXPECT_FALSE(with_rule(r, "1.1/part_whole").empty());
    EXPECT_FALSE(with_rule(r, "type.count").empty());
    EXPECT_FALSE(with_rule(r, "required").empty());
    EXPECT_FALSE(with_rule(r, "structure.sheet_extra").empty());
}

TEST(RuleIds, EachRuleOfACatalogueHasItsOwn) {
    static const Catalogue shipped = read_catalogue(MSOKO_CATALOGUE_FILE);
    for (const Catalogue* c : {&mini(), &shipped}) {
        const std::vector<std::string> ids = rule_ids(*c);
        ASSERT_EQ(ids.size(), c->rules.size());
        std::set<std::string> unique(ids.begin(), ids.end());
        EXPECT_EQ(unique.size(), ids.size()) << c->info.id;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const Rule& rule = c->rules[i];
            EXPECT_EQ(ids[i].rfind(rule.direction + "/" + to_string(rule.kind) + "/", 0), 0u) << ids[i];
        }
    }
    const std::vector<std::string> ids = rule_ids(mini());
    EXPECT_EQ(ids[0], "1.1/part_whole/honours");
    EXPECT_EQ(ids[2], "1.1/sum_equals/b90") << "a sum by its total";
}

TEST(RuleIds, TwoPartWholeRulesOfOneDirectionAreToldApart) {
    // 1.1 has «honours ≤ passed» and, from the share 1.1.1, «passed ≤ pupils».
    WorkbookSnapshot wb = form();
    auto& s = sheet(wb, "1.1 Первое направление");
    const auto [r1, c1] = where("1.1", "101", "honours");
    put(s, r1, c1, N(35));
    const auto [r2, c2] = where("1.1", "102", "passed");
    put(s, r2, c2, N(45));  // above 40 pupils, and above nobody's honours
    const ValidationReport r = checked(mini(), wb);
    const auto found = with_rule(r, "1.1/part_whole");
    ASSERT_EQ(found.size(), 2u);
    std::set<std::string> ids;
    for (const Finding* f : found) {
        ids.insert(f->id);
        EXPECT_EQ(f->kind, "rule.part_whole");
    }
    EXPECT_EQ(ids, (std::set<std::string>{"1.1/part_whole/honours", "1.1/part_whole/passed"}));
}

TEST(ChecksDoc, ListsEveryKindByFamilyInRussian) {
    const std::string md = checks_markdown();
    EXPECT_EQ(md.rfind("# Проверки формы перед отправкой\n", 0), 0u);
    std::size_t at = 0;
    for (const FindingKind& k : finding_kinds()) {
        const std::size_t here = md.find("### `" + std::string(k.id) + "`");
        ASSERT_NE(here, std::string::npos) << k.id;
        EXPECT_GE(here, at) << k.id << " out of the table's order";
        at = here;
        EXPECT_NE(md.find(k.message), std::string::npos) << k.id;
        EXPECT_NE(md.find(family_title(k.family)), std::string::npos) << k.id;
    }
}

}  // namespace
}  // namespace msoko
