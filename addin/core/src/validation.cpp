// SPDX-License-Identifier: MPL-2.0
#include "msoko/validation.hpp"

#include "msoko/engine.hpp"
#include "msoko/form.hpp"
#include "msoko/table.hpp"
#include "msoko/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <regex>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace msoko {

const Cell& SheetSnapshot::value(std::size_t r, std::size_t c) const {
    static const Cell empty;
    return r < rows && c < cols ? values[r * cols + c] : empty;
}

bool SheetSnapshot::is_formula(std::size_t r, std::size_t c) const {
    return r < rows && c < cols && formulas[r * cols + c] != 0;
}

const SheetSnapshot* WorkbookSnapshot::sheet(const std::string& name) const {
    for (const auto& s : sheets)
        if (s.name == name)
            return &s;
    return nullptr;
}

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::Error:
            return "Ошибка";
        case Severity::Warning:
            return "Предупреждение";
        case Severity::Info:
            return "Сведения";
    }
    return "";
}

std::size_t ValidationReport::count(Severity s) const {
    std::size_t n = 0;
    for (const auto& f : findings)
        if (f.severity == s)
            n += f.more ? f.more : 1;
    return n;
}

std::string ValidationReport::summary() const {
    std::string out = "Ошибок: " + std::to_string(count(Severity::Error)) +
                      " · Предупреждений: " + std::to_string(count(Severity::Warning)) +
                      " · Сведений: " + std::to_string(count(Severity::Info)) +
                      (ready() ? " — форма готова к отправке" : " — форма не готова к отправке");
    if (!unmarked_sheets.empty()) {
        std::vector<std::string> names;
        for (const auto& s : unmarked_sheets)
            names.push_back("«" + s + "»");
        out += ". Не отмечены ячейки на листах, защищённых паролем: " + join(names);
    }
    return out;
}

void ValidationReport::note_unmarked(const std::string& sheet, std::size_t cells, const std::string& password_sheet) {
    unmarked_sheets.push_back(sheet);
    const std::string why =
        password_sheet == sheet
            ? "Лист «" + sheet + "» защищён паролем, поэтому "
            : "Лист «" + password_sheet +
                  "» защищён паролем, а LibreOffice не создаёт стили отметок, пока такой лист есть в книге; поэтому на "
                  "листе «" +
                  sheet + "» ";
    findings.push_back({Severity::Info, sheet, -1, -1, "", "", "",
                        why + std::to_string(cells) +
                            " проблемных ячеек не отмечены цветом; они перечислены в отчёте со ссылками. Чтобы "
                            "увидеть отметки, снимите защиту листа «" +
                            password_sheet + "» (Сервис → Защитить лист) и повторите проверку.",
                        "report.unmarked"});
}

std::string suggested_number(const std::string& text) {
    // Keep digits, one decimal separator (comma or dot) and a leading minus; drop
    // spaces and words («12 чел.», «1 2», «12,5»). No digit: no suggestion.
    std::string out;
    bool separator = false, digit = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (ch >= '0' && ch <= '9') {
            out += ch;
            digit = true;
        } else if ((ch == ',' || ch == '.') && digit && !separator && i + 1 < text.size() && text[i + 1] >= '0' &&
                   text[i + 1] <= '9') {
            out += '.';
            separator = true;
        } else if (ch == '-' && out.empty() && i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9') {
            out += '-';
        }
    }
    return digit ? out : std::string();
}

namespace {

// A number as a Russian reader writes it: 12,5 (the same digits as format_number).
std::string decimal(double v) {
    std::string s = format_number(v);
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

// «; возможно, имелось в виду 12,5» for text typed where a number belongs, or "".
std::string suggestion(const Cell& typed) {
    if (typed.kind() != Cell::Kind::Text)
        return {};
    std::string s = suggested_number(typed.text());
    std::replace(s.begin(), s.end(), '.', ',');  // as a Russian reader types it
    return s.empty() ? s : "; возможно, имелось в виду " + s;
}

std::string shown(const Cell& c) {
    switch (c.kind()) {
        case Cell::Kind::Empty:
            return "";
        case Cell::Kind::Number:
            return decimal(c.number());
        case Cell::Kind::Text:
            return c.text();
        case Cell::Kind::Error:
            return "ошибка";
    }
    return "";
}

// A cell as text for matching (codes, labels, versions): numbers as
// format_number writes them, never with a decimal comma.
std::string text_of(const Cell& c) {
    return c.kind() == Cell::Kind::Text     ? c.text()
           : c.kind() == Cell::Kind::Number ? format_number(c.number())
                                            : shown(c);
}

// Calc's date serial (days since 1899-12-30) of a civil date.
long days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468 + 25569;  // 25569: 1970-01-01 as a Calc serial
}

// A date cell as Calc's serial; a "YYYY-MM-DD" or "ДД.ММ.ГГГГ" text too.
std::optional<double> date_serial(const Cell& c) {
    if (c.kind() == Cell::Kind::Number)
        return c.number();
    if (c.kind() != Cell::Kind::Text)
        return std::nullopt;
    std::smatch m;
    static const std::regex iso(R"((\d{4})-(\d{2})-(\d{2}))"), ru(R"((\d{2})\.(\d{2})\.(\d{4}))");
    if (std::regex_match(c.text(), m, iso))
        return days_from_civil(std::stoi(m[1]), static_cast<unsigned>(std::stoi(m[2])),
                               static_cast<unsigned>(std::stoi(m[3])));
    if (std::regex_match(c.text(), m, ru))
        return days_from_civil(std::stoi(m[3]), static_cast<unsigned>(std::stoi(m[2])),
                               static_cast<unsigned>(std::stoi(m[1])));
    return std::nullopt;
}

std::string date_text(double serial) {
    // Calc's dates run from 1 (31.12.1899) to 2958465 (31.12.9999); any other
    // serial is shown as the number it is.
    if (!(serial >= 1 && serial <= 2958465))
        return decimal(serial);
    // Inverse of days_from_civil, for messages.
    long z = static_cast<long>(serial) - 25569 + 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%02u.%02u.%04ld", d, m, y + (m <= 2));
    return buf;
}

// Where an organisation's figure for a field lives, and how it reads.
struct Place {
    const SheetSnapshot* sheet = nullptr;
    int row = -1, col = -1;
    const Cell* raw = nullptr;  ///< in the snapshot, which outlives the check
    struct {
        FieldValue::Status status = FieldValue::Status::Empty;
        double value = 0;
    } value;              ///< how it reads (the reason of an invalid one is reported where it is read)
    std::size_t org = 0;  ///< index into the check's organisations
};

class Validator {
public:
    // The layout's columns do not depend on the number of rows: computed once.
    Validator(const Catalogue& c, const WorkbookSnapshot& wb) : c_(c), wb_(wb), layout_(form_layout(c, 0, 0)) {}

