// SPDX-License-Identifier: MPL-2.0
#include "function_table.hxx"

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
           {"Число или диапазон: сколько человек (единиц) обладают признаком, например «выпускники с медалью».",
            "A number or a range: how many people (units) have the property, e.g. graduates with a medal."}},
          {{"знаменатели", "denominators"},
           {"Число или диапазон: общее число, от которого считается доля, например «все выпускники».",
            "A number or a range: the total the share is taken of, e.g. all graduates."}}}},
        {"version",
         {"МСОКО.ВЕРСИЯ", "MSOKO.VERSION"},
         {"Версия расширения «МСОКО для Calc» и установленного каталога показателей.",
          "Version of the МСОКО for Calc extension and of its installed indicator catalogue."},
         {}},
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
    const OUString wanted = OUString(display.data(), static_cast<sal_Int32>(display.size()), RTL_TEXTENCODING_UTF8);
    for (const auto& f : function_table()) {
        for (const char* name : {f.display.ru, f.display.en}) {
            if (OUString(name, static_cast<sal_Int32>(std::char_traits<char>::length(name)), RTL_TEXTENCODING_UTF8)
                    .equalsIgnoreAsciiCase(wanted))
                return &f;
        }
    }
    return nullptr;
}

}  // namespace msoko::uno
