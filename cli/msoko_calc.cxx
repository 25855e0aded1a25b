// SPDX-License-Identifier: MPL-2.0
// msoko-calc: runs a workbook through a private headless LibreOffice with the
// МСОКО extension installed and prints what its МСОКО formulas compute.
//
//   msoko-calc report [--lang ru|en] [--oxt FILE] [--keep-profile] WORKBOOK
//   msoko-calc convert [--oxt FILE] WORKBOOK OUT.ods|OUT.fods|OUT.pdf
//   msoko-calc indicators [--lang ru|en] [--oxt FILE] FORM   the municipal indicator table
//   msoko-calc check [--tsv] [--save OUT.ods] [--oxt FILE] [--keep-profile] FORM   the check before submission,
//                                                                                as the menu runs it
//
// Exit codes: 0 done (check: the form is ready); 1 the workbook could not be
// processed (the reason in Russian on standard error); 2 usage error; 3
// (check) the form has errors; 130/143 interrupted by SIGINT/SIGTERM.

#include "form_view.hxx"
#include "msoko/catalogue.hpp"
#include "office/office.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/io/IOException.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/IndexOutOfBoundsException.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XText.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <regex>
#include <string>
#include <vector>

#ifndef MSOKO_DEFAULT_OXT
#define MSOKO_DEFAULT_OXT ""
#endif

namespace {

namespace fs = std::filesystem;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

std::string u8(const OUString& s) {
    return rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8).getStr();
}

// Our formulas are stored under the add-in's service name, whatever the UI language.
constexpr const char* kAddInPrefix = "ORG.MSOKO.CALC.FUNCTIONS.";

struct Options {
    std::string command;
    fs::path workbook;
    fs::path output;
    fs::path oxt = MSOKO_DEFAULT_OXT;
    std::string lang = "ru";
    bool keep_profile = false;
    bool tsv = false;
    fs::path save;  ///< check: where to store the checked copy
};

void usage(std::ostream& out) {
    out << "Использование / usage:\n"
           "  msoko-calc report [--lang ru|en] [--oxt FILE] [--keep-profile] WORKBOOK\n"
           "  msoko-calc convert [--oxt FILE] WORKBOOK OUT.ods|OUT.fods|OUT.pdf\n"
           "  msoko-calc indicators [--lang ru|en] [--oxt FILE] FORM\n"
           "  msoko-calc check [--tsv] [--save OUT.ods] [--oxt FILE] [--keep-profile] FORM\n\n"
           "Открывает книгу в скрытом LibreOffice с установленным расширением МСОКО,\n"
           "пересчитывает её и печатает каждую формулу МСОКО с её результатом.\n"
           "Opens the workbook in a hidden LibreOffice with the МСОКО extension installed,\n"
           "recalculates it and prints every МСОКО formula with its result; convert saves it\n"
           "recalculated in another format.\n"
           "check проверяет форму перед отправкой, как команда меню «Проверить форму»: печатает\n"
           "итог, заполненность и каждое замечание (--tsv: строки «уровень, лист, ячейка, организация,\n"
           "поле, значение, сообщение, правило» через табуляцию); файл не изменяется (--save: копия\n"
           "с листом «Проверка» и отметками). Код выхода 0 — форма готова, 3 — в форме есть ошибки,\n"
           "1 — файл не удалось проверить (причина — в сообщении).\n"
           "check runs the check before submission as the menu does and prints the summary,\n"
           "completeness and every finding; the file is not changed (--save: a copy with the report\n"
           "sheet and the marks); exit code 0 when the form is ready, 3 when it has errors, 1 when the file\n"
           "could not be checked (the message says why).\n";
}

std::string column_name(sal_Int32 col) {
    std::string s;
    for (++col; col > 0; col = (col - 1) / 26)
        s.insert(s.begin(), static_cast<char>('A' + (col - 1) % 26));
    return s;
}