    ValidationReport run() {
        if (identity()) {
            sheets();
            register_sheet();
            for (const auto& d : c_.directions)
                direction(d);
            index_places();
            rules();
            indicators_sheet();
            plausibility();
            if (!wb_.sheet(kIndicatorsSheet))
                add(Severity::Error, kIndicatorsSheet, -1, -1, "", "", "",
                    "Нет листа «Показатели»: он удалён или переименован. Создайте форму заново и перенесите данные.",
                    "structure.sheet");
            rows_without_code();
        }
        sort();
        cap();
        return std::move(report_);
    }

private:
    void add(Severity s, const std::string& sheet, int row, int col, const std::string& org, const std::string& field,
             const std::string& value, const std::string& message, const std::string& rule) {
        report_.findings.push_back({s, sheet, row, col, org, field, value, message, rule});
    }

    // The passport's value next to a label.
    std::string passport_value(const SheetSnapshot& p, const char* label) const {
        for (std::size_t r = 0; r < p.rows; ++r)
            if (text_of(p.value(r, 0)) == label)
                return text_of(p.value(r, 1));
        return {};
    }

    // Is this our form, of this catalogue and version? One finding, not hundreds.
    bool identity() {
        const SheetSnapshot* p = wb_.sheet(kPassportSheet);
        const std::string id = p ? passport_value(*p, "Каталог показателей") : "";
        if (id.empty()) {
            add(Severity::Error, p ? kPassportSheet : "", -1, -1, "", "", "",
                "Книга не является формой сбора данных МСОКО: нет листа «Паспорт» с кодом каталога показателей. "
                "Создайте форму: Данные → МСОКО → Создать форму сбора данных.",
                "form.identity");
            return false;
        }
        passport_ = p;
        const std::string version = passport_value(*p, "Версия каталога");
        if (id != c_.info.id) {
            add(Severity::Error, kPassportSheet, -1, -1, "", "", id,
                "Форма составлена по другому каталогу показателей («" + id + "»), а установлен «" + c_.info.id +
                    "». Проверка по чужому каталогу невозможна.",
                "form.identity");
            return false;
        }
        if (version != c_.info.version) {
            add(Severity::Error, kPassportSheet, -1, -1, "", "", version,
                "Форма версии каталога " + version + ", а установлена версия " + c_.info.version +
                    ". Создайте форму новой версии и перенесите в неё данные.",
                "form.version");
            return false;
        }
        // The reporting period: «2024/2025 учебный год» → 01.09.2024–31.08.2025.
        std::smatch m;
        const std::string period = passport_value(*p, "Отчётный период");
        static const std::regex years(R"((\d{4})\s*[/–-]\s*(\d{4}))");
        if (std::regex_search(period, m, years)) {
            period_from_ = days_from_civil(std::stoi(m[1]), 9, 1);
            period_to_ = days_from_civil(std::stoi(m[2]), 8, 31);
        } else {
            add(Severity::Info, kPassportSheet, -1, -1, "", "", period,
                "Отчётный период не распознан (ожидается вида «2024/2025 учебный год»): даты документов не "
                "сверяются с периодом.",
                "passport.period");
        }
        return true;
    }

