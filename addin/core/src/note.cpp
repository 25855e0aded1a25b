// SPDX-License-Identifier: MPL-2.0
// The explanatory note of the submission package as a flat ODF text document.
#include "msoko/note.hpp"

#include "note_document.hpp"

#include "msoko/explanations.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/text.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <cmath>
#include <cstdio>
#include <map>

namespace msoko {

namespace {

using note_odf::Note;
using note_odf::p;
using note_odf::para_text;
using note_odf::utf8_length;

// A Calc date serial (days since 30.12.1899) as «30.06.2025»; none outside Calc's dates.
std::string date_text(double serial) {
    if (!std::isfinite(serial) || serial < 1 || serial > 2958465 || serial != std::floor(serial))
        return {};
    const boost::gregorian::date d =
        boost::gregorian::date(1899, 12, 30) + boost::gregorian::days(static_cast<long>(serial));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02u.%02u.%04u", static_cast<unsigned>(d.day()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.year()));
    return buf;
}

// A passport value as the passport shows it: a date item's serial as a date.
std::string passport_value(const FormContents& form, const PassportItem& item) {
    const auto it = form.passport.find(item.key);
    if (it == form.passport.end())
        return {};
    if (item.type == FieldType::Date && it->second.kind() == Cell::Kind::Number) {
        const std::string d = date_text(it->second.number());
        if (!d.empty())
            return d;
    }
    return trim(form.passport_text(item.key));
}

// «Ольшанская В. Н.» of «Ольшанская Вера Николаевна»; any other spelling as typed.
std::string surname_and_initials(const std::string& full_name) {
    std::vector<std::string> words;
    std::string word;
    for (const char ch : trim(full_name) + " ") {
        if (ch == ' ') {
            if (!word.empty())
                words.push_back(word);
            word.clear();
        } else {
            word += ch;
        }
    }
    if (words.size() != 3)
        return trim(full_name);
    std::string out = words[0];
    for (std::size_t k = 1; k < 3; ++k) {
        const std::size_t n = utf8_length(words[k], 0);
        if (n == 0 || words[k].find('.') != std::string::npos)
            return trim(full_name);
        out += " " + words[k].substr(0, n) + ".";
    }
    return out;
}

// Last year's value and the dynamics as the form shows them: in its
// one-decimal number format (N_dec), the one shown_value() gives a share.
std::string one_decimal(double v) {
    static const Indicator share = [] {
        Indicator i;
        i.unit = "%";
        return i;
    }();
    IndicatorRow row;
    row.indicator = &share;
    return shown_value(row, Result::of(v), /*english=*/false);
}

constexpr const char* kDash = "—";

// --- the sections --------------------------------------------------------------------

// Where a finding is: its sheet and cell, its organisation (code and name) and
// its field (code and title), one paragraph each.
std::string place(const FormContents& form, const ReportRow& row) {
    std::string out;
    if (!row.sheet.empty())
        out += p("Table_20_Contents", "Лист «" + row.sheet + "»" + (row.cell.empty() ? "" : ", ячейка " + row.cell));
    if (!row.organisation.empty()) {
        const Organisation* org = form.workbook.organisation(row.organisation);
        out +=
            p("Table_20_Contents",
              row.organisation + (org && !org->name.empty() && org->name != row.organisation ? " — " + org->name : ""));
    }
    // The field, unless the message names it already: its code and the start of its title.
    if (!row.field.empty() && row.message.find(row.field) == std::string::npos)
        out += p("Table_20_Contents",
                 row.field + (row.field_title.empty() ? "" : " — " + truncate_utf8(row.field_title, 40)));
    return out.empty() ? p("Table_20_Contents", "Вся форма") : out;
}

// The findings of one severity: №, place, message (with the value the cell
// holds), and, when `explanations`, the user's explanation.
void findings(Note& note, const FormContents& form, const ReportModel& model, Severity severity, bool explanations) {
    std::vector<double> widths{1.0, 4.0, 6.5, 5.5};
    std::vector<std::string> head{"№", "Место", "Сообщение проверки", "Пояснение"};
    if (!explanations) {
        widths = {1.0, 4.0, 12.0};
        head.pop_back();
    }
    note.begin_table(widths, head);
    for (const auto& r : model.rows) {
        if (r.severity != severity)
            continue;
        note.begin_row();
        note.cell(p("MSOKO_20_Centre", std::to_string(r.number)));
        note.cell(place(form, r));
        std::string message = p("Table_20_Contents", r.message);
        if (!r.value.empty())
            message += p("Table_20_Contents", "В ячейке: " + r.value);
        const bool explained = !trim(r.explanation).empty();
        if (!explanations && explained)
            message += p("Table_20_Contents", "Пояснение: " + r.explanation);
        note.cell(message);
        if (explanations)
            note.cell(explained ? p("Table_20_Contents", r.explanation) : p("MSOKO_20_Missing", "Пояснение не дано"));
        note.end_row();
    }
    note.end_table();
}

// Each indicator's last-year cell on «Показатели» as the user typed it, by
// the indicator id in its row (where the check reads it).
std::map<std::string, Cell> last_year_cells(const WorkbookSnapshot& snapshot) {
    std::map<std::string, Cell> out;
    const SheetSnapshot* s = snapshot.sheet(kIndicatorsSheet);
    if (!s)
        return out;
    using C = IndicatorsColumns;
    for (std::size_t r = C::kFirstRow; r < s->rows; ++r) {
        const Cell& id = s->value(r, C::kId);
        if (id.kind() == Cell::Kind::Text && !trim(id.text()).empty())
            out.emplace(trim(id.text()), s->value(r, C::kLastYear));
    }
    return out;
}

// The municipal indicator table: code, title, unit, value as the form shows
// it, last year's value and the dynamics, under a row for each direction.
void indicator_table(Note& note, const Catalogue& catalogue, const WorkbookSnapshot& snapshot,
                     const std::vector<FormIndicator>& indicators, bool& missing_shown, bool& error_shown) {
    const FormLayout layout = form_layout(catalogue, {});
    const std::map<std::string, Cell> last_year = last_year_cells(snapshot);
    note.begin_table({1.9, 8.1, 1.5, 1.9, 1.8, 1.8},
                     {"Код", "Показатель", "Ед.", "Значение", "Прошлый год", "Динамика"});
    std::string direction;
    for (const FormIndicator& fi : indicators) {
        if (!fi.indicator)
            continue;
        const Indicator& ind = *fi.indicator;
        const IndicatorRow* row = layout.indicator_row(ind.id);
        if (!row)
            continue;
        if (ind.direction != direction) {
            direction = ind.direction;
            const Direction* d = catalogue.direction(direction);
            std::string title = direction;
            if (d)
                title += " " + (d->title.empty() ? d->short_title : d->title) +
                         (d->supplementary ? " (дополнительное направление)" : "");
            note.begin_row();
            note.cell(p("MSOKO_20_Group", title), "Group", 6);
            note.end_row();
        }
        const Result& r = fi.value.result;
        missing_shown |= r.status() == Result::Status::NotApplicable || r.status() == Result::Status::MissingData;
        error_shown |= r.status() == Result::Status::Invalid;
        std::string before = kDash, change = kDash;
        if (row->role(IndicatorsColumns::kLastYear) == CellRole::Typed) {
            const auto it = last_year.find(ind.id);
            const Cell last = it == last_year.end() ? Cell::empty() : it->second;
            if (last.kind() == Cell::Kind::Number) {
                before = one_decimal(last.number());
                if (r.status() == Result::Status::Value && std::isfinite(r.value() - last.number()))
                    change = one_decimal(r.value() - last.number());
            } else if (last.kind() == Cell::Kind::Text && !trim(last.text()).empty()) {
                before = last.text();  // as typed (the check says what is wrong with it)
            }
        }
        note.begin_row();
        note.cell(p("Table_20_Contents", ind.id));
        note.cell(ind.is_variant() ? p("MSOKO_20_Variant", ind.label.empty() ? ind.title : ind.label)
                                   : p("Table_20_Contents", ind.title));
        note.cell(p("Table_20_Contents", row->unit));
        note.cell(p("MSOKO_20_Number", shown_value(*row, r, /*english=*/false, fi.error)));
        note.cell(p("MSOKO_20_Number", before));
        note.cell(p("MSOKO_20_Number", change));
        note.end_row();
    }
    note.end_table();
}

// The signature block: the head of the education authority and the person
// responsible, their signatures and names, the date and the seal.
void signatures(Note& note, const FormContents& form) {
    const std::string responsible = trim(form.passport_text("responsible")),
                      position = trim(form.passport_text("position"));
    note.begin_table({7.5, 4.0, 5.5}, {}, /*borders=*/false, /*keep=*/true);
    const auto person = [&](const std::string& who, const std::string& what, const std::string& name) {
        note.begin_row();
        note.cell(p("Table_20_Contents", who) + (what.empty() ? "" : p("MSOKO_20_Caption_20_Left", what)));
        note.cell(p("Table_20_Contents", ""), "Line");
        note.cell(p("Table_20_Contents", "/ " + (name.empty() ? std::string(24, '_') : name) + " /"));
        note.end_row();
        note.begin_row();
        note.cell(p("Table_20_Contents", ""));
        note.cell(p("MSOKO_20_Caption", "(подпись)"));
        note.cell(p("MSOKO_20_Caption", "(фамилия, инициалы)"));
        note.end_row();
    };
    person("Руководитель органа управления образованием", "", "");
    person("Ответственный за заполнение", position, surname_and_initials(responsible));
    note.end_table();
    note.paragraph("Дата: «____» ________________ 20____ г.", "MSOKO_20_Signature");
    note.paragraph("М. П.", "MSOKO_20_Signature");
}

}  // namespace

std::string note_subtitle(const CatalogueInfo& info) {
    static const std::string monitoring = "Мониторинг ";
    const std::string title = trim(info.title);
    if (title.rfind(monitoring, 0) == 0)
        return "к результатам мониторинга " + title.substr(monitoring.size());
    if (title.empty())
        return "к результатам заполнения формы сбора первичных данных";
    return "к результатам заполнения формы «" + title + "»";
}

std::string explanatory_note_fodt(const Catalogue& catalogue, const WorkbookSnapshot& snapshot,
                                  const FormContents& form, const ReportModel& explained,
                                  const std::vector<FormIndicator>& indicators, const NoteMeta& meta) {
    const FormLayout layout = form_layout(catalogue, {});
    const auto passport = [&](const std::string& key) {
        const PassportItem* item = layout.passport.item(key);
        return item ? passport_value(form, *item) : trim(form.passport_text(key));
    };
    const std::string municipality = passport("municipality"), region = passport("region"), period = passport("period");
    Note note;

    note.paragraph("Пояснительная записка", "Title");
    note.paragraph(note_subtitle(catalogue.info), "Subtitle");
    if (!municipality.empty())
        note.paragraph(municipality + (region.empty() ? "" : ", " + region), "Subtitle");
    if (!period.empty())
        note.paragraph("Отчётный период: " + period, "Subtitle");

    // 1. Who, where, when, by which catalogue.
    note.heading("1. Общие сведения");
    note.begin_table({6.0, 11.0}, {});
    const auto item_row = [&](const std::string& label, const std::string& value) {
        note.row({label, value.empty() ? std::string(kDash) : value});
    };
    for (const char* key : {"region", "municipality", "period"})
        item_row(PassportLayout::label_of(key), passport(key));
    std::string responsible = passport("responsible");
    if (const std::string position = passport("position"); !position.empty())
        responsible += (responsible.empty() ? "" : ", ") + position;
    item_row("Ответственный за заполнение", responsible);
    std::vector<std::string> contacts;
    for (const char* key : {"phone", "email"})
        if (const std::string c = passport(key); !c.empty())
            contacts.push_back(c);
    item_row("Контакты", join(contacts));
    item_row(PassportLayout::label_of("date"), passport("date"));
    for (const auto& item : layout.passport.items)
        if (!item.org_type.empty())  // the counts of organisations the form expects
            item_row(item.label, passport(item.key));
    item_row("Каталог показателей",
             catalogue.info.title + " (" + catalogue.info.id + ", версия " + catalogue.info.version + ")");
    if (!meta.form_file.empty())
        item_row("Файл формы", meta.form_file);
    item_row("Подготовлено к отправке", meta.prepared_at_text);
    item_row("Версия расширения",
             meta.extension_version.empty() ? std::string() : "МСОКО для LibreOffice Calc " + meta.extension_version);
    note.end_table();

    // 2. The check.
    note.heading("2. Результат проверки формы");
    note.paragraph(explained.summary);
    if (explained.warnings > 0) {
        const std::size_t unexplained = unexplained_warnings(explained).size();
        note.paragraph(unexplained == 0
                           ? std::string("Ко всем предупреждениям проверки даны пояснения (раздел 4).")
                           : "Без пояснения осталось предупреждений: " + std::to_string(unexplained) + " (раздел 4).");
    }

    // 3. Completeness.
    note.heading("3. " + (explained.completeness_title.empty() ? std::string("Заполненность по направлениям")
                                                               : explained.completeness_title));
    if (explained.completeness.empty()) {
        note.paragraph("Проверка не нашла направлений с обязательными полями.");
    } else {
        // The report's own heads, but «Направление» for «Лист»: the direction's full title.
        std::vector<std::string> head = explained.completeness_header;
        if (head.size() != 4)
            head = {"Лист", "Полей", "Заполнено", "%"};
        head[0] = "Направление";
        note.begin_table({10.6, 2.2, 2.4, 1.8}, head);
        for (const auto& c : explained.completeness) {
            const Direction* d = catalogue.direction(c.direction);
            const std::string title = d ? c.direction + " " + (d->title.empty() ? d->short_title : d->title)
                                        : (c.sheet.empty() ? c.direction : c.sheet);
            note.begin_row();
            note.cell(p("Table_20_Contents", title));
            note.cell(p("MSOKO_20_Number", std::to_string(c.required)));
            note.cell(p("MSOKO_20_Number", std::to_string(c.filled)));
            note.cell(p("MSOKO_20_Number", c.percent_text));
            note.end_row();
        }
        note.end_table();
    }

    // 4. Warnings and their explanations (the errors first, should there be any).
    int section = 4;
    if (explained.errors > 0) {
        note.heading(std::to_string(section++) + ". Ошибки");
        note.paragraph("Форма не готова к отправке: проверка нашла ошибок — " + std::to_string(explained.errors) + ".");
        findings(note, form, explained, Severity::Error, /*explanations=*/true);
    }
    note.heading(std::to_string(section++) + ". Предупреждения проверки и пояснения к ним");
    if (explained.warnings == 0) {
        note.paragraph("Предупреждений нет.");
    } else {
        note.paragraph(
            "Предупреждение — значение, которое проверка считает возможным, но требующим объяснения. "
            "Всего предупреждений: " +
            std::to_string(explained.warnings) + ".");
        findings(note, form, explained, Severity::Warning, /*explanations=*/true);
    }

    // 5. The notes.
    note.heading(std::to_string(section++) + ". Сведения проверки");
    if (explained.notes == 0)
        note.paragraph("Сведений нет.");
    else
        findings(note, form, explained, Severity::Info, /*explanations=*/false);

    // 6. The municipal indicators.
    note.heading(std::to_string(section++) + ". Показатели муниципального уровня");
    bool missing_shown = false, error_shown = false;
    indicator_table(note, catalogue, snapshot, indicators, missing_shown, error_shown);
    std::string legend =
        "Значения — как на листе «" + std::string(kIndicatorsSheet) +
        "» формы. Динамика — значение минус значение прошлого года (для долей — в процентных пунктах).";
    if (missing_shown)
        legend += " #Н/Д — нет данных для расчёта.";
    if (error_shown)
        legend += " Ошибка:N — значение не может быть рассчитано (см. раздел «Ошибки»).";
    note.paragraph(legend, "MSOKO_20_Legend");

    // The signatures.
    note.heading("Подписи");
    signatures(note, form);

    std::string made = "Записка составлена расширением «МСОКО для LibreOffice Calc»";
    if (!meta.extension_version.empty())
        made += " версии " + meta.extension_version;
    if (!meta.prepared_at_text.empty())
        made += " " + meta.prepared_at_text;
    made += " по форме" + (meta.form_file.empty() ? std::string() : " «" + meta.form_file + "»") + " (каталог " +
            catalogue.info.id + " " + catalogue.info.version + ").";
    note.paragraph(made, "MSOKO_20_Legend");

    std::vector<std::string> footer;
    if (!municipality.empty())
        footer.push_back(municipality);
    if (!period.empty())
        footer.push_back(period);
    return note.document(
        "Пояснительная записка " + note_subtitle(catalogue.info) + (municipality.empty() ? "" : " — " + municipality),
        footer.empty() ? "Пояснительная записка" : "Пояснительная записка · " + join(footer, " · "));
}

}  // namespace msoko