// Display width of UTF-8 text (code points; enough for Cyrillic and Latin).
std::size_t width(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The first `n` code points of UTF-8 text, with an ellipsis when cut.
std::string truncate(const std::string& s, std::size_t n) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((s[i] & 0xC0) != 0x80 && count++ == n)
            return s.substr(0, i) + "…";
    }
    return s;
}

std::string pad(const std::string& s, std::size_t w) {
    return s + std::string(w > width(s) ? w - width(s) : 0, ' ');
}

struct Row {
    std::string address;
    std::string label;
    std::string formula;
    std::string result;
    bool error = false;
};

// The label of a row: the text cells left of the formula (the organisation's
// code and name in the form), so the reader sees what was computed.
std::string row_label(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 row, sal_Int32 before_col) {
    std::string label;
    for (sal_Int32 c = 0; c < std::min<sal_Int32>(before_col, 2); ++c) {
        auto cell = sheet->getCellByPosition(c, row);
        if (cell->getType() != css::table::CellContentType_TEXT)
            continue;
        const std::string t = u8(Reference<css::text::XText>(cell, UNO_QUERY_THROW)->getString());
        if (!t.empty())
            label += (label.empty() ? "" : " ") + t;
    }
    return truncate(label, 44);
}

int report(const Options& opt) {
    msoko::office::Options office_options;
    office_options.extension = opt.oxt;
    office_options.ui_locale = opt.lang == "en" ? "en-US" : "ru-RU";
    office_options.keep_profile = opt.keep_profile;

    std::cerr << "Запуск LibreOffice с расширением " << opt.oxt.filename().string() << " …\n";
    msoko::office::Office office(office_options);
    auto doc = office.open(opt.workbook, msoko::office::Office::Access::ReadOnly);
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();

    std::cout << "Книга / workbook: " << opt.workbook.filename().string() << "\n";
    Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    std::size_t total = 0, errors = 0;
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(i), UNO_QUERY_THROW);
        const std::string name = u8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
        auto formulas = Reference<css::sheet::XCellRangesQuery>(sheet, UNO_QUERY_THROW)
                            ->queryContentCells(css::sheet::CellFlags::FORMULA);
        auto cells =
            Reference<css::container::XEnumerationAccess>(formulas->getCells(), UNO_QUERY_THROW)->createEnumeration();
        std::map<std::pair<sal_Int32, sal_Int32>, Row> rows;  // (row, column) → line, in sheet order
        while (cells->hasMoreElements()) {
            Reference<css::table::XCell> cell(cells->nextElement(), UNO_QUERY_THROW);
            if (u8(cell->getFormula()).find(kAddInPrefix) == std::string::npos)
                continue;
            const auto addr = Reference<css::sheet::XCellAddressable>(cell, UNO_QUERY_THROW)->getCellAddress();
            Row r;
            r.address = column_name(addr.Column) + std::to_string(addr.Row + 1);
            r.label = row_label(sheet, addr.Row, addr.Column);
            OUString local;
            Reference<css::beans::XPropertySet>(cell, UNO_QUERY_THROW)->getPropertyValue("FormulaLocal") >>= local;
            r.formula = u8(local);
            r.result = u8(Reference<css::text::XText>(cell, UNO_QUERY_THROW)->getString());
            r.error = cell->getError() != 0;
            rows[{addr.Row, addr.Column}] = std::move(r);
        }
        if (rows.empty())
            continue;
        std::size_t wa = 6, wl = 0, wf = 0;
        for (const auto& [k, r] : rows) {
            wa = std::max(wa, width(r.address));
            wl = std::max(wl, width(r.label));
            wf = std::max(wf, width(r.formula));
        }
        std::cout << "\nЛист «" << name << "»\n";
        for (const auto& [k, r] : rows) {
            std::cout << "  " << pad(r.address, wa) << "  " << pad(r.label, wl) << "  " << pad(r.formula, wf) << "  = "
                      << r.result << "\n";
            ++total;
            errors += r.error ? 1 : 0;
        }
    }
    std::cout << "\nФормул МСОКО: " << total << ", из них с ошибкой или #Н/Д: " << errors << "\n";
    msoko::office::Office::close(doc);
    if (opt.keep_profile)
        std::cerr << "Профиль сохранён / profile kept: " << office.profile().string() << "\n";
    return 0;
}