    // Sheets of the form in their order; an added sheet or a changed order is named.
    // A renamed or deleted sheet is found where its contents are checked.
    void sheets() {
        std::vector<std::string> expected{kPassportSheet, kRegisterSheet};
        for (const auto& ds : layout_.directions)
            expected.push_back(ds.sheet);
        expected.push_back(kIndicatorsSheet);
        // Each sheet of the form, by its place in the form: its own name, or a
        // direction's renamed sheet (the one the direction check reads).
        std::map<const SheetSnapshot*, std::size_t> place_of;
        for (std::size_t i = 0; i < expected.size(); ++i)
            if (const SheetSnapshot* sheet = wb_.sheet(expected[i]))
                place_of[sheet] = i;
        for (std::size_t i = 0; i < c_.directions.size(); ++i)
            if (const SheetSnapshot* sheet = direction_sheet(c_.directions[i]))
                place_of[sheet] = 2 + i;
        std::vector<std::string> found;  // the form's own sheets, in the workbook's order
        std::vector<std::size_t> positions;
        for (const auto& sheet : wb_.sheets) {
            if (auto it = place_of.find(&sheet); it != place_of.end()) {
                found.push_back(sheet.name);
                positions.push_back(it->second);
                continue;
            }
            add(Severity::Warning, sheet.name, -1, -1, "", "", "",
                "Лишний лист «" + sheet.name +
                    "»: его нет в форме, региональный центр его не прочитает. Перенесите нужные данные в поля "
                    "формы или удалите лист перед отправкой.",
                "structure.sheet_extra");
        }
        // The sheets that keep the form's order are the longest increasing run of
        // positions; each other one was moved, and is named with its place.
        const std::size_t n = found.size();
        std::vector<std::size_t> length(n, 1), previous(n, n);
        std::size_t best = n;
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = 0; j < i; ++j)
                if (positions[j] < positions[i] && length[j] + 1 > length[i]) {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            if (best == n || length[i] > length[best])
                best = i;
        }
        std::vector<bool> in_order(n, false);
        for (std::size_t i = best; i < n; i = previous[i])
            in_order[i] = true;
        for (std::size_t i = 0; i < n; ++i) {
            if (in_order[i])
                continue;
            const std::size_t p = positions[i];
            add(Severity::Info, found[i], -1, -1, "", "", "",
                "Лист «" + found[i] + "» перемещён: в форме он стоит " +
                    (p == 0 ? std::string("первым") : "после листа «" + expected[p - 1] + "»") +
                    ". Данные читаются по именам листов, но верните порядок формы, чтобы книгу было легко сверить.",
                "structure.sheet_order");
        }
    }

    // The sheet of a direction: the one of its name in the form, or, when that
    // is missing, the first sheet named by the direction's id that is not
    // another sheet of the form (a renamed sheet; a copy is an extra sheet).
    const SheetSnapshot* direction_sheet(const Direction& d) const {
        const DirectionSheet& ds = *layout_.sheet_of(d.id);
        if (const SheetSnapshot* s = wb_.sheet(ds.sheet))
            return s;
        for (const auto& sheet : wb_.sheets) {
            if (sheet.name.rfind(d.id + " ", 0) != 0 && sheet.name != d.id)
                continue;
            bool form_sheet =
                sheet.name == kPassportSheet || sheet.name == kRegisterSheet || sheet.name == kIndicatorsSheet;
            for (const auto& other : layout_.directions)
                form_sheet = form_sheet || other.sheet == sheet.name;
            if (!form_sheet)
                return &sheet;
        }
        return nullptr;
    }

    void register_sheet() {
        const SheetSnapshot* s = wb_.sheet(kRegisterSheet);
        if (!s) {
            add(Severity::Error, kRegisterSheet, -1, -1, "", "", "",
                "Нет листа «Организации»: он удалён или переименован.", "structure.sheet");
            return;
        }
        std::unordered_map<std::string, int> names;
        names.reserve(s->rows);
        org_index_.reserve(s->rows);
        std::size_t schools = 0, kindergartens = 0;  // by the register's type column
        for (std::size_t r = FormLayout::kRegisterFirstRow; r < s->rows; ++r) {
            const auto code = organisation_code(s->value(r, 0));
            const Cell& type = s->value(r, 3);
            if (!code)
                continue;
            if (type.kind() == Cell::Kind::Text) {
                schools += type.text() == "ОО";
                kindergartens += type.text() == "ДОО";
            }
            const int row = static_cast<int>(r);
            ++registered_;
            const std::size_t org = organisation(*code);  // registered organisations are indexed first
            registered_row_.resize(codes_.size(), -1);
            if (registered_row_[org] >= 0)
                add(Severity::Error, kRegisterSheet, row, 0, *code, "", *code,
                    "Код организации " + *code + " повторяется (впервые в строке " +
                        std::to_string(registered_row_[org] + 1) + "): у каждой организации свой код.",
                    "register.duplicate_code");
            else
                registered_row_[org] = row;
            const Cell& name_cell = s->value(r, 1);
            const std::string name =
                name_cell.kind() == Cell::Kind::Text ? fold(name_cell.text()) : fold(text_of(name_cell));
            if (!name.empty()) {
                if (auto [it, fresh] = names.emplace(name, row); !fresh)
                    add(Severity::Error, kRegisterSheet, row, 1, *code, "", text_of(s->value(r, 1)),
                        "Наименование повторяет организацию из строки " + std::to_string(it->second + 1) + ".",
                        "register.duplicate_name");
            } else {
                add(Severity::Error, kRegisterSheet, row, 1, *code, "", "",
                    "У организации " + *code + " не указано полное наименование.", "register.name_missing");
            }
        }
        if (!passport_)
            return;
        const std::pair<const char*, const char*> expected[] = {
            {"Число общеобразовательных организаций (ОО)", "ОО"},
            {"Число дошкольных образовательных организаций (ДОО)", "ДОО"}};
        for (const auto& [label, type] : expected) {
            const std::string v = passport_value(*passport_, label);
            if (v.empty())
                continue;
            const std::size_t have = std::string(type) == "ОО" ? schools : kindergartens;
            if (v != std::to_string(have))
                add(Severity::Error, kRegisterSheet, -1, -1, "", "", v,
                    std::string("В паспорте указано ") + type + ": " + v + ", а в реестре «Организации» — " +
                        std::to_string(have) + ".",
                    "register.count");
        }
    }

