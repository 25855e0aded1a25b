// SPDX-License-Identifier: MPL-2.0
#include "function_table.hxx"

#include "utf8.hxx"

#include <rtl/ustring.hxx>

namespace msoko::uno {

using rtl::OUString;

// Russian display names follow Calc's own convention in the Russian UI:
// upper-case Russian words, a dot between a family and a name (СУММ,
// НОРМ.РАСП). The English names are what "Use English function names" and
// the API use; both always work.
const std::vector<FunctionInfo>& function_table() {
    static const std::vector<FunctionInfo> table = {
        {"share",
         {"МСОКО.ДОЛЯ", "MSOKO.SHARE"},
         {"Доля в процентах: 100 × сумма числителей / сумма знаменателей. Пустые ячейки не учитываются. "
          "Текст, ошибка или отрицательное число дают Err:502, как и числитель больше знаменателя; "
          "нулевой знаменатель даёт #Н/Д (некого считать).",
          "Share in percent: 100 × sum of numerators / sum of denominators. Empty cells are ignored. "
          "A text, an error or a negative number gives Err:502, as does a numerator above its denominator; "
          "a zero denominator gives #N/A (no one to count)."},
         {{{"числители", "numerators"},
           {"Число или диапазон (также ячейка, массив {1;2} или выражение): сколько человек (единиц) обладают "
            "признаком, например «выпускники с медалью».",
            "A number or a range (also a cell, an array {1;2} or an expression): how many people (units) have the "
            "property, e.g. graduates with a medal."}},
          {{"знаменатели", "denominators"},
           {"Число или диапазон (также ячейка, массив или выражение): общее число, от которого считается доля, "
            "например «все выпускники».",
            "A number or a range (also a cell, an array or an expression): the total the share is taken of, e.g. "
            "all graduates."}}}},
        {"version",
         {"МСОКО.ВЕРСИЯ", "MSOKO.VERSION"},
         {"Версия расширения «МСОКО для Calc» и установленного каталога показателей.",
          "Version of the МСОКО for Calc extension and of its installed indicator catalogue."},
         {}},
        {"indicator",
         {"МСОКО.ПОКАЗАТЕЛЬ", "MSOKO.INDICATOR"},
         {"Значение показателя каталога по таблице направления: для организации, если указан её код, иначе для "
          "муниципалитета (сумма числителей / сумма знаменателей). #Н/Д — показатель не применим или данные не "
          "внесены; Err:502 — неизвестный код показателя, в таблице нет нужного поля или неверные данные.",
          "The value of a catalogue indicator computed from a direction table: for an organisation when its code is "
          "given, else for the municipality (sum of numerators / sum of denominators). #N/A: not applicable or data "
          "missing; Err:502: unknown indicator id, a field missing from the table, or bad data."},
         {{{"код", "id"},
           {"Код показателя из каталога, например \"5.1.1.3\": текст, ячейка с ним или выражение.",
            "Indicator id from the catalogue, e.g. \"5.1.1.3\": a text, a cell holding it or an expression."}},
          {{"таблица", "table"},
           {"Диапазон листа направления (или массив): первая строка — коды полей, первый столбец — коды "
            "организаций.",
            "A range of a direction sheet (or an array): the first row holds field codes, the first column "
            "organisation codes."}},
          {{"организация", "organisation"},
           {"Код организации из первого столбца таблицы: число или текст, ячейка или выражение. Не указан — "
            "значение по муниципалитету.",
            "An organisation code from the table's first column: a number or a text, a cell or an expression. "
            "Omitted: the municipal value."}}}},
        {"indicators",
         {"МСОКО.ПОКАЗАТЕЛИ", "MSOKO.INDICATORS"},
         {"Все показатели направления сразу (формула массива): строка на каждую организацию таблицы и последняя "
          "строка — муниципалитет; столбец на каждый показатель направления в порядке каталога.",
          "Every indicator of the direction at once (an array formula): a row per organisation of the table and a "
          "last row for the municipality; a column per indicator of the direction in catalogue order."},
         {{{"таблица", "table"},
           {"Диапазон листа направления (или массив): первая строка — коды полей, первый столбец — коды "
            "организаций.",
            "A range of a direction sheet (or an array): the first row holds field codes, the first column "
            "organisation codes."}}}},
        {"title",
         {"МСОКО.НАЗВАНИЕ", "MSOKO.TITLE"},
         {"Название показателя из каталога.", "The indicator's title from the catalogue."},
         {{{"код", "id"},
           {"Код показателя из каталога, например \"5.1.1.3\": текст, ячейка с ним или выражение.",
            "Indicator id from the catalogue, e.g. \"5.1.1.3\": a text, a cell holding it or an expression."}}}},
        {"unit",
         {"МСОКО.ЕДИНИЦА", "MSOKO.UNIT"},
         {"Единица измерения показателя из каталога: %, человек, единиц, да/нет.",
          "The indicator's unit from the catalogue: %, человек (people), единиц (units), да/нет (yes/no)."},
         {{{"код", "id"},
           {"Код показателя из каталога, например \"5.1.1.3\": текст, ячейка с ним или выражение.",
            "Indicator id from the catalogue, e.g. \"5.1.1.3\": a text, a cell holding it or an expression."}}}},
        {"marks",
         {"МСОКО.ОТМЕТКИ", "MSOKO.MARKS"},
         {"Доля участников (%), у которых отметка за работу по сравнению с отметкой по журналу подтверждена, "
          "понижена или повышена. Учитываются только пары отметок 2–5; пустые ячейки и «нет отметки», «Х», «-» "
          "пропускаются.",
          "Share in % of participants whose exam mark, compared with the journal mark, is confirmed, lowered or "
          "raised. Only pairs of marks 2–5 count; empty cells and «нет отметки», «Х», «-» are left out."},
         {{{"отметки_за_работу", "exam_marks"},
           {"Отметки участников за работу (ВПР, ОГЭ…), по одной на участника: диапазон, массив {5;4} или число.",
            "The participants' exam marks (ВПР, ОГЭ…), one per participant: a range, an array {5;4} or a number."}},
          {{"отметки_по_журналу", "journal_marks"},
           {"Отметки тех же участников по журналу, в том же порядке: диапазон, массив или число.",
            "The same participants' journal marks, in the same order: a range, an array or a number."}},
          {{"режим", "mode"},
           {"\"подтвердили\", \"понизили\" или \"повысили\" — текстом или ячейкой с ним.",
            "\"confirmed\", \"lowered\" or \"raised\" (or the Russian words), as a text or a cell holding it."}}}},
        {"belowMin",
         {"МСОКО.НИЖЕПОРОГА", "MSOKO.BELOWMIN"},
         {"Доля участников (%), набравших меньше минимального балла. Пустые ячейки не учитываются.",
          "Share in % of participants who scored below the minimum. Empty cells are left out."},
         {{{"баллы", "scores"},
           {"Баллы участников, по одному на участника: диапазон, массив {10;30} или число.",
            "The participants' scores, one per participant: a range, an array {10;30} or a number."}},
          {{"минимум", "minimum"},
           {"Минимальный балл: кто набрал меньше, не преодолел порог. Число, ячейка или выражение; пустая ячейка "
            "даёт #Н/Д.",
            "The minimum score: whoever scored less did not pass. A number, a cell or an expression; an empty "
            "cell gives #N/A."}}}},
        {"scoreBand",
         {"МСОКО.ДИАПАЗОНБАЛЛОВ", "MSOKO.SCOREBAND"},
         {"Доля участников (%), набравших от «от» до «до» баллов включительно; без «до» — не меньше «от». "
          "Для показателей «от 70, 80, 90 баллов, 100 баллов».",
          "Share in % of participants who scored from `from` to `to` inclusive; without `to`, at least `from`. For "
          "the 70, 80, 90 and 100-point indicators."},
         {{{"баллы", "scores"},
           {"Баллы участников, по одному на участника: диапазон, массив {10;30} или число.",
            "The participants' scores, one per participant: a range, an array {10;30} or a number."}},
          {{"от", "from"},
           {"Нижняя граница (включительно): число, ячейка или выражение; пустая ячейка даёт #Н/Д.",
            "The lower limit (inclusive): a number, a cell or an expression; an empty cell gives #N/A."}},
          {{"до", "to"},
           {"Верхняя граница (включительно): число, ячейка или выражение. Не указана — без верхней границы "
            "(пустая ячейка читается как 0: не указывайте её).",
            "The upper limit (inclusive): a number, a cell or an expression. Omitted: no upper limit (an empty "
            "cell reads as 0: leave the argument out)."}}}},
        {"dynamics",
         {"МСОКО.ДИНАМИКА", "MSOKO.DYNAMICS"},
         {"Изменение показателя в процентных пунктах: текущее значение минус прошлое, например "
          "МСОКО.ДИНАМИКА(57,5; 60) = -2,5. #Н/Д, если одно из них не заполнено (пустая ячейка) или #Н/Д; текст "
          "даёт Err:502.",
          "The change of an indicator in percentage points: current minus previous, e.g. MSOKO.DYNAMICS(57.5; 60) "
          "= -2.5. #N/A when either is empty (an empty cell) or #N/A; a text gives Err:502."},
         {{{"текущее", "current"},
           {"Значение за текущий период: число, ячейка или выражение.",
            "The value for the current period: a number, a cell or an expression."}},
          {{"прошлое", "previous"},
           {"Значение за прошлый период: число, ячейка или выражение.",
            "The value for the previous period: a number, a cell or an expression."}}}},
    };
    return table;
}

const FunctionInfo* find_by_method(std::string_view method) {
    for (const auto& f : function_table())
        if (method == f.method)
            return &f;
    return nullptr;
}

const FunctionInfo* find_by_display(std::string_view display) {
    const OUString wanted = from_utf8(display);
    for (const auto& f : function_table()) {
        for (const char* name : {f.display.ru, f.display.en}) {
            if (from_utf8(name).equalsIgnoreAsciiCase(wanted))
                return &f;
        }
    }
    return nullptr;
}

}  // namespace msoko::uno
