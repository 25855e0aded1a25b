// SPDX-License-Identifier: MPL-2.0
// The form writer: what a sub-form adds to a form — the instruction sheet,
// the block of its passport, which direction sheets it hides.
#include "form_writer.hpp"

#include "msoko/subform.hpp"
#include "msoko/text.hpp"

#include <utility>

namespace msoko::odf {

namespace {

// A text over both columns of the instruction sheet.
std::string wide_text(const std::string& text, const std::string& style) {
    return text_cell(text, style, " table:number-columns-spanned=\"2\" table:number-rows-spanned=\"1\"");
}

constexpr const char* kCovered = "<table:covered-table-cell/>";

}  // namespace

bool Writer::nothing_to_fill(const DirectionSheet& ds) const {
    if (d_.organisations.empty())
        return true;
    const std::string& type = d_.organisations.front().type;
    if (ds.row_of(type, 0) < 0)
        return true;
    for (std::size_t i = 0; i < ds.columns.size(); ++i)
        if (ds.columns[i].kind == FormColumn::Kind::Input && ds.role(i, type, false) == CellRole::Typed)
            return false;
    return true;
}

void Writer::subform_block(Sheet& sh) {
    const SubformBlock block = SubformBlock::of(layout_.passport);
    const int label = PassportLayout::kLabelColumn, value = PassportLayout::kValueColumn;
    sh.put(block.heading_row, label, text_cell(SubformBlock::kHeading, "ce_block_title"));
    for (const StampItem& item : block.items) {
        const std::string text = item.key == kSubformOrganisation       ? sub_->organisation
                                 : item.key == kSubformOrganisationName ? sub_->organisation_name
                                 : item.key == kSubformFormId           ? sub_->form_id
                                                                        : sub_->made_at;
        sh.put(item.row, label, text_cell(item.label, "ce_label"));
        sh.put(item.row, value, text_cell(text, "ce_ro"));
    }
    sh.print_range = range(kPassportSheet, 0, 0, block.last_row(), value);
}

Sheet Writer::instruction() {
    Sheet sh;
    sh.name = kInstructionSheet;
    sh.column_styles = {"co_label", "co_wide"};
    sh.row_styles[0] = "ro_title";
    const auto passport = [&](const char* key) {
        const auto it = d_.passport.find(key);
        return it == d_.passport.end() ? std::string() : it->second;
    };
    const RegisterEntry* org = d_.organisations.empty() ? nullptr : &d_.organisations.front();
    int r = 0;
    sh.put(r++, 0, text_cell("Форма организации: " + sub_->organisation_name, "ce_title"));
    sh.put(r++, 0, text_cell(c_.info.title, "ce_sub"));
    ++r;
    // Whose the form is.
    const std::pair<const char*, std::string> about[] = {
        {"Организация", org ? org->code + " — " + org->name : sub_->organisation},
        {"Муниципальное образование", passport("municipality")},
        {"Отчётный период", passport(kPassportPeriod)},
        {"Идентификатор формы муниципалитета", sub_->form_id},
        {"Форма организации создана", sub_->made_at}};
    for (const auto& [label, text] : about) {
        sh.put(r, 0, text_cell(label, "ce_label"));
        sh.put(r++, 1, text_cell(text, "ce_ro"));
    }
    ++r;
    sh.put(r++, 0, text_cell("Что сделать", "ce_block_title"));
    // The sheets the organisation fills, by name: the rest are hidden.
    std::vector<std::string> to_fill;
    for (const DirectionSheet& ds : layout_.directions)
        if (!nothing_to_fill(ds))
            to_fill.push_back("«" + ds.sheet + "»");
    const std::string steps[] = {
        "1. Заполните жёлтые ячейки на листах " + join(to_fill) +
            ": это данные вашей организации. Серые ячейки рассчитываются или защищены. Когда ячейка выбрана, "
            "рядом появляется подсказка: что в неё вносить.",
        std::string("2. На листе «") + kPassportSheet +
            "» укажите ответственного за заполнение, должность, телефон или электронную почту и дату заполнения.",
        "3. Проверьте форму: Данные → МСОКО → Проверить форму (нужно расширение МСОКО для LibreOffice Calc). "
        "Исправьте ошибки, просмотрите предупреждения; итог проверки должен сказать «форма организации готова к "
        "отправке в муниципалитет».",
        "4. Сохраните файл в формате ODF (.ods): Файл → Сохранить, «Использовать формат ODF». Отправьте в "
        "муниципалитет этот же файл.",
        "5. Не переименовывайте, не удаляйте и не переставляйте листы, не вставляйте и не удаляйте столбцы: "
        "муниципалитет собирает значения по их местам.",
        std::string("Листы направлений, на которых вашей организации нечего заполнять, и листы «") + kIndicatorsSheet +
            "» и «" + kProceduresSheet +
            "» скрыты: показатели муниципалитета рассчитываются после сбора форм всех организаций. Значения "
            "прошлого года в форме организации не нужны."};
    for (const std::string& step : steps) {
        sh.put(r, 0, wide_text(step, "ce_hint_wrap"));
        sh.put(r++, 1, kCovered);
    }
    ++r;
    sh.put(r++, 0, text_cell("Куда отправить заполненную форму", "ce_block_title"));
    const std::pair<const char*, const char*> contact[] = {{"responsible", "Ответственный в муниципалитете"},
                                                           {"position", "Должность"},
                                                           {"phone", "Телефон"},
                                                           {"email", "Электронная почта"}};
    bool any = false;
    for (const auto& [key, label] : contact) {
        const auto it = d_.subform_return_to.find(key);
        if (it == d_.subform_return_to.end() || trim(it->second).empty())
            continue;
        any = true;
        sh.put(r, 0, text_cell(label, "ce_label"));
        sh.put(r++, 1, text_cell(it->second, "ce_ro"));
    }
    if (!any) {
        sh.put(r, 0,
               wide_text("В форме муниципалитета не указан ответственный: узнайте в муниципальном органе управления "
                         "образованием, кому отправить форму.",
                         "ce_hint_wrap"));
        sh.put(r++, 1, kCovered);
    }
    sh.print_range = range(kInstructionSheet, 0, 0, r - 1, 1);
    return sh;
}

}  // namespace msoko::odf