// The municipal indicator table of a form («Показатели»): what a specialist
// wants to see first.
int indicators(const Options& opt) {
    msoko::office::Options office_options;
    office_options.extension = opt.oxt;
    office_options.ui_locale = opt.lang == "en" ? "en-US" : "ru-RU";
    std::cerr << "Запуск LibreOffice с расширением " << opt.oxt.filename().string() << " …\n";
    msoko::office::Office office(office_options);
    auto doc = office.open(opt.workbook, msoko::office::Office::Access::ReadOnly);
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
    auto sheets = doc->getSheets();
    const OUString name = OUString::fromUtf8("Показатели");
    for (const char* needed : {"Показатели", "Паспорт"}) {
        if (!sheets->hasByName(OUString::fromUtf8(needed))) {
            std::cerr << "msoko-calc: в книге нет листа «" << needed
                      << "» — это не форма МСОКО или лист удалён / not an МСОКО form: no sheet «" << needed << "»\n";
            msoko::office::Office::close(doc);
            return 1;
        }
    }
    Reference<css::sheet::XSpreadsheet> sheet(sheets->getByName(name), UNO_QUERY_THROW);
    auto text_of = [](const Reference<css::table::XCell>& c) {
        return u8(Reference<css::text::XText>(c, UNO_QUERY_THROW)->getString());
    };
    auto passport_value = [&](const char* label_row) {
        Reference<css::sheet::XSpreadsheet> p(sheets->getByName(OUString::fromUtf8("Паспорт")), UNO_QUERY_THROW);
        return text_of(p->getCellRangeByName(OUString::createFromAscii(label_row))->getCellByPosition(0, 0));
    };
    std::cout << "Форма: " << opt.workbook.filename().string() << " — " << passport_value("B4") << ", "
              << passport_value("B6") << " (каталог " << passport_value("B14") << " " << passport_value("B15") << ")\n";
    std::size_t total = 0, values = 0, missing = 0, errors = 0;
    std::string direction;
    for (sal_Int32 r = 3;; ++r) {
        const std::string id = text_of(sheet->getCellByPosition(0, r));
        if (id.empty())
            break;
        const std::string dir = text_of(sheet->getCellByPosition(1, r));
        if (dir != direction) {
            direction = dir;
            // The direction's sheet is named «<id> <short title>».
            std::string title = direction;
            for (const auto& n : sheets->getElementNames())
                if (u8(n).rfind(direction + " ", 0) == 0)
                    title = u8(n);
            std::cout << "\n" << title << "\n";
        }
        auto value_cell = sheet->getCellByPosition(4, r);
        const sal_Int32 error = value_cell->getError();
        std::string value = text_of(value_cell);
        ++total;
        if (error == 32767)
            ++missing;
        else if (error != 0)
            ++errors;
        else
            ++values;
        const std::string unit = text_of(sheet->getCellByPosition(3, r));
        std::cout << "  " << pad(id, 9) << " " << pad(truncate(text_of(sheet->getCellByPosition(2, r)), 70), 72) << " "
                  << std::string(value.size() < 10 ? 10 - width(value) : 0, ' ') << value << " "
                  << (error              ? ""
                      : unit == "да/нет" ? ""
                                         : unit)
                  << "\n";
    }
    std::cout << "\nПоказателей: " << total << "; рассчитано: " << values << ", нет данных (#Н/Д): " << missing
              << ", ошибок: " << errors << "\n";
    msoko::office::Office::close(doc);
    return 0;
}