    void direction(const Direction& d) {
        const FormLayout& layout = layout_;  // the columns; rows are read from the sheet
        const DirectionSheet& ds = *layout.sheet_of(d.id);
        const SheetSnapshot* s = direction_sheet(d);
        if (!s) {
            add(Severity::Error, ds.sheet, -1, -1, "", "", "",
                "Нет листа направления «" + ds.sheet + "»: он удалён или переименован.", "structure.sheet");
            return;
        }
        if (s->name != ds.sheet)
            add(Severity::Warning, s->name, -1, -1, "", "", "",
                "Лист направления " + d.id + " переименован: ожидалось «" + ds.sheet + "».", "structure.sheet_name");
        // The field-code row: every column found by its code; missing, unknown and moved ones named.
        const std::size_t code_row = DirectionSheet::kCodeRow;
        std::map<std::string, int> actual;
        for (std::size_t col = 0; col < s->cols; ++col) {
            const std::string code = text_of(s->value(code_row, col));
            if (!code.empty())
                actual.emplace(code, static_cast<int>(col));
        }
        bool broken = false;
        int previous = -1;
        bool moved = false;
        for (const auto& fc : ds.columns) {
            auto it = actual.find(fc.code);
            if (it == actual.end()) {
                broken = true;
                add(Severity::Error, s->name, static_cast<int>(code_row), -1, "", fc.code, "",
                    "Нет столбца «" + (fc.field ? fc.field->title : fc.code) + "» (код " + fc.code +
                        "): столбец удалён или код в строке кодов изменён.",
                    "structure.column");
                continue;
            }
            moved = moved || it->second < previous;
            previous = it->second;
        }
        for (const auto& [code, col] : actual)
            if (ds.column_of(code) < 0)
                add(Severity::Warning, s->name, static_cast<int>(code_row), col, "", code, code,
                    "Лишний столбец с кодом «" + code + "»: столбец вставлен или его код изменён.",
                    "structure.column_extra");
        if (moved)
            add(Severity::Warning, s->name, static_cast<int>(code_row), -1, "", "", "",
                "Столбцы переставлены: функции находят поля по кодам, но порядок отличается от формы.",
                "structure.column_order");
        if (broken)
            return;  // values of a sheet whose columns are lost would only give follow-on errors
        std::vector<int> col_of(ds.columns.size());  // the sheet's column of each form column
        for (std::size_t i = 0; i < ds.columns.size(); ++i)
            col_of[i] = actual[ds.columns[i].code];
        const int code_col = actual["code"], type_col = actual["type"];
        // Which columns concern which kind of row, decided once per sheet, not per cell.
        const char* const kinds[] = {"school", "kindergarten", "municipality"};
        std::vector<char> concerns[3];
        for (int k = 0; k < 3; ++k)
            for (const auto& fc : ds.columns)
                concerns[k].push_back(fc.field && fc.field->concerns(kinds[k]));

        Completeness completeness{d.id, s->name, 0, 0};
        figures_.reserve(figures_.size() + s->rows * ds.columns.size());
        org_index_.reserve(s->rows);
        for (std::size_t r = DirectionSheet::kCodeRow + 1; r < s->rows; ++r) {
            if (const Cell& label = s->value(r, 1);
                label.kind() == Cell::Kind::Text && label.text() == "Итого по муниципалитету")
                break;
            const int row = static_cast<int>(r);
            const auto code = organisation_code(s->value(r, code_col));
            if (!code) {
                if (s->value(r, code_col).kind() == Cell::Kind::Error) {
                    add(Severity::Error, s->name, row, code_col, "", "code", "ошибка",
                        "Ячейка кода организации показывает ошибку вычисления, поэтому строку нельзя прочитать. "
                        "Код берётся из реестра «Организации»: проверьте реестр и верните формулу (Правка → "
                        "Отменить) или создайте форму заново.",
                        "type.error_value");
                    continue;
                }
                for (std::size_t i = 0; i < ds.columns.size(); ++i)
                    if (ds.columns[i].kind == FormColumn::Kind::Input && !s->value(r, col_of[i]).is_empty()) {
                        if (orphans_.empty() || orphans_.back().sheet != s)
                            orphans_.push_back(
                                {s, row, col_of[i], ds.columns[i].code, shown(s->value(r, col_of[i])), 0});
                        ++orphans_.back().rows;
                        break;
                    }
                continue;
            }
            const bool municipal = *code == kMunicipalityCode;
            const std::size_t org = organisation(*code);
            int kind = 2;  // index into kinds
            if (!municipal) {
                const Cell& t = s->value(r, type_col);
                const bool kindergarten =
                    t.kind() == Cell::Kind::Text && (t.text() == "ДОО" || fold(t.text()) == "доо");
                kind = kindergarten ? 1 : 0;
                if (org >= registered_row_.size() || registered_row_[org] < 0)
                    add(Severity::Error, s->name, row, code_col, *code, "", *code,
                        "Организации с кодом " + *code + " нет в реестре «Организации».", "register.unknown_code");
            }
            // Computed cells must keep their formulas.
            for (std::size_t i = 0; i < ds.columns.size(); ++i) {
                const FormColumn& fc = ds.columns[i];
                const bool computed =
                    (!municipal && fc.kind != FormColumn::Kind::Input && fc.kind != FormColumn::Kind::Linked) ||
                    (fc.kind == FormColumn::Kind::Linked && concerns[kind][i]);
                const int col = col_of[i];
                // A formula of the form showing an error (a source of another
                // direction is reported where it was typed).
                if (computed && fc.kind != FormColumn::Kind::Linked &&
                    s->is_formula(r, static_cast<std::size_t>(col)) && s->value(r, col).kind() == Cell::Kind::Error)
                    add(Severity::Error, s->name, row, col, *code, fc.code, "ошибка",
                        organisation_label(*code) +
                            ": ячейка рассчитывается формой, но показывает ошибку вычисления. Проверьте строку "
                            "организации в реестре «Организации» и верните формулу (Правка → Отменить) или "
                            "создайте форму заново.",
                        "type.error_value");
                if (computed && !s->is_formula(r, static_cast<std::size_t>(col)) && !s->value(r, col).is_empty())
                    add(Severity::Error, s->name, row, col, *code, fc.code, shown(s->value(r, col)),
                        "Формула заменена введённым значением: ячейка рассчитывается формой (" +
                            std::string(fc.kind == FormColumn::Kind::Linked
                                            ? "берётся с листа «" + layout.sheet_of(fc.field->direction)->sheet + "»"
                                            : "берётся из реестра") +
                            "). Верните формулу (Правка → Отменить) или создайте форму заново.",
                        "form.formula_overwritten");
            }
            for (std::size_t i = 0; i < ds.columns.size(); ++i) {
                const FormColumn& fc = ds.columns[i];
                if (fc.kind != FormColumn::Kind::Input || !concerns[kind][i])
                    continue;
                const Field& f = *fc.field;
                const int col = col_of[i];
                const Cell& raw = s->value(r, col);
                const FieldValue v = read_field(f, raw);
                if (f.required) {
                    ++completeness.required;
                    completeness.filled += raw.is_empty() ? 0 : 1;
                }
                figures_.push_back({&f, Place{s, row, col, &raw, {v.status, v.value}, org}});
                const auto who = [&] { return organisation_label(*code); };  // only for a message
                if (raw.kind() == Cell::Kind::Error) {
                    add(Severity::Error, s->name, row, col, *code, f.id, "ошибка",
                        who() + ", «" + f.title + "»: в ячейке ошибка вычисления вместо значения.", "type.error_value");
                    continue;
                }
                if (v.status == FieldValue::Status::Invalid) {
                    std::string message = who() + ", «" + f.title + "»: " + v.reason;
                    if (f.type == FieldType::Count || f.type == FieldType::Number)
                        message += suggestion(raw);

                    add(Severity::Error, s->name, row, col, *code, f.id, shown(raw), message + ".",
                        std::string("type.") + to_string(f.type));
                    continue;
                }
                if (v.status == FieldValue::Status::Empty && f.required)
                    add(Severity::Error, s->name, row, col, *code, f.id, "",
                        who() + ": не заполнено обязательное поле «" + f.title + "».", "required");
                if (f.type == FieldType::Link && v.status == FieldValue::Status::Value) {
                    static const std::regex link(R"(https?://[^\s/]+\.[^\s/]+(/\S*)?)");
                    if (!std::regex_match(text_of(raw), link))
                        add(Severity::Error, s->name, row, col, *code, f.id, shown(raw),
                            who() + ", «" + f.title + "»: ссылка должна иметь вид https://сайт/путь.", "type.link");
                }
            }
        }
        report_.completeness.push_back(completeness);
    }

