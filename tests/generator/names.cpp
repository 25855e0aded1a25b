// SPDX-License-Identifier: MPL-2.0
#include "names.hpp"

#include <array>
#include <utility>

namespace msoko::gen {

std::uint64_t Random::next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double Random::uniform() {
    return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0);
}

std::size_t Random::range(std::size_t from, std::size_t to) {
    if (to <= from)
        return from;
    return from + static_cast<std::size_t>(next() % (to - from + 1));
}

namespace {

struct Part {
    const char* upper;
    const char* lower;
    const char* latin;
};

// Trees, then landforms: «Кедро» + «дольск» → «Кедродольский».
constexpr std::array<Part, 13> kFirst{{{"Берёзо", "берёзо", "berezo"},
                                       {"Кедро", "кедро", "kedro"},
                                       {"Липо", "липо", "lipo"},
                                       {"Осино", "осино", "osino"},
                                       {"Рябино", "рябино", "ryabino"},
                                       {"Клёно", "клёно", "kleno"},
                                       {"Пихто", "пихто", "pikhto"},
                                       {"Вязо", "вязо", "vyazo"},
                                       {"Дубо", "дубо", "dubo"},
                                       {"Калино", "калино", "kalino"},
                                       {"Ясене", "ясене", "yasene"},
                                       {"Черёмухо", "черёмухо", "cheremukho"},
                                       {"Малино", "малино", "malino"}}};
constexpr std::array<Part, 10> kSecond{{{"борск", "борск", "borsk"},
                                        {"дольск", "дольск", "dolsk"},
                                        {"горск", "горск", "gorsk"},
                                        {"ярск", "ярск", "yarsk"},
                                        {"реченск", "реченск", "rechensk"},
                                        {"полянск", "полянск", "polyansk"},
                                        {"холмск", "холмск", "kholmsk"},
                                        {"ключевск", "ключевск", "klyuchevsk"},
                                        {"логовск", "логовск", "logovsk"},
                                        {"бродск", "бродск", "brodsk"}}};
constexpr std::array<std::pair<const char*, const char*>, 3> kKinds{{{"муниципальный округ", "муниципального округа"},
                                                                     {"муниципальный район", "муниципального района"},
                                                                     {"городской округ", "городского округа"}}};
constexpr std::size_t kStems = kFirst.size() * kSecond.size();

constexpr std::array<const char*, 30> kVillages{
    "Каменская",    "Ключевская", "Покровская", "Никольская", "Троицкая",     "Заречная",  "Луговая",  "Полевая",
    "Садовая",      "Озёрная",    "Речная",     "Лесная",     "Горная",       "Дубравная", "Кленовая", "Рябиновая",
    "Весенняя",     "Солнечная",  "Майская",    "Мирная",     "Светлая",      "Тихая",     "Ясная",    "Широкая",
    "Васильевская", "Петровская", "Ивановская", "Марьинская", "Гончаровская", "Степная"};
constexpr std::array<const char*, 24> kKindergartens{
    "Солнышко",  "Ромашка",        "Колокольчик", "Берёзка", "Теремок", "Радуга",     "Сказка",   "Ласточка",
    "Светлячок", "Золотой ключик", "Алёнушка",    "Рябинка", "Ёлочка",  "Василёк",    "Снежинка", "Журавушка",
    "Незабудка", "Родничок",       "Звёздочка",   "Улыбка",  "Калинка", "Медвежонок", "Ручеёк",   "Одуванчик"};

struct Person {
    const char* surname_f;
    const char* surname_m;
};
constexpr std::array<Person, 16> kSurnames{{{"Ковалёва", "Ковалёв"},
                                            {"Смирнова", "Смирнов"},
                                            {"Лебедева", "Лебедев"},
                                            {"Соколова", "Соколов"},
                                            {"Морозова", "Морозов"},
                                            {"Волкова", "Волков"},
                                            {"Зайцева", "Зайцев"},
                                            {"Белова", "Белов"},
                                            {"Орлова", "Орлов"},
                                            {"Кузнецова", "Кузнецов"},
                                            {"Никитина", "Никитин"},
                                            {"Тарасова", "Тарасов"},
                                            {"Фёдорова", "Фёдоров"},
                                            {"Григорьева", "Григорьев"},
                                            {"Щербакова", "Щербаков"},
                                            {"Полякова", "Поляков"}}};
constexpr std::array<const char*, 10> kFemale{"Анна",    "Елена", "Ольга",   "Марина", "Светлана",
                                              "Наталья", "Ирина", "Татьяна", "Юлия",   "Галина"};
constexpr std::array<const char*, 8> kMale{"Алексей", "Дмитрий", "Сергей", "Андрей",
                                           "Игорь",   "Павел",   "Михаил", "Виктор"};
constexpr std::array<std::pair<const char*, const char*>, 8> kPatronymics{{{"Сергеевна", "Сергеевич"},
                                                                           {"Петровна", "Петрович"},
                                                                           {"Игоревна", "Игоревич"},
                                                                           {"Викторовна", "Викторович"},
                                                                           {"Андреевна", "Андреевич"},
                                                                           {"Николаевна", "Николаевич"},
                                                                           {"Олеговна", "Олегович"},
                                                                           {"Юрьевна", "Юрьевич"}}};

}  // namespace

std::size_t municipality_names() {
    return kStems * kKinds.size() * 2;
}

MunicipalityName municipality_name(std::size_t i) {
    const std::size_t stem = i % kStems;
    const std::size_t q = i / kStems;  // which kind and whether «Ново-»: a different one for each q
    // Neighbours differ in both parts: the second part turns with the first.
    const Part& first = kFirst[stem % kFirst.size()];
    const Part& second = kSecond[(stem / kFirst.size() + stem % kFirst.size()) % kSecond.size()];
    const bool novo = (q / kKinds.size()) % 2 == 1;
    const auto& kind = kKinds[(q % kKinds.size() + stem) % kKinds.size()];
    const std::string base =
        novo ? std::string("Ново") + first.lower + second.lower : std::string(first.upper) + second.lower;
    MunicipalityName n;
    n.name = base + "ий " + kind.first;
    n.genitive = base + "ого " + kind.second;
    n.feminine = base + "ая";
    n.latin = std::string(novo ? "novo" : "") + first.latin + second.latin;
    return n;
}

std::string village(std::size_t i) {
    return kVillages[i % kVillages.size()];
}

std::string kindergarten_name(std::size_t i) {
    return kKindergartens[i % kKindergartens.size()];
}

std::string person(Random& random) {
    const Person& s = kSurnames[random.range(0, kSurnames.size() - 1)];
    const auto& p = kPatronymics[random.range(0, kPatronymics.size() - 1)];
    if (random.chance(0.7))
        return std::string(s.surname_f) + " " + kFemale[random.range(0, kFemale.size() - 1)] + " " + p.first;
    return std::string(s.surname_m) + " " + kMale[random.range(0, kMale.size() - 1)] + " " + p.second;
}

}  // namespace msoko::gen