// Stores a copy of the document under an export filter and says so; an
// OfficeError names why it could not.
void store(const Reference<css::sheet::XSpreadsheetDocument>& doc, const fs::path& out, const char* filter) {
    const fs::path dir = fs::absolute(out).parent_path();
    if (std::error_code ec; !fs::is_directory(dir, ec))
        throw msoko::office::OfficeError("нет такой папки / no such directory: " + dir.string() + " (" + out.string() +
                                         " не записан / not written)");
    css::uno::Sequence<css::beans::PropertyValue> args(1);
    args.getArray()[0].Name = "FilterName";
    args.getArray()[0].Value <<= OUString::createFromAscii(filter);
    try {
        Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)
            ->storeToURL(OUString::createFromAscii(msoko::office::file_url(out).c_str()), args);
    } catch (const css::io::IOException&) {
        throw msoko::office::OfficeError(
            "не удалось записать файл (нет прав на запись, файл открыт только для чтения или диск заполнен) / cannot "
            "write: " +
            out.string());
    }
    std::cerr << "Записано / written: " << out.string() << "\n";
}

// Why an add-in command failed, from the add-in's log: its dispatcher logs
// "command NAME failed: REASON" at level error (the message box it also shows
// has no one to see it in a headless office). Empty when there is no such entry.
std::string command_failure(const fs::path& log, const std::string& command) {
    std::ifstream in(log);
    static const std::regex entry(R"(^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2})");
    const std::string marker = "command " + command + " failed: ";
    std::string line, reason;
    bool continued = false;  // a reason may span lines; an entry starts with its time
    while (std::getline(in, line)) {
        if (std::regex_search(line, entry)) {
            const auto at = line.find(marker);
            continued = at != std::string::npos && line.find("[error]") != std::string::npos;
            if (continued)
                reason = line.substr(at + marker.size());
        } else if (continued) {
            reason += "\n" + line;
        }
    }
    return msoko::office::without_source_locations(reason);
}

// Opens, recalculates and stores under the filter the output's extension names.
int convert(const Options& opt) {
    const std::string ext = opt.output.extension().string();
    const char* filter = ext == ".ods"    ? "calc8"
                         : ext == ".fods" ? "OpenDocument Spreadsheet Flat XML"
                         : ext == ".pdf"  ? "calc_pdf_Export"
                                          : nullptr;
    if (!filter) {
        std::cerr << "msoko-calc: неизвестный формат / unknown format: " << ext << " (.ods, .fods, .pdf)\n";
        return 2;
    }
    msoko::office::Options office_options;
    office_options.extension = opt.oxt;
    office_options.ui_locale = opt.lang == "en" ? "en-US" : "ru-RU";
    msoko::office::Office office(office_options);
    auto doc = office.open(opt.workbook, msoko::office::Office::Access::ReadOnly, /*with_view=*/true);
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
    if (doc->getSheets()->hasByName(OUString::fromUtf8("Паспорт")))  // a form: keep its headers in view
        msoko::uno::freeze_panes(doc, msoko::read_catalogue(MSOKO_DEFAULT_CATALOGUE));
    store(doc, opt.output, filter);
    msoko::office::Office::close(doc);
    return 0;
}