    std::string organisation_label(const std::string& code) const {
        return code == kMunicipalityCode ? std::string("Муниципальный уровень") : "Организация " + code;
    }

    // The index of an organisation code, added on first sight.
    std::size_t organisation(const std::string& code) {
        auto [it, fresh] = org_index_.emplace(code, codes_.size());
        if (fresh)
            codes_.push_back(code);
        return it->second;
    }

    // After the direction sheets are read: the figures grouped by organisation
    // (a counting sort, linear) and by field within it, so that a figure is
    // found by binary search (the last one read wins).
    void index_places() {
        org_begin_.assign(codes_.size() + 1, 0);
        for (const auto& f : figures_)
            ++org_begin_[f.second.org + 1];
        for (std::size_t i = 1; i < org_begin_.size(); ++i)
            org_begin_[i] += org_begin_[i - 1];
        order_.resize(figures_.size());
        std::vector<std::size_t> next(org_begin_.begin(), org_begin_.end() - 1);
        for (std::size_t i = 0; i < figures_.size(); ++i)
            order_[next[figures_[i].second.org]++] = static_cast<std::uint32_t>(i);
        const auto by_field = [&](std::uint32_t a, std::uint32_t b) {
            return std::less<const Field*>()(figures_[a].first, figures_[b].first);
        };
        for (std::size_t org = 0; org < codes_.size(); ++org) {
            const auto first = order_.begin() + static_cast<std::ptrdiff_t>(org_begin_[org]),
                       last = order_.begin() + static_cast<std::ptrdiff_t>(org_begin_[org + 1]);
            std::stable_sort(first, last, by_field);
            for (auto it = first; it != last; ++it)
                if (it == first || figures_[*it].first != figures_[*std::prev(it)].first)
                    orgs_with_[figures_[*it].first].push_back(org);
        }
    }

    // The organisations that have a figure for `field` (all of them when null).
    const std::vector<std::size_t>& organisations_with(const Field* field) {
        if (!field) {
            if (all_orgs_.size() != codes_.size()) {
                all_orgs_.resize(codes_.size());
                for (std::size_t i = 0; i < all_orgs_.size(); ++i)
                    all_orgs_[i] = i;
            }
            return all_orgs_;
        }
        static const std::vector<std::size_t> none;
        auto it = orgs_with_.find(field);
        return it == orgs_with_.end() ? none : it->second;
    }

    const Place* place(std::size_t org, const Field* field) const {
        const auto first = order_.begin() + static_cast<std::ptrdiff_t>(org_begin_[org]),
                   last = order_.begin() + static_cast<std::ptrdiff_t>(org_begin_[org + 1]);
        auto it = std::upper_bound(first, last, field, [&](const Field* f, std::uint32_t i) {
            return std::less<const Field*>()(f, figures_[i].first);
        });
        return it == first || figures_[*std::prev(it)].first != field ? nullptr : &figures_[*std::prev(it)].second;
    }

