// SPDX-License-Identifier: MPL-2.0
#pragma once
// The check as the integration tests drive it: the menu's commands
// dispatched on a document's frame, and what they left in it.

#include "support.hxx"

#include <map>

namespace msoko::test::validation {

struct Row {
    std::string severity, sheet, cell, organisation, field, value, message, rule;
    std::string field_title, checked;  ///< «Поле» (the field's title) and «Что проверено»
    std::string explanation;           ///< «Пояснение»: what the user typed
    sal_Int32 report_row = -1;         ///< the finding's row on the report sheet
};

// The report sheet's column of each header («Уровень», «Код» …), from its row «№».
inline std::map<std::string, sal_Int32> report_columns(const Reference<css::sheet::XSpreadsheet>& s, sal_Int32 header) {
    std::map<std::string, sal_Int32> out;
    for (sal_Int32 c = 0; c < 24; ++c)
        if (const std::string head = text(s->getCellByPosition(c, header)); !head.empty())
            out.emplace(head, c);
    return out;
}

// Dispatches org.msoko.calc:Validate on the document's frame and reads back the report sheet.
inline std::vector<Row> validate(Office& office, const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                 std::string* summary = nullptr) {
    Reference<css::frame::XModel> model(doc, UNO_QUERY_THROW);
    Reference<css::frame::XDispatchProvider> frame(model->getCurrentController()->getFrame(), UNO_QUERY_THROW);
    css::frame::DispatchHelper::create(office.context())
        ->executeDispatch(frame, "org.msoko.calc:Validate", "_self", 0, {});
    EXPECT_TRUE(doc->getSheets()->hasByName(ou("Проверка"))) << "no report sheet";
    std::vector<Row> rows;
    if (!doc->getSheets()->hasByName(ou("Проверка")))
        return rows;
    auto s = sheet(doc, "Проверка");
    if (summary)
        *summary = text(cell(s, "A2"));
    sal_Int32 r = 0;
    while (text(s->getCellByPosition(0, r)) != "№" && r < 200)
        ++r;
    const auto columns = report_columns(s, r);
    auto at = [&](const char* head, sal_Int32 row) {
        const auto c = columns.find(head);
        EXPECT_NE(c, columns.end()) << "the report has no column «" << head << "»";
        return c == columns.end() ? std::string() : text(s->getCellByPosition(c->second, row));
    };
    for (++r; !text(s->getCellByPosition(0, r)).empty(); ++r) {
        Row row;
        row.severity = at("Уровень", r);
        row.sheet = at("Лист", r);
        row.cell = at("Ячейка", r);
        row.organisation = at("Организация", r);
        row.field = at("Код", r);
        row.value = at("Значение", r);
        row.message = at("Сообщение", r);
        row.rule = at("Правило", r);
        row.field_title = at("Поле", r);
        row.checked = at("Что проверено", r);
        row.explanation = at("Пояснение", r);
        row.report_row = r;
        rows.push_back(row);
    }
    return rows;
}

inline std::size_t count(const std::vector<Row>& rows, const std::string& severity) {
    return static_cast<std::size_t>(
        std::count_if(rows.begin(), rows.end(), [&](const Row& r) { return r.severity == severity; }));
}

// Every cell's formula or constant, outside the report.
inline std::map<std::string, std::string> everything(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    std::map<std::string, std::string> out;
    Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        auto s = sheet_at(doc, i);
        if (name_of(s) != "Проверка")
            out[name_of(s)] = contents(s);
    }
    return out;
}

inline void dispatch(Office& office, const Reference<css::sheet::XSpreadsheetDocument>& doc, const char* command) {
    Reference<css::frame::XModel> model(doc, UNO_QUERY_THROW);
    Reference<css::frame::XDispatchProvider> frame(model->getCurrentController()->getFrame(), UNO_QUERY_THROW);
    css::frame::DispatchHelper::create(office.context())->executeDispatch(frame, ou(command), "_self", 0, {});
}

// The add-in's log in the office's profile.
inline std::string log_of(const Office& office) {
    std::ifstream log(office.profile() / "user" / "msoko" / "msoko.log");
    std::stringstream all;
    all << log.rdbuf();
    return all.str();
}

// Number of conditional-format entries of the check's styles on a cell.
inline int marks_on(const Reference<css::table::XCell>& c) {
    Reference<css::container::XIndexAccess> entries(
        Reference<css::beans::XPropertySet>(c, UNO_QUERY_THROW)->getPropertyValue("ConditionalFormat"),
        UNO_QUERY_THROW);
    int n = 0;
    for (sal_Int32 i = 0; i < entries->getCount(); ++i)
        n += u8(Reference<css::sheet::XSheetConditionalEntry>(entries->getByIndex(i), UNO_QUERY_THROW)->getStyleName())
                 .rfind(msoko::kMarkStylePrefix, 0) == 0;
    return n;
}

}  // namespace msoko::test::validation
