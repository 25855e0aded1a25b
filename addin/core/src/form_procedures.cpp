// SPDX-License-Identifier: MPL-2.0
// The form writer: «Процедуры оценки», the municipality's assessment
// procedures (seed 003's bank), by the contract's ProceduresColumns.
#include "form_writer.hpp"

#include "msoko/text.hpp"

namespace msoko::odf {

namespace {

// Calc's date serials of 01.01.1990 and 31.12.2099: the dates a document may have.
constexpr int kFirstDocumentDay = 32874, kLastDocumentDay = 73050;

// `"a";"b"` for a list validity.
std::string list_of(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : ";") + quote(i);
    return out;
}

}  // namespace

Sheet Writer::procedures() {
    using C = ProceduresColumns;
    const ProceduresLayout& pl = layout_.procedures;
    Sheet sh;
    sh.name = kProceduresSheet;
    sh.column_styles = {"co_type", "co_short", "co_short", "co_level", "co_doc",  "co_dir",
                        "co_doc",  "co_doc",   "co_doc",   "co_num",   "co_short"};
    sh.row_styles[C::kTitleRow] = "ro_title";
    sh.put(C::kTitleRow, 0, text_cell("Процедуры оценки качества образования муниципалитета", "ce_title"));
    sh.put(C::kTitleRow + 1, 0,
           text_cell("Муниципальные и институциональные процедуры оценки, применяемые в практике: объект (направление "
                     "МСОКО), метод, периодичность, утверждающий документ. Региональный центр собирает их в единый "
                     "банк процедур муниципалитетов.",
                     "ce_sub"));
    std::vector<std::string> heads;
    for (int i = 0; i < C::kCount; ++i) {
        sh.put(C::kHeaderRow, i, text_cell(C::head(i), "ce_head"));
        heads.emplace_back(C::head(i));
    }
    sh.row_styles[C::kHeaderRow] = header_row_style(heads, 2.3);  // the narrowest columns but «№»
    sh.header_rows_first = C::kHeaderRow;
    sh.header_rows_last = C::kHeaderRow;
    apply_pane(sh);

    // The input help of each column: what to type, who fills it, required or not.
    const auto text_validity = [&](int column, const std::string& note) {
        Field f;
        f.title = C::head(column);
        f.type = FieldType::Text;
        f.filled_by = kMunicipalityCode;
        f.required = C::required(column);
        f.note = note;
        return validity(f, f.required ? "обязательно, когда строка заполнена" : "");
    };
    std::vector<std::string> objects;
    for (const auto& d : c_.directions)
        objects.push_back(procedure_object_text(d));
    const std::string who = " Заполняет " + std::string(kMunicipalityCode) + "; обязательно, когда строка заполнена.";
    std::string val[C::kCount];
    val[C::kName] = text_validity(
        C::kName, "Например: «Муниципальный мониторинг читательской грамотности обучающихся 5-х классов»");
    val[C::kObject] = " table:content-validation-name=\"" +
                      validations_.add("of:cell-content-is-in-list(" + list_of(objects) + ")", C::head(C::kObject),
                                       "Направление МСОКО, которое оценивает процедура: выберите из списка." + who,
                                       "Выберите направление МСОКО из списка.", true) +
                      "\"";
    val[C::kLevel] =
        " table:content-validation-name=\"" +
        validations_.add("of:cell-content-is-in-list(" + list_of(procedure_levels()) + ")", C::head(C::kLevel),
                         "«муниципальный» — процедуру проводит муниципалитет во всех или многих "
                         "организациях; «институциональный» — организация у себя." +
                             who,
                         "Выберите «муниципальный» или «институциональный» из списка.", true) +
        "\"";
    val[C::kMethod] =
        text_validity(C::kMethod, "Например: диагностическая работа, анкетирование, наблюдение, экспертиза документов");
    val[C::kFrequency] =
        " table:content-validation-name=\"" +
        validations_.add("of:cell-content-is-in-list(" + list_of(procedure_frequencies()) + ")", C::head(C::kFrequency),
                         "Выберите из списка или впишите свою (например, «в апреле и октябре»). Заполняет " +
                             std::string(kMunicipalityCode) + "; необязательно.",
                         "", true, /*any_text=*/true) +
        "\"";
    val[C::kParticipants] = text_validity(C::kParticipants,
                                          "Кого оценивают: например, «обучающиеся 5-х классов», "
                                          "«педагоги ДОО», «руководители ОО»");
    val[C::kConductedBy] = text_validity(
        C::kConductedBy, "Орган или организация: например, «Управление образования», «МКУ «Методический центр»»");
    val[C::kDocument] = text_validity(C::kDocument,
                                      "Вид и номер документа, которым процедура утверждена: например, "
                                      "«Приказ УО № 45-од»; дата — в следующем столбце");
    val[C::kDate] =
        " table:content-validation-name=\"" +
        validations_.add("of:cell-content-is-date() and cell-content-is-between(" + std::to_string(kFirstDocumentDay) +
                             "," + std::to_string(kLastDocumentDay) + ")",
                         C::head(C::kDate),
                         "Дата утверждающего документа в виде ДД.ММ.ГГГГ, не раньше 1990 года и не позже сегодняшнего "
                         "дня. Заполняет " +
                             std::string(kMunicipalityCode) + "; необязательно.",
                         "Нужна дата в виде ДД.ММ.ГГГГ (1990–2099).") +
        "\"";
    val[C::kUse] = text_validity(C::kUse,
                                 "Как используются результаты: например, «адресная методическая помощь "
                                 "школам», «корректировка муниципальной программы»");

    Field date;
    date.type = FieldType::Date;
    for (std::size_t i = 0; i < pl.rows; ++i) {
        const int r = pl.first_row() + static_cast<int>(i);
        sh.put(r, C::kNumber, number_cell(static_cast<double>(i + 1), "ce_ro"));
        const ProcedureEntry* p = i < d_.procedures.size() ? &d_.procedures[i] : nullptr;
        std::string object;
        if (p) {
            const Direction* d = c_.direction(p->direction);
            object = d ? procedure_object_text(*d) : p->direction;  // an unknown one as typed
        }
        const std::string texts[C::kCount] = {"",
                                              p ? p->name : "",
                                              object,
                                              p ? p->level : "",
                                              p ? p->method : "",
                                              p ? p->frequency : "",
                                              p ? p->participants : "",
                                              p ? p->conducted_by : "",
                                              p ? p->document : "",
                                              p ? p->document_date : "",
                                              p ? p->use : ""};
        for (int col = C::kName; col < C::kCount; ++col) {
            const Cell v = texts[col].empty() ? Cell::empty() : Cell::text(texts[col]);
            if (sub_) {  // a sub-form: the municipality's sheet, hidden and protected
                sh.put(r, col, empty_cell("ce_na"));
                continue;
            }
            sh.put(r, col,
                   typed_cell(v, col == C::kDate ? &date : nullptr, col == C::kDate ? "ce_in_date" : "ce_in_wrap",
                              val[col]));
        }
    }
    names_["procedures_table"] = range(kProceduresSheet, C::kHeaderRow, 0, pl.last_row(), C::kCount - 1);
    sh.print_range = range(kProceduresSheet, 0, 0, std::max(pl.last_row(), C::kHeaderRow), C::kCount - 1);
    return sh;
}

}  // namespace msoko::odf