    void rules() {
        for (const auto& rule : c_.rules) {
            const std::string id = rule.direction + "/" + to_string(rule.kind);
            std::vector<const Field*> fields;
            for (const auto& f : rule.fields)
                fields.push_back(c_.field(f));
            // Only organisations with the figure every finding of the rule needs.
            const Field* needed = rule.kind == Rule::Kind::SumEquals                        ? fields.back()
                                  : rule.kind == Rule::Kind::SameValue && fields.size() > 2 ? nullptr
                                                                                            : fields[0];
            if (!needed && rule.kind != Rule::Kind::SameValue)
                continue;  // a field unknown to the catalogue: the loader does not allow it
            for (const std::size_t org : organisations_with(needed)) {
                const std::string& code = codes_[org];
                const auto at = [&](std::size_t i) { return fields[i] ? place(org, fields[i]) : nullptr; };
                switch (rule.kind) {
                    case Rule::Kind::PartWhole: {
                        const Place *part = at(0), *whole = at(1);
                        if (!part || !whole || part->value.status != FieldValue::Status::Value ||
                            whole->value.status != FieldValue::Status::Value)
                            break;
                        if (part->value.value > whole->value.value)
                            add(Severity::Error, part->sheet->name, part->row, part->col, code, rule.fields[0],
                                shown(*part->raw),
                                organisation_label(code) + ": «" + c_.field(rule.fields[0])->title + "» (" +
                                    shown(*part->raw) + ") больше, чем «" + c_.field(rule.fields[1])->title + "» (" +
                                    shown(*whole->raw) + "): часть не может быть больше целого.",
                                id);
                        break;
                    }
                    case Rule::Kind::SumEquals: {
                        double sum = 0;
                        bool complete = true;
                        for (std::size_t i = 0; i + 1 < rule.fields.size(); ++i) {
                            const Place* p = at(i);
                            complete = complete && p && p->value.status == FieldValue::Status::Value;
                            if (complete)
                                sum += p->value.value;
                        }
                        const Place* total = at(fields.size() - 1);
                        if (!complete || !total || total->value.status != FieldValue::Status::Value)
                            break;
                        if (std::fabs(sum - total->value.value) > 1e-9)
                            add(Severity::Error, total->sheet->name, total->row, total->col, code, rule.fields.back(),
                                shown(*total->raw),
                                organisation_label(code) + ": «" + c_.field(rule.fields.back())->title + "» (" +
                                    shown(*total->raw) + ") не равно сумме частей (" + decimal(sum) + ").",
                                id);
                        break;
                    }
                    case Rule::Kind::SameValue: {
                        const Place* first = nullptr;
                        for (std::size_t i = 0; i < fields.size(); ++i) {
                            const std::string& f = rule.fields[i];
                            const Place* p = at(i);
                            if (!p || p->value.status != FieldValue::Status::Value)
                                continue;
                            if (!first) {
                                first = p;
                                continue;
                            }
                            if (std::fabs(p->value.value - first->value.value) > 1e-9)
                                add(Severity::Error, p->sheet->name, p->row, p->col, code, f, shown(*p->raw),
                                    organisation_label(code) + ": «" + c_.field(f)->title + "» (" + shown(*p->raw) +
                                        ") не совпадает с тем же числом на листе «" + first->sheet->name + "» (" +
                                        shown(*first->raw) + ").",
                                    id);
                        }
                        break;
                    }
                    case Rule::Kind::RequiresEvidence: {
                        const Place* flag = at(0);
                        if (!flag || flag->value.status != FieldValue::Status::Value || flag->value.value != 1)
                            break;
                        for (std::size_t i = 1; i < rule.fields.size(); ++i) {
                            const Field& ef = *c_.field(rule.fields[i]);
                            const Place* e = at(i);
                            if (!e)
                                continue;
                            if (e->raw->is_empty()) {
                                add(Severity::Error, e->sheet->name, e->row, e->col, code, ef.id, "",
                                    organisation_label(code) + ": ответ «да» в поле «" +
                                        c_.field(rule.fields[0])->title + "» требует заполнить «" + ef.title + "».",
                                    id);
                                continue;
                            }
                            if (ef.type == FieldType::Date && period_from_) {
                                const auto serial = date_serial(*e->raw);
                                if (serial && (*serial < *period_from_ || *serial > *period_to_))
                                    add(Severity::Error, e->sheet->name, e->row, e->col, code, ef.id,
                                        date_text(*serial),
                                        organisation_label(code) + ", «" + ef.title + "»: дата " + date_text(*serial) +
                                            " вне отчётного периода " + date_text(*period_from_) + "–" +
                                            date_text(*period_to_) + ".",
                                        id);
                            }
                        }
                        break;
                    }
                }
            }
        }
    }