// The check before submission exactly as the menu runs it: the add-in's
// command on the document's frame; its report sheet is read back and printed.
// It runs on a private copy, which takes the report sheet (a document opened
// read-only would not) whatever the file's permissions or another user's lock;
// the file itself is only read.
int check(const Options& opt) {
    msoko::office::Options office_options;
    office_options.extension = opt.oxt;
    office_options.keep_profile = opt.keep_profile;
    msoko::office::Office office(office_options);
    auto doc = office.open(opt.workbook, msoko::office::Office::Access::Copy, /*with_view=*/true);
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
    Reference<css::frame::XDispatchProvider> frame(
        Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame(), UNO_QUERY_THROW);
    // A form saved after an earlier check holds its report: removed first, so
    // that only this check's report can be read back.
    const OUString name = OUString::fromUtf8("Проверка");
    if (doc->getSheets()->hasByName(name))
        doc->getSheets()->removeByName(name);
    css::frame::DispatchHelper::create(office.context())
        ->executeDispatch(frame, "org.msoko.calc:Validate", "_self", 0, {});
    if (!doc->getSheets()->hasByName(name)) {
        msoko::office::Office::close(doc);
        const std::string reason = command_failure(office.log(), "Validate");
        if (!reason.empty()) {
            std::cerr << "msoko-calc: проверка не выполнена: " << reason << " / the check did not run\n";
        } else {
            office.keep_profile();  // its log is all there is to go on
            std::cerr << "msoko-calc: проверка не выполнена, причина не записана; журнал расширения: "
                      << office.log().string()
                      << " / the check did not run; the extension's log: " << office.log().string() << "\n";
        }
        return 1;
    }
    if (opt.keep_profile)
        std::cerr << "Профиль сохранён / profile kept: " << office.profile().string() << "\n";
    if (!opt.save.empty())  // the checked copy, opening on its report
        store(doc, opt.save, "calc8");
    Reference<css::sheet::XSpreadsheet> sheet(doc->getSheets()->getByName(name), UNO_QUERY_THROW);
    auto cursor = sheet->createCursor();
    Reference<css::sheet::XUsedAreaCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
    const auto end = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
    const auto data =
        Reference<css::sheet::XCellRangeData>(
            sheet->getCellRangeByPosition(0, 0, std::min<sal_Int32>(end.EndColumn, 8), end.EndRow), UNO_QUERY_THROW)
            ->getDataArray();
    msoko::office::Office::close(doc);
    auto at = [&](sal_Int32 r, sal_Int32 c) {
        if (r >= data.getLength() || c >= data[r].getLength())
            return std::string();
        OUString s;
        double d = 0;
        if (data[r][c] >>= s)
            return u8(s);
        if (data[r][c] >>= d)
            return std::to_string(static_cast<long long>(d));
        return std::string();
    };
    const std::string summary = at(1, 0);
    sal_Int32 header = 0;
    while (header < data.getLength() && at(header, 0) != "№")
        ++header;
    std::size_t errors = 0;
    if (opt.tsv) {
        // One finding a line: tabs and line breaks typed in a value are escaped.
        auto field = [](std::string s) {
            std::string out;
            for (char ch : s)
                out += ch == '\t'   ? std::string("\\t")
                       : ch == '\n' ? std::string("\\n")
                       : ch == '\r' ? std::string("\\r")
                                    : std::string(1, ch);
            return out;
        };
        for (sal_Int32 r = header + 1; r < data.getLength(); ++r) {
            for (sal_Int32 c = 1; c <= 8; ++c)
                std::cout << field(at(r, c)) << (c < 8 ? "\t" : "\n");
            errors += at(r, 1) == "Ошибка";
        }
    } else {
        std::cout << "Проверка формы: " << opt.workbook.filename().string() << "\n" << summary << "\n";
        if (header > 6) {
            std::cout << "\nЗаполненность обязательных полей:\n";
            for (sal_Int32 r = 5; r < header; ++r)
                if (!at(r, 2).empty())
                    std::cout << "  " << pad(truncate(at(r, 2), 40), 42) << std::setw(6) << at(r, 5) << " %\n";
        }
        if (header + 1 < data.getLength())
            std::cout << "\n";
        for (sal_Int32 r = header + 1; r < data.getLength(); ++r) {
            const std::string place = at(r, 3).empty() ? at(r, 2) : at(r, 2) + "!" + at(r, 3);
            std::cout << pad(at(r, 1), 15) << " " << place << "\n    " << at(r, 7) << " [" << at(r, 8) << "]\n";
            errors += at(r, 1) == "Ошибка";
        }
    }
    return errors ? 3 : 0;
}

