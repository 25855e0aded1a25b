// SPDX-License-Identifier: MPL-2.0
// The data validity of the form's input cells: what may be typed, the help
// shown beside a cell and the message when something else is typed.
#include "form_odf.hpp"

#include "msoko/text.hpp"

namespace msoko::odf {

namespace {

// The input help as paragraphs: Calc shows each on its own line and does not
// wrap a long one, so a line of `help` longer than about 90 characters is
// broken at spaces.
std::string help_paragraphs(const std::string& help) {
    constexpr std::size_t kWidth = 90;  // characters (code points)
    std::string out;
    std::size_t from = 0;
    while (from <= help.size()) {
        const std::size_t end = std::min(help.find('\n', from), help.size());
        std::string line = help.substr(from, end - from), current;
        std::size_t chars = 0;
        std::size_t pos = 0;
        while (pos <= line.size()) {
            const std::size_t space = std::min(line.find(' ', pos), line.size());
            const std::string word = line.substr(pos, space - pos);
            std::size_t n = 0;
            for (unsigned char ch : word)
                n += (ch & 0xC0) != 0x80 ? 1 : 0;
            if (chars > 0 && chars + 1 + n > kWidth) {
                out += "<text:p>" + xml(current) + "</text:p>";
                current.clear();
                chars = 0;
            }
            current += (chars > 0 ? " " : "") + word;
            chars += (chars > 0 ? 1 : 0) + n;
            pos = space + 1;
        }
        out += "<text:p>" + xml(current) + "</text:p>";
        from = end + 1;
    }
    return out;
}

}  // namespace

std::string Validations::add(const std::string& condition, const std::string& help_title, const std::string& help,
                             const std::string& error, bool list, bool any_text) {
    const std::string key = condition + "\x1f" + help_title + "\x1f" + help + (any_text ? "\x1f*" : "");
    auto it = names_.find(key);
    if (it != names_.end())
        return it->second;
    const std::string name = "val" + std::to_string(names_.size() + 1);
    names_[key] = name;
    xml_ += "<table:content-validation table:name=\"" + name + "\" table:condition=\"" + xml(condition) +
            "\" table:allow-empty-cell=\"true\"" + (list ? " table:display-list=\"unsorted\"" : "") +
            "><table:help-message table:title=\"" + xml(truncate_utf8(help_title, 80)) + "\" table:display=\"true\">" +
            help_paragraphs(help) +
            "</table:help-message><table:error-message table:message-type=\"stop\" table:title=\"" +
            xml("Неверное значение") + "\" table:display=\"" + (any_text ? "false" : "true") + "\"><text:p>" +
            xml(error) + "</text:p></table:error-message></table:content-validation>\n";
    return name;
}

namespace {

std::string range_text(const Field& f, double lo, double hi) {
    return "от " + format_number(f.min.value_or(lo)) + " до " + format_number(f.max.value_or(hi));
}

}  // namespace

std::string Validations::field(const Field& f, const std::string& requirement, const std::string& source) {
    // Who fills it, where the figure comes from and the field's note: the
    // input help is where the person filling the form reads them.
    const std::string who = " Заполняет " + f.filled_by + "; " +
                            (!requirement.empty() ? requirement
                             : f.required         ? "обязательно"
                                                  : "необязательно") +
                            "." + (source.empty() ? "" : "\nИсточник: " + source + ".") +
                            (f.note.empty() ? "" : "\n" + f.note + ".");
    const std::string unit = f.unit.empty() ? "" : " (" + f.unit + ")";
    switch (f.type) {
        case FieldType::Count: {
            const std::string range = range_text(f, 0, 1000000);
            return add("of:cell-content-is-whole-number() and cell-content-is-between(" +
                           format_number(f.min.value_or(0)) + "," + format_number(f.max.value_or(1000000)) + ")",
                       f.title, "Целое число " + range + unit + "." + who,
                       "Нужно целое число " + range + ": без букв, пробелов и дробной части.");
        }
        case FieldType::Number: {
            const std::string range = range_text(f, -1e9, 1e9);
            return add("of:cell-content-is-decimal-number() and cell-content-is-between(" +
                           format_number(f.min.value_or(-1e9)) + "," + format_number(f.max.value_or(1e9)) + ")",
                       f.title, "Число " + range + unit + "." + who, "Нужно число " + range + ".");
        }
        case FieldType::YesNo:
            return add("of:cell-content-is-in-list(\"да\";\"нет\")", f.title, "«да» или «нет»." + who,
                       "Выберите «да» или «нет» из списка.", true);
        case FieldType::Date:
            return add("of:cell-content-is-date() and cell-content-is-between(36526,73050)", f.title,
                       "Дата в виде ДД.ММ.ГГГГ." + who, "Нужна дата в виде ДД.ММ.ГГГГ.");
        case FieldType::Text:
            return add("of:cell-content-text-length-is-between(0,1000)", f.title, "Текст." + who,
                       "Не длиннее 1000 знаков.");
        case FieldType::Link:
            return add("of:cell-content-text-length-is-between(0,2000)", f.title, "Ссылка вида https://…" + who,
                       "Не длиннее 2000 знаков.");
    }
    return {};
}

}  // namespace msoko::odf