    // «Показатели» is what the regional center reads: each value must still be
    // the form's formula, and last year's value a number in its range.
    void indicators_sheet() {
        const SheetSnapshot* s = wb_.sheet(kIndicatorsSheet);
        if (!s)
            return;  // named in run()
        for (std::size_t r = FormLayout::kIndicatorsFirstRow; r < s->rows; ++r) {
            const std::string id = text_of(s->value(r, 0));
            if (id.empty())
                break;
            const Indicator* ind = c_.indicator(id);
            if (!ind)
                continue;
            const int row = static_cast<int>(r);
            // As the form writes the row: a municipal yes/no has no last year and no dynamics.
            const bool counted_flag =
                ind->compute.kind == Computation::Kind::Flag && !ind->concerns("municipality") && ind->unit == "да/нет";
            const bool yes_no = ind->unit == "да/нет" && !counted_flag;
            const std::pair<int, const char*> computed[] = {{4, "значение введено"}, {6, "динамика введена"}};
            for (const auto& [col, what] : computed) {
                if ((col == 6 && yes_no) || s->is_formula(r, static_cast<std::size_t>(col)) ||
                    s->value(r, col).is_empty())
                    continue;
                add(Severity::Error, s->name, row, col, "", id, shown(s->value(r, col)),
                    "Показатель " + id + ": " + what +
                        " вручную вместо формулы — региональный центр получит не рассчитанное формой "
                        "значение. Верните формулу (Правка → Отменить) или создайте форму заново и перенесите данные.",
                    "form.formula_overwritten");
            }
            const Cell& before = s->value(r, 5);
            if (yes_no || before.is_empty())
                continue;
            const bool percent = ind->unit == "%";
            std::string problem;
            if (before.kind() == Cell::Kind::Error)
                problem = "в ячейке ошибка вычисления вместо значения";
            else if (before.kind() != Cell::Kind::Number)
                problem = "текст вместо числа";
            else if (before.number() < 0 || (percent && before.number() > 100))
                problem = std::string("вне допустимого диапазона [0; ") + (percent ? "100" : "…") + "]";
            if (problem.empty())
                continue;
            add(Severity::Error, s->name, row, 5, "", id, shown(before),
                "Показатель " + id + ", значение прошлого года: " + problem + suggestion(before) + ".", "type.number");
        }
    }

    // Warnings a specialist must look at: jumps against last year, extreme shares
    // over few people, values far from the other organisations.
    void plausibility() {
        if (const SheetSnapshot* s = wb_.sheet(kIndicatorsSheet)) {
            for (std::size_t r = FormLayout::kIndicatorsFirstRow; r < s->rows; ++r) {
                const std::string id = text_of(s->value(r, 0));
                if (id.empty())
                    break;
                const Cell &now = s->value(r, 4), &before = s->value(r, 5);
                if (text_of(s->value(r, 3)) != "%" || now.kind() != Cell::Kind::Number ||
                    before.kind() != Cell::Kind::Number)
                    continue;
                const double change = now.number() - before.number();
                if (std::fabs(change) > 10)
                    add(Severity::Warning, s->name, static_cast<int>(r), 4, "", id, decimal(now.number()),
                        "Показатель " + id + " изменился на " + decimal(std::round(change * 10) / 10) +
                            " п. п. за год (было " + decimal(before.number()) +
                            "): проверьте данные или поясните изменение.",
                        "plausibility.dynamics");
            }
        }
        // A rate per person (children per teacher) with people counted and no
        // one to count them by: the organisation has no value, yet its people
        // are in the municipal sum.
        for (const auto& ind : c_.indicators) {
            const Computation& k = ind.compute;
            if (k.kind != Computation::Kind::Ratio || k.multiplier == 100.0 || k.numerator.size() != 1 ||
                k.denominator.size() != 1 || !ind.duplicate_of.empty())
                continue;
            const Field *numerator = c_.field(k.numerator[0]), *denominator = c_.field(k.denominator[0]);
            for (const std::size_t org : organisations_with(denominator)) {
                const Place *n = place(org, numerator), *d = place(org, denominator);
                if (!n || !d || n->value.status != FieldValue::Status::Value ||
                    d->value.status != FieldValue::Status::Value || d->value.value != 0 || n->value.value <= 0)
                    continue;
                add(Severity::Warning, d->sheet->name, d->row, d->col, codes_[org], denominator->id, shown(*d->raw),
                    organisation_label(codes_[org]) + ": «" + denominator->title + "» — 0, а «" + numerator->title +
                        "» — " + shown(*n->raw) + ". Показатель " + ind.id +
                        " для организации не рассчитывается, но эти " + shown(*n->raw) +
                        " входят в муниципальную сумму: проверьте данные.",
                    "plausibility.zero_base");
            }
        }
        for (const auto& ind : c_.indicators) {
            const Computation& k = ind.compute;
            if (k.kind != Computation::Kind::Ratio || k.multiplier != 100.0 || k.numerator.size() != 1 ||
                k.denominator.size() != 1 || !ind.duplicate_of.empty())
                continue;
            const Field *numerator = c_.field(k.numerator[0]), *denominator = c_.field(k.denominator[0]);
            if (!numerator || !denominator)
                continue;
            std::vector<std::pair<double, const Place*>> shares;
            for (const std::size_t org : organisations_with(numerator)) {
                const std::string& code = codes_[org];
                const Place *n = place(org, numerator), *d = place(org, denominator);
                if (!n || !d || n->value.status != FieldValue::Status::Value ||
                    d->value.status != FieldValue::Status::Value || d->value.value <= 0 ||
                    n->value.value > d->value.value)
                    continue;
                const double share = 100.0 * n->value.value / d->value.value;
                shares.push_back({share, n});
                if (d->value.value < 10 && (share == 0 || share == 100))
                    add(Severity::Info, n->sheet->name, n->row, n->col, code, ind.id, shown(*n->raw),
                        organisation_label(code) + ": показатель " + ind.id + " равен " + decimal(share) +
                            " % при знаменателе " + decimal(d->value.value) +
                            " (меньше 10 человек): доля неустойчива, сравнивайте осторожно.",
                        "plausibility.small_base");
            }
            if (shares.size() < 5)
                continue;
            std::vector<double> v;
            for (const auto& [x, p] : shares)
                v.push_back(x);
            const auto middle = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
            std::nth_element(v.begin(), middle, v.end());
            const double median = *middle;
            std::vector<double> dev;
            for (double x : v)
                dev.push_back(std::fabs(x - median));
            const auto dev_middle = dev.begin() + static_cast<std::ptrdiff_t>(dev.size() / 2);
            std::nth_element(dev.begin(), dev_middle, dev.end());
            const double mad = 1.4826 * *dev_middle;  // scaled: comparable to a standard deviation
            if (mad <= 0)
                continue;
            for (const auto& [x, p] : shares) {
                if (std::fabs(x - median) <= 3 * mad)
                    continue;
                const std::string& code = codes_[p->org];
                add(Severity::Warning, p->sheet->name, p->row, p->col, code, ind.id, shown(*p->raw),
                    organisation_label(code) + ": показатель " + ind.id + " = " + decimal(std::round(x * 10) / 10) +
                        " % далеко от других организаций (медиана " + decimal(std::round(median * 10) / 10) +
                        " %): проверьте данные.",
                    "plausibility.outlier");
            }
        }
    }