// A LibreOffice exception as the user reads it: what went wrong in Russian,
// then what the office said, without its source locations.
std::string office_failure(const char* reason, const OUString& message) {
    const std::string said = msoko::office::without_source_locations(u8(message));
    return std::string(reason) + (said.empty() ? "" : ": " + said);
}

}  // namespace

int main(int argc, char** argv) {
    // First, before any thread: Ctrl+C leaves no office or profile behind.
    msoko::office::clean_up_on_signals("msoko-calc");
    Options opt;
    std::vector<std::string> args(argv + 1, argv + argc);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) {
                std::cerr << "msoko-calc: " << a << " требует значения / needs a value\n";
                std::exit(2);
            }
            return args[++i];
        };
        if (a == "-h" || a == "--help") {
            usage(std::cout);
            return 0;
        } else if (a == "--lang") {
            opt.lang = value();
        } else if (a == "--oxt") {
            opt.oxt = value();
        } else if (a == "--save") {
            opt.save = value();
        } else if (a == "--tsv") {
            opt.tsv = true;
        } else if (a == "--keep-profile") {
            opt.keep_profile = true;
        } else if (opt.command.empty()) {
            opt.command = a;
        } else if (opt.workbook.empty()) {
            opt.workbook = a;
        } else if (opt.command == "convert" && opt.output.empty()) {
            opt.output = a;
        } else {
            usage(std::cerr);
            return 2;
        }
    }
    const bool known = opt.command == "report" || opt.command == "indicators" || opt.command == "check" ||
                       (opt.command == "convert" && !opt.output.empty());
    if (!known || opt.workbook.empty() || (opt.lang != "ru" && opt.lang != "en") || opt.oxt.empty()) {
        usage(std::cerr);
        return 2;
    }
    try {
        msoko::office::readable_head(opt.workbook);  // a wrong path is told before the office starts
        if (opt.command == "convert")
            return convert(opt);
        if (opt.command == "check")
            return check(opt);
        return opt.command == "indicators" ? indicators(opt) : report(opt);
    } catch (const msoko::office::OfficeError& e) {
        std::cerr << "msoko-calc: " << msoko::office::without_source_locations(e.what()) << "\n";
    } catch (const css::container::NoSuchElementException& e) {
        std::cerr << "msoko-calc: "
                  << office_failure("в книге нет ожидаемого листа, ячейки или имени / a sheet or name is missing",
                                    e.Message)
                  << "\n";
    } catch (const css::lang::IndexOutOfBoundsException& e) {
        std::cerr << "msoko-calc: "
                  << office_failure("обращение за пределы листа или книги / out of the sheet's bounds", e.Message)
                  << "\n";
    } catch (const css::lang::IllegalArgumentException& e) {
        std::cerr << "msoko-calc: "
                  << office_failure("LibreOffice отклонил запрос (недопустимое значение) / invalid argument", e.Message)
                  << "\n";
    } catch (const css::io::IOException& e) {
        std::cerr << "msoko-calc: "
                  << office_failure("ошибка чтения или записи файла / input or output error", e.Message) << "\n";
    } catch (const css::lang::DisposedException& e) {
        std::cerr
            << "msoko-calc: "
            << office_failure(
                   "LibreOffice неожиданно завершился (сбой или нехватка памяти) / LibreOffice ended unexpectedly",
                   e.Message)
            << "\n";
    } catch (const css::uno::RuntimeException& e) {
        std::cerr << "msoko-calc: " << office_failure("внутренняя ошибка LibreOffice / LibreOffice error", e.Message)
                  << "\n";
    } catch (const css::uno::Exception& e) {
        std::cerr << "msoko-calc: " << office_failure("ошибка LibreOffice / LibreOffice error", e.Message) << "\n";
    } catch (const std::exception& e) {
        std::cerr << "msoko-calc: " << msoko::office::without_source_locations(e.what()) << "\n";
    }
    return 1;
}
