// SPDX-License-Identifier: MPL-2.0
// The bank of the municipalities' assessment procedures (seed 003): names as
// municipalities write them grouped within one direction, an unrelated
// procedure kept apart, the entries ordered by the catalogue, the number of
// municipalities and the name.
#include "msoko/procedures.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

namespace msoko {
namespace {

using test::mini;

Procedure proc(const std::string& name, const std::string& direction, const std::string& level = "муниципальный",
               const std::string& method = "", const std::string& frequency = "") {
    Procedure p;
    p.name = name;
    p.direction = direction;
    p.object = direction;
    p.level = level;
    p.method = method;
    p.frequency = frequency;
    return p;
}

TEST(ProcedureKey, CaseYoQuotesPunctuationAndSpacesAside) {
    EXPECT_EQ(procedure_key("  Мониторинг   «Читательской» грамотности  "), "мониторинг читательской грамотности");
    EXPECT_EQ(procedure_key("МОНИТОРИНГ \"читательской\" грамотности."), "мониторинг читательской грамотности");
    EXPECT_EQ(procedure_key("Оценка учебных достижений (ЁЛКА)"), "оценка учебных достижений елка");
    EXPECT_EQ(procedure_key("Мониторинг читательской грамотности 5 кл."),
              "мониторинг читательской грамотности 5 классов");
    EXPECT_EQ(procedure_key("мониторинг читательской грамотности (5 классы)"),
              "мониторинг читательской грамотности 5 классов");
    EXPECT_EQ(procedure_key("Мониторинг читательской грамотности обуч-ся 5-х классов"),
              "мониторинг читательской грамотности обучающихся 5 классов");
    EXPECT_EQ(procedure_key("Диагностика 5кл"), "диагностика 5 классов");
    EXPECT_EQ(procedure_key("—"), "");
}

TEST(SimilarProcedures, NearIdenticalNamesAreOneProcedure) {
    const std::string a = "Мониторинг читательской грамотности 5 кл.";
    EXPECT_TRUE(similar_procedures(a, "мониторинг читательской грамотности (5 классы)"));
    EXPECT_TRUE(similar_procedures(a, "Мониторинг читательской грамотности обучающихся 5-х классов"));
    EXPECT_TRUE(similar_procedures("Муниципальный мониторинг читательской грамотности обучающихся 5-х классов",
                                   "Мониторинг читательской грамотности обучающихся 5 классов"));
    EXPECT_TRUE(similar_procedures("Анкетирование родителей «Удовлетворённость качеством образования»",
                                   "анкетирование родителей: удовлетворенность качеством образования"));
    // Another subject, another grade, another procedure; nothing is similar to an empty name.
    EXPECT_FALSE(similar_procedures(a, "Мониторинг математической грамотности"));
    EXPECT_FALSE(similar_procedures("Мониторинг математической грамотности 5 классов",
                                    "Мониторинг читательской грамотности 5 классов"));
    EXPECT_FALSE(similar_procedures(a, "Мониторинг читательской грамотности 9 кл."));
    EXPECT_FALSE(similar_procedures("", ""));
    EXPECT_FALSE(similar_procedures("«»", "«»"));
    EXPECT_TRUE(similar_procedures("Мониторинг", "мониторинг"));
}

TEST(ProcedureBank, GroupsWithinADirection_NamesUsersAndValuesInOrder) {
    const std::vector<MunicipalProcedures> in = {
        {"Ашинский МР",
         {proc("Мониторинг читательской грамотности 5 кл.", "1.1", "муниципальный", "диагностическая работа",
               "ежегодно"),
          proc("Мониторинг математической грамотности", "1.1")}},
        {"Копейский ГО",
         {proc("мониторинг читательской грамотности (5 классы)", "1.1", "муниципальный", "тестирование", "ежегодно"),
          // The same name on another direction is another entry.
          proc("Мониторинг читательской грамотности 5 кл.", "1.2", "институциональный")}},
        {"Верхнеуфалейский ГО",
         {proc("Мониторинг читательской грамотности 5 кл.", "1.1", "институциональный", "диагностическая работа",
               "раз в полгода"),
          proc("Мониторинг читательской грамотности 5 кл.", "1.1"),  // twice in one form: one municipality
          proc("", "1.1"), proc("Без направления", "")}},
    };
    const ProcedureBank bank = procedure_bank(mini(), in);
    ASSERT_EQ(bank.entries.size(), 3u);
    const BankEntry& reading = bank.entries[0];
    EXPECT_EQ(reading.direction, "1.1");
    EXPECT_EQ(reading.name, "Мониторинг читательской грамотности 5 кл.") << "the spelling most uses have";
    EXPECT_EQ(reading.names, (std::vector<std::string>{"Мониторинг читательской грамотности 5 кл.",
                                                       "мониторинг читательской грамотности (5 классы)"}));
    EXPECT_EQ(reading.municipalities, (std::vector<std::string>{"Ашинский МР", "Верхнеуфалейский ГО", "Копейский ГО"}));
    EXPECT_EQ(reading.levels, (std::vector<std::string>{"муниципальный", "институциональный"}));
    EXPECT_EQ(reading.methods, (std::vector<std::string>{"диагностическая работа", "тестирование"}));
    EXPECT_EQ(reading.frequencies, (std::vector<std::string>{"ежегодно", "раз в полгода"}));
    ASSERT_EQ(reading.uses.size(), 4u);
    EXPECT_EQ(reading.uses[1].municipality, "Копейский ГО");
    EXPECT_EQ(reading.uses[1].procedure.method, "тестирование");

    EXPECT_EQ(bank.entries[1].direction, "1.1");
    EXPECT_EQ(bank.entries[1].name, "Мониторинг математической грамотности");
    EXPECT_EQ(bank.entries[1].municipalities, std::vector<std::string>{"Ашинский МР"});
    EXPECT_EQ(bank.entries[2].direction, "1.2");
    EXPECT_EQ(bank.entries[2].municipalities, std::vector<std::string>{"Копейский ГО"});

    ASSERT_EQ(bank.left_out.size(), 2u);  // no name; no direction
    EXPECT_EQ(bank.left_out[0].municipality, "Верхнеуфалейский ГО");
    EXPECT_EQ(bank.left_out[1].procedure.name, "Без направления");
}

TEST(ProcedureBank, OrderedByDirectionThenMunicipalitiesThenName_Deterministic) {
    const std::vector<MunicipalProcedures> in = {
        {"Б", {proc("Яблоко", "1.2"), proc("Вишня", "1.1"), proc("Груша", "1.1")}},
        {"А", {proc("Груша", "1.1"), proc("Абрикос", "1.1")}},
        {"В", {proc("Яблоко", "1.2")}},
    };
    const ProcedureBank bank = procedure_bank(mini(), in);
    std::vector<std::pair<std::string, std::string>> got;
    for (const BankEntry& e : bank.entries)
        got.emplace_back(e.direction, e.name);
    // 1.1 first (the catalogue's order): «Груша» of two municipalities, then by name; 1.2 after.
    EXPECT_EQ(got, (std::vector<std::pair<std::string, std::string>>{
                       {"1.1", "Груша"}, {"1.1", "Абрикос"}, {"1.1", "Вишня"}, {"1.2", "Яблоко"}}));
    const ProcedureBank again = procedure_bank(mini(), in);
    ASSERT_EQ(again.entries.size(), bank.entries.size());
    for (std::size_t i = 0; i < bank.entries.size(); ++i) {
        EXPECT_EQ(again.entries[i].name, bank.entries[i].name);
        EXPECT_EQ(again.entries[i].municipalities, bank.entries[i].municipalities);
    }
    EXPECT_TRUE(procedure_bank(mini(), {}).entries.empty());
}

TEST(ProcedureBank, RepresentativeName_TiesGoToTheShortestThenTheFirst) {
    const std::vector<MunicipalProcedures> in = {
        {"А", {proc("Мониторинг читательской грамотности обучающихся 5 классов", "1.1")}},
        {"Б", {proc("Мониторинг читательской грамотности 5 кл.", "1.1")}},
        {"В", {proc("мониторинг читательской грамотности (5 классы)", "1.1")}},
    };
    const ProcedureBank bank = procedure_bank(mini(), in);
    ASSERT_EQ(bank.entries.size(), 1u);
    EXPECT_EQ(bank.entries[0].names.size(), 3u);
    EXPECT_EQ(bank.entries[0].name, "Мониторинг читательской грамотности 5 кл.");
    const ProcedureBank same_length =
        procedure_bank(mini(), {{"А", {proc("Оценка ДОО", "1.1")}}, {"Б", {proc("оценка доо", "1.1")}}});
    ASSERT_EQ(same_length.entries.size(), 1u);
    EXPECT_EQ(same_length.entries[0].name, "Оценка ДОО");
}

}  // namespace
}  // namespace msoko