    // Rows with figures but no organisation, one finding per sheet (at its
    // first such row, with the count); an empty register is the one cause of
    // them all and is named once.
    void rows_without_code() {
        std::size_t rows = 0;
        for (const auto& o : orphans_)
            rows += o.rows;
        if (rows == 0)
            return;
        if (registered_ == 0) {
            add(Severity::Error, kRegisterSheet, -1, -1, "", "", "",
                "Реестр «Организации» пуст, поэтому " + std::to_string(rows) +
                    " строк с данными на листах направлений остались без организации. Заполните реестр (код, "
                    "наименование, тип): строки листов направлений берут организации из него.",
                "register.empty");
            return;
        }
        for (const auto& o : orphans_)
            add(Severity::Error, o.sheet->name, o.row, o.col, "", o.field, o.value,
                "В строке есть данные, но нет организации: заполните её в реестре «Организации»." +
                    (o.rows > 1 ? " Таких строк на листе: " + std::to_string(o.rows) + " (первая — эта)."
                                : std::string()),
                "register.row_without_code");
    }

    // One cause must not bury the others: beyond kMaxFindingsPerRule findings of
    // one rule on one sheet, the rest are counted in one finding after them.
    void cap() {
        using Key = std::pair<std::string, std::string>;  // sheet, rule
        std::map<Key, std::size_t> seen, last_kept, dropped;
        std::vector<Finding> kept;
        kept.reserve(std::min<std::size_t>(report_.findings.size(), 4096));
        for (auto& f : report_.findings) {
            const Key key{f.sheet, f.rule};
            if (++seen[key] > kMaxFindingsPerRule) {
                ++dropped[key];
                continue;
            }
            kept.push_back(std::move(f));
            last_kept[key] = kept.size() - 1;
        }
        std::vector<std::pair<std::size_t, Finding>> closing;
        for (const auto& [key, n] : dropped) {
            const std::size_t after = last_kept[key];
            Finding more{kept[after].severity,
                         key.first,
                         -1,
                         -1,
                         "",
                         "",
                         "",
                         "… и ещё " + std::to_string(n) + " таких замечаний на листе «" + key.first + "» (правило " +
                             key.second + "): показаны первые " + std::to_string(kMaxFindingsPerRule) +
                             ". Скорее всего, у них одна причина: исправьте её и повторите проверку.",
                         key.second,
                         n};
            closing.emplace_back(after + 1, std::move(more));
        }
        // From the back, so that the positions of the earlier ones stay right.
        std::sort(closing.begin(), closing.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (auto& [at, f] : closing)
            kept.insert(kept.begin() + static_cast<std::ptrdiff_t>(at), std::move(f));
        report_.findings = std::move(kept);
    }

    void sort() {
        std::map<std::string, std::size_t> order;
        for (std::size_t i = 0; i < wb_.sheets.size(); ++i)
            order[wb_.sheets[i].name] = i;
        std::stable_sort(report_.findings.begin(), report_.findings.end(), [&](const Finding& a, const Finding& b) {
            auto key = [&](const Finding& f) {
                auto it = order.find(f.sheet);
                return std::make_tuple(static_cast<int>(f.severity), it == order.end() ? 0 : it->second + 1, f.row,
                                       f.col);
            };
            return key(a) < key(b);
        });
    }

    const Catalogue& c_;
    const WorkbookSnapshot& wb_;
    const FormLayout layout_;
    ValidationReport report_;
    const SheetSnapshot* passport_ = nullptr;
    std::optional<double> period_from_, period_to_;
    std::vector<int> registered_row_;  // per organisation: its row in the register, or -1
    std::size_t registered_ = 0;       // organisations in the register
    struct Orphans {                   // rows of a direction sheet with figures but no organisation
        const SheetSnapshot* sheet;
        int row, col;  // the first one's first figure
        std::string field, value;
        std::size_t rows;
    };
    std::vector<Orphans> orphans_;
    // Organisations met on the direction sheets, in order, and their figures.
    std::vector<std::string> codes_;
    std::unordered_map<std::string, std::size_t> org_index_;
    std::vector<std::pair<const Field*, Place>> figures_;  // as read
    std::vector<std::uint32_t> order_;    // figures_ by organisation, then field (after index_places())
    std::vector<std::size_t> org_begin_;  // organisation i's figures: order_[org_begin_[i] … org_begin_[i + 1])
    std::unordered_map<const Field*, std::vector<std::size_t>> orgs_with_;
    std::vector<std::size_t> all_orgs_;
};

}  // namespace

ValidationReport validate(const Catalogue& catalogue, const WorkbookSnapshot& workbook) {
    return Validator(catalogue, workbook).run();
}

}  // namespace msoko
