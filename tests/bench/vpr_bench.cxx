// SPDX-License-Identifier: MPL-2.0
// Benchmark (not a test) of the ВПР import (issue 18): one generated Ф1 file
// of a whole municipality (msoko-make-vpr's model: N pupils in one subject,
// a planted school, the deliberate mistakes), as xlsx, imported by `msoko vpr
// import` end to end (an office started, the file read, analysed, the results
// workbook written; and once without the workbook) against the bare cost of
// the same reading without us — an office started, the same xlsx loaded, its
// sheet's cells taken in one getDataArray, closed. The ratio is the figure that matters; the times are
// wall-clock on this machine (docs/performance.md, § 7).
//
//   msoko-vpr-bench [--pupils N] [--schools S] [--seed S] [--boundaries FILE] [--keep DIR]
#include "vpr_model.hpp"
#include "vpr_write.hpp"

#include "office/office.hxx"
#include "utf8.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <string>

#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

std::string quoted(const fs::path& p) {
    std::string out = "'";
    for (char c : p.string())
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// The first sheet's used area in one call, as a reader of the file would take it: rows × columns.
std::pair<std::size_t, std::size_t> data_array(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    Reference<css::sheet::XSpreadsheet> sheet(
        Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getByIndex(0), UNO_QUERY_THROW);
    auto cursor = sheet->createCursor();
    Reference<css::sheet::XUsedAreaCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
    const auto end = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
    const auto cells = Reference<css::sheet::XCellRangeData>(
                           sheet->getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow), UNO_QUERY_THROW)
                           ->getDataArray();
    return {static_cast<std::size_t>(cells.getLength()),
            cells.getLength() ? static_cast<std::size_t>(cells[0].getLength()) : 0};
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t pupils = 100000, schools = 400;
    std::uint64_t seed = 18;
    fs::path keep, boundaries = MSOKO_BENCH_BOUNDARIES;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--pupils")
            pupils = std::stoul(v);
        else if (a == "--schools")
            schools = std::stoul(v);
        else if (a == "--seed")
            seed = std::stoull(v);
        else if (a == "--keep")
            keep = v;
        else if (a == "--boundaries")
            boundaries = v;
    }
    try {
        const fs::path dir =
            keep.empty() ? fs::temp_directory_path() / ("msoko-vpr-bench-" + std::to_string(::getpid())) : keep;
        fs::remove_all(dir);
        fs::create_directories(dir);

        // The file: Russian 4 of a municipality, as ФИС ОКО gives it (xlsx).
        namespace gen = msoko::vprgen;
        const auto start_gen = Clock::now();
        gen::Options o;
        o.pupils = pupils;
        o.seed = seed;
        o.mistakes = true;
        const auto list = gen::numbered_schools(schools);
        o.planted = {list[2].login};
        const gen::SubjectDef& subject = gen::find_subject("Русский язык 4");
        const gen::VprFile file = gen::generate(
            subject, gen::read_boundaries(boundaries.string(), o.year, subject.subject, subject.grade), list, o);
        const fs::path fods = dir / (file.file_stem() + ".fods"), xlsx = dir / (file.file_stem() + ".xlsx");
        {
            std::ofstream out(fods, std::ios::binary);
            gen::write_fods(file, out);
        }
        const double generated = seconds_since(start_gen);

        msoko::office::Options options;  // no extension: the bare office
        const auto start_office = Clock::now();
        double office_start = 0, load = 0, read = 0, converted = 0;
        std::pair<std::size_t, std::size_t> size;
        {
            msoko::office::Office office(options);
            office_start = seconds_since(start_office);
            {
                const auto t = Clock::now();
                auto doc = office.open(fods, msoko::office::Office::Access::ReadOnly);
                css::uno::Sequence<css::beans::PropertyValue> args(1);
                args.getArray()[0].Name = "FilterName";
                args.getArray()[0].Value <<= rtl::OUString("Calc MS Excel 2007 XML");
                Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)
                    ->storeToURL(msoko::uno::from_utf8(msoko::office::file_url(xlsx)), args);
                msoko::office::Office::close(doc);
                converted = seconds_since(t);
            }
            // The reference: the same xlsx loaded, its cells taken, closed.
            const auto t_load = Clock::now();
            auto doc = office.open(xlsx, msoko::office::Office::Access::ReadOnly);
            load = seconds_since(t_load);
            const auto t_read = Clock::now();
            size = data_array(doc);
            read = seconds_since(t_read);
            msoko::office::Office::close(doc);
        }
        std::cout << std::fixed << std::setprecision(1) << "ВПР: " << file.pupils.size() << " учеников, "
                  << file.schools.size() << " школ, «" << subject.subject << "», " << subject.grade << " класс; xlsx "
                  << std::setprecision(1) << static_cast<double>(fs::file_size(xlsx)) / 1e6 << " МБ, " << size.first
                  << " × " << size.second << " ячеек (создание " << generated << " с, в xlsx " << converted << " с)\n";
        const double bare = office_start + load + read;
        std::cout << "  голое чтение (запуск LibreOffice " << office_start << " с, загрузка xlsx " << load
                  << " с, getDataArray " << read << " с): " << bare << " с\n";

        // Ours: the command a specialist runs.
        const fs::path out = dir / "results.ods";
        const std::string command = quoted(MSOKO_BENCH_MSOKO) + " vpr import " + quoted(xlsx) + " -o " + quoted(out) +
                                    " --format json >" + quoted(dir / "analysis.json") + " 2>" +
                                    quoted(dir / "import.err");
        const auto start_ours = Clock::now();
        const int status = std::system(command.c_str());
        const double ours = seconds_since(start_ours);
        std::ifstream err(dir / "import.err");
        const std::string err_text((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
        if (err_text.find("unknown subcommand: vpr") != std::string::npos) {
            std::cout << "  msoko vpr import: нет такой подкоманды в этой сборке — измерено только голое чтение\n";
        } else if (!fs::exists(out) || (status != 0 && WEXITSTATUS(status) != 3)) {
            std::cerr << "msoko vpr import failed (" << status << "); see " << (dir / "import.err") << "\n";
            return 1;
        } else {
            std::cout << "  msoko vpr import (запуск, чтение, анализ, книга результатов): " << ours << " с, "
                      << std::setprecision(1) << 1e6 * ours / static_cast<double>(file.pupils.size())
                      << " мкс на ученика\n";
            std::cout << std::setprecision(2) << "  отношение к голому чтению: " << ours / bare << "\n";
            // The same without the results workbook: reading and analysis alone.
            const std::string read_only = quoted(MSOKO_BENCH_MSOKO) + " vpr import " + quoted(xlsx) +
                                          " --format json >" + quoted(dir / "analysis2.json") + " 2>" +
                                          quoted(dir / "import2.err");
            const auto start_read = Clock::now();
            const int read_status = std::system(read_only.c_str());
            const double analysed = seconds_since(start_read);
            if (read_status != 0) {
                std::cerr << "msoko vpr import without -o failed (" << read_status << ")\n";
                return 1;
            }
            std::cout << std::setprecision(1) << "  msoko vpr import без книги (запуск, чтение, анализ): " << analysed
                      << " с; отношение к голому чтению: " << std::setprecision(2) << analysed / bare << "\n";
        }
        if (keep.empty())
            fs::remove_all(dir);
    } catch (const std::exception& e) {
        std::cerr << "msoko-vpr-bench: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
