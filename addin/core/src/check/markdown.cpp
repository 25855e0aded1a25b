// SPDX-License-Identifier: MPL-2.0
// docs/checks.md, rendered from the table of finding kinds.
#include "check/kinds.hpp"

#include "msoko/validation.hpp"

namespace msoko {

namespace {

const char* family_about(CheckFamily f) {
    switch (f) {
        case CheckFamily::Identity:
            return "Сначала проверяется, что книга — форма установленного каталога показателей и его версии. Если "
                   "нет, проверка на этом останавливается: по чужой форме остальные замечания были бы ложными.";
        case CheckFamily::Passport: {
            static const char* const about = check::form_text(
                "Паспорт (лист «{#passport}») называет муниципалитет, период, ответственного и число организаций "
                "каждого типа: без них региональный центр не знает, чья это форма и сколько организаций в ней "
                "должно быть.");
            return about;
        }
        case CheckFamily::Structure:
            return "Листы и столбцы формы: функции и региональный центр находят данные по именам листов и по кодам "
                   "полей в строке кодов листа направления.";
        case CheckFamily::Register: {
            static const char* const about = check::form_text(
                "Реестр «{#register}» — единственный источник кодов, наименований и типов организаций; листы "
                "направлений берут организации из него. Типы организаций и их краткие названия (ОО, ДОО…) "
                "берутся из каталога.");
            return about;
        }
        case CheckFamily::Cells:
            return "Каждая строка организации на листах направлений: тип и диапазон каждого значения по каталогу, "
                   "обязательные поля, формулы формы. Поле проверяется только у организаций тех типов, которых оно "
                   "касается.";
        case CheckFamily::Rules:
            return "Правила каталога между значениями одной организации. В отчёте правило названо направлением и "
                   "видом (`5.1.1/part_whole`); у каждого замечания есть и код, единственный для правила "
                   "(`5.1.1/part_whole/noo_excellent`: направление, вид, поле). Правило, нарушение которого лишь "
                   "неправдоподобно, помечено в каталоге `\"level\": \"warning\"`: его замечания — предупреждения, "
                   "форму можно отправить.";
        case CheckFamily::Indicators: {
            static const char* const about = check::form_text(
                "Лист «{#indicators}» читает региональный центр: значения и динамика должны оставаться формулами "
                "формы, значение прошлого года — числом в своём диапазоне.");
            return about;
        }
        case CheckFamily::Procedures: {
            static const char* const about = check::form_text(
                "Лист «{#procedures}» — процедуры оценки качества образования, которые применяет муниципалитет; "
                "региональный центр собирает их в единый банк процедур по объектам оценки (направлениям МСОКО). "
                "Проверяется каждая заполненная строка; форма без этого листа (созданная прежней версией "
                "программы) остаётся готовой к отправке.");
            return about;
        }
        case CheckFamily::Plausibility:
            return "Предупреждения и сведения для специалиста: данные, которые не нарушают правил, но выглядят "
                   "подозрительно.";
        case CheckFamily::Report:
            return "Замечания, которые добавляет сам отчёт.";
    }
    return "";
}

std::string severity_text(const FindingKind& k) {
    if (!k.severity)
        return "как у замечаний, которые оно заменяет";
    std::string s = severity_name(*k.severity);
    if (k.family == CheckFamily::Rules && *k.severity == Severity::Error)
        s += " (у правила с `\"level\": \"warning\"` — предупреждение)";
    return s;
}

}  // namespace

std::string checks_markdown() {
    std::string md =
        "# Проверки формы перед отправкой\n\n"
        "<!-- Создано программой из таблицы видов замечаний (addin/core/src/check/kinds.cpp); не редактируйте "
        "вручную: cmake --build build --target checks-doc -->\n\n"
        "Команда «Данные → МСОКО → Проверить форму» (и проверка из командной строки) проверяет книгу и "
        "перечисляет замечания на листе «Проверка». Здесь — все виды замечаний в порядке проверки: код вида, "
        "важность, что проверяется и текст замечания. Столбец «Правило» отчёта называет код вида; у нескольких "
        "видов с одним правилом это правило указано под видом.\n\n"
        "- **Ошибка** — форма не готова к отправке, пока ошибка не исправлена.\n"
        "- **Предупреждение** — проверьте данные; форму можно отправить.\n"
        "- **Сведения** — к сведению.\n\n"
        "В тексте замечания в фигурных скобках — то, что подставляется: {организация} — «Организация 101» или "
        "«Муниципальный уровень», {поле} — название поля по каталогу, {лист} — имя листа. Замечаний одного "
        "правила на одном листе показывается не больше " +
        std::to_string(kMaxFindingsPerRule) + ".\n";
    int number = 0;
    bool first = true;
    CheckFamily family{};
    for (const FindingKind& k : finding_kinds()) {
        if (first || k.family != family) {
            family = k.family;
            first = false;
            md +=
                "\n## " + std::to_string(++number) + ". " + family_title(family) + "\n\n" + family_about(family) + "\n";
        }
        md += "\n### `" + std::string(k.id) + "` — " + severity_text(k) + "\n\n" + k.description + "\n\n> " +
              k.message + "\n";
        if (std::string(k.rule) != k.id)
            md += "\nВ столбце «Правило» отчёта: `" + std::string(k.rule) + "`.\n";
    }
    return md;
}

}  // namespace msoko
