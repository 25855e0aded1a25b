// SPDX-License-Identifier: MPL-2.0
// msoko vpr import|fill: ВПР results from ФИС ОКО (Ф1 «Индивидуальные
// результаты») without a display — each file read by the office's own import
// on the pool of private offices (vpr_read.hxx), analysed by the core, the
// per-school table, the objectivity flags and the ШНОР candidates printed and
// the results workbook with Calc's charts written (import); or the municipal
// form's ВПР figures filled from them into a copy (fill, vpr_form.hxx).
#include "commands.hxx"
#include "install_paths.hxx"
#include "msoko/catalogue.hpp"
#include "msoko/text.hpp"
#include "msoko/version.hpp"
#include "msoko/vpr_analysis.hpp"
#include "msoko/vpr_workbook.hpp"
#include "office/pool.hxx"
#include "progress.hxx"
#include "snapshot.hxx"
#include "vpr_book.hxx"
#include "vpr_form.hxx"
#include "vpr_read.hxx"

#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>

namespace msoko::cli {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

const char* filter_of(const fs::path& out) {
    const std::string ext = out.extension().string();
    return ext == ".ods"    ? "calc8"
           : ext == ".xlsx" ? "Calc MS Excel 2007 XML"
           : ext == ".fods" ? "OpenDocument Spreadsheet Flat XML"
                            : nullptr;
}

// login → the form's organisation code, from lines «login<TAB>code» («#» starts a comment).
std::map<std::string, std::string> read_logins(const fs::path& file) {
    std::map<std::string, std::string> out;
    if (file.empty())
        return out;
    std::ifstream in(file);
    if (!in)
        throw UsageError("--map: файл не читается / cannot read: " + file.string());
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (trim(line).empty() || trim(line)[0] == '#')
            continue;
        const auto tab = line.find('\t');
        if (tab == std::string::npos || trim(line.substr(0, tab)).empty() || trim(line.substr(tab + 1)).empty())
            throw UsageError("--map: строка " + std::to_string(n) + ": «логин<TAB>код организации» / line " +
                             std::to_string(n) + ": «login<TAB>code»");
        out[trim(line.substr(0, tab))] = trim(line.substr(tab + 1));
    }
    return out;
}

/// The files read on the pool: this year's, then last year's; a failure's reason instead of the file.
struct FilesRead {
    std::vector<std::optional<vpr::ResultsFile>> files;
    std::vector<std::string> failed;  ///< per input: why (names the file), empty when read
};

void print_import(const VprRun& run, const std::vector<vpr::ResultsFile>& files, const FilesRead& read,
                  const vpr::Analysis& analysis) {
    std::cout << "Результаты ВПР: файлов " << files.size() << ", участников " << analysis.pupils << "\n";
    for (const vpr::ResultsFile& f : files) {
        std::set<std::string> schools;
        std::size_t absent = 0;
        for (const auto& p : f.pupils) {
            schools.insert(p.school);
            absent += p.absent;
        }
        std::cout << "  " << f.file << ": " << vpr::subject_grade(f.subject, f.grade) << " — "
                  << f.pupils.size() - absent << " участников, школ " << schools.size() << ", замечаний "
                  << f.findings.size() << "\n";
    }
    std::size_t failed = 0;
    for (const std::string& why : read.failed)
        failed += !why.empty();
    if (failed) {
        std::cout << "\nНе прочитаны (" << failed << "):\n";
        for (const std::string& why : read.failed)
            if (!why.empty())
                std::cout << "  " << why << "\n";
    }
    std::cout << "\nПо школам:\n";
    print_table(vpr::school_table(analysis), std::cout);
    std::cout << "\nОбъективность — требует дополнительного анализа (" << analysis.flags.size() << "):\n";
    if (analysis.flags.empty())
        std::cout << "  нет\n";
    for (const auto& f : analysis.flags)
        std::cout << "  " << f.school_name << " (" << f.school << "), " << vpr::subject_grade(f.subject, f.grade)
                  << ": " << f.title << " — " << f.figures << "\n";
    std::cout << "\nКандидаты в ШНОР (" << analysis.shnor.size() << "):\n";
    if (analysis.shnor.empty())
        std::cout << "  нет\n";
    for (const auto& s : analysis.shnor)
        std::cout << "  " << s.school_name << " (" << s.school << "), работ " << s.works << ": " << join(s.met, "; ")
                  << "\n";
    if (!run.output.empty())
        std::cout << "\nКнига результатов записана / written: " << run.output.string() << "\n";
}

int import(const Common& common, const VprRun& run, const vpr::BoundaryTable& boundaries, const VprSettings& settings) {
    std::vector<fs::path> inputs = run.files;
    inputs.insert(inputs.end(), run.previous.begin(), run.previous.end());
    const std::size_t n = inputs.size(), current = run.files.size();
    FilesRead read;
    read.files.resize(n);
    read.failed.resize(n);
    std::optional<vpr::Analysis> analysis;
    std::vector<vpr::ResultsFile> files, previous;
    // Where the time goes (standard error): reading the files, the analysis, the workbook's parts.
    using Clock = std::chrono::steady_clock;
    const auto seconds = [](Clock::time_point from) {
        return std::chrono::duration<double>(Clock::now() - from).count();
    };
    double read_s = 0, analyse_s = 0, odf_s = 0, open_s = 0, store_s = 0;
    const auto started = Clock::now();
    const auto analyse = [&] {
        read_s = seconds(started);
        const auto t = Clock::now();
        for (std::size_t i = 0; i < n; ++i)
            if (read.files[i])
                (i < current ? files : previous).push_back(std::move(*read.files[i]));
        if (!files.empty())
            analysis.emplace(vpr::analyse(files, previous, settings));
        analyse_s = seconds(t);
    };
    std::size_t histograms = 0;
    bool stored = false;
    const auto write_book = [&](office::Office& office) {
        auto t = Clock::now();
        const vpr::ResultsWorkbook book =
            vpr::results_workbook(*analysis, files, std::string("МСОКО для Calc ") + extension_version());
        histograms = book.histograms.size();
        odf_s = seconds(t);
        t = Clock::now();
        Reference<css::frame::XComponentLoader> loader(office.desktop(), UNO_QUERY_THROW);
        auto doc = uno::open_vpr_workbook(loader, book, /*hidden=*/true);
        open_s = seconds(t);
        t = Clock::now();
        try {
            store(doc, run.output, filter_of(run.output));
            store_s = seconds(t);
        } catch (...) {
            office::Office::close(doc);
            throw;
        }
        office::Office::close(doc);
        stored = true;
    };
    office::PoolOptions pool;
    pool.office = office_options(common);
    pool.jobs = run.jobs;
    const bool last = !run.output.empty();
    std::cerr << "Запуск LibreOffice (" << office::pool_size(run.jobs, n) << ") / starting the offices…\n";
    Progress progress(n);
    std::mutex mutex;
    std::condition_variable all_read;
    std::size_t done = 0;
    // The last task (with -o) waits for every file, then makes the workbook on its office: no other office.
    const auto outcomes = office::run_in_offices(
        pool, last ? n + 1 : n,
        [&](std::size_t i, office::Office& office) {
            if (i == n) {
                std::unique_lock lock(mutex);
                all_read.wait(lock, [&] { return done == n; });
                lock.unlock();
                analyse();
                if (analysis)
                    write_book(office);
                return;
            }
            Reference<css::frame::XComponentLoader> loader(office.desktop(), UNO_QUERY_THROW);
            const std::string shown = inputs[i].filename().u8string();
            try {
                read.files[i] = uno::read_results_file(loader, fs::absolute(inputs[i]), shown, boundaries);
            } catch (const uno::UserError& e) {
                read.failed[i] = e.what();
            }
        },
        [&](std::size_t i, const office::TaskOutcome& outcome, std::size_t) {
            if (i == n)
                return;
            if (!outcome.ok)
                read.failed[i] =
                    "«" + inputs[i].filename().u8string() + "»: " + office::without_source_locations(outcome.error);
            progress.step(inputs[i].filename().u8string(), read.failed[i].empty());
            const std::lock_guard lock(mutex);
            ++done;
            all_read.notify_all();
        });
    progress.finish();
    if (!analysis && files.empty())
        analyse();
    if (!analysis) {
        std::string why;
        for (std::size_t i = 0; i < current; ++i)
            why += "\n  " + read.failed[i];
        throw office::OfficeError("ни один файл результатов ВПР не прочитан / no results file was read:" + why);
    }
    if (last && !stored) {  // the last task's office was lost: a fresh one writes the workbook
        if (!outcomes[n].ok)
            std::cerr << "msoko: " << office::without_source_locations(outcomes[n].error) << "\n";
        office::Office office(office_options(common));
        write_book(office);
    }
    if (common.format == Format::Json)
        std::cout << vpr::analysis_json(*analysis) << "\n";
    else
        print_import(run, files, read, *analysis);
    const auto shown = [](double v) {
        std::string t = format_number(std::round(v * 10) / 10);
        std::replace(t.begin(), t.end(), '.', ',');
        return t + " с";
    };
    std::cerr << "Время / time: запуск LibreOffice и чтение файлов " << shown(read_s) << ", анализ "
              << shown(analyse_s);
    if (stored)
        std::cerr << ", книга результатов: ODF " << shown(odf_s) << ", открытие и " << histograms << " диаграмм "
                  << shown(open_s) << ", запись " << shown(store_s);
    std::cerr << "\n";
    for (const std::string& why : read.failed)
        if (!why.empty())
            return kFailed;
    return kDone;
}

int fill(const Common& common, const VprRun& run, const Catalogue& catalogue, const vpr::BoundaryTable& boundaries,
         const VprSettings& settings) {
    uno::VprFillRequest request;
    request.files.reserve(run.files.size());
    for (const fs::path& f : run.files)
        request.files.push_back(fs::absolute(f));
    request.logins = read_logins(run.map);
    const bool take = run.take;
    request.decide = [take](const vpr::FillPlan& plan) -> std::optional<std::vector<bool>> {
        return std::vector<bool>(plan.conflicts.size(), take);
    };
    starting(common);
    office::Office office(office_options(common));
    auto doc = office.open(run.form, office::Office::Access::Copy);
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
    uno::VprFillRun filled;
    try {
        Reference<css::frame::XComponentLoader> loader(office.desktop(), UNO_QUERY_THROW);
        filled = uno::fill_from_vpr(loader, doc, catalogue, settings, boundaries, request, {});
        store(doc, run.output, filter_of(run.output));
    } catch (const uno::UserError& e) {
        office::Office::close(doc);
        throw office::OfficeError(e.what());
    } catch (...) {
        office::Office::close(doc);
        throw;
    }
    office::Office::close(doc);
    std::cout << filled.message << "\n";
    if (!filled.plan.conflicts.empty()) {
        std::cout << "\nРасхождения (" << filled.plan.conflicts.size() << "), "
                  << (take ? "взяты значения результатов" : "оставлены значения формы") << ":\n";
        for (const MergeCell& c : filled.plan.conflicts)
            std::cout << "  " << uno::vpr_conflict_line(catalogue, filled.plan, c) << "\n";
    }
    return filled.failed.empty() ? kDone : kFailed;
}

}  // namespace

fs::path vpr_boundaries_file(const fs::path& catalogue) {
    const fs::path beside = catalogue.parent_path() / "vpr-boundaries.json";
    std::error_code ec;
    return fs::is_regular_file(beside, ec) ? beside : default_vpr_boundaries_file();
}

int vpr(const Common& common, const VprRun& run) {
    const Catalogue catalogue = read_catalogue(common.catalogue.string());
    const fs::path boundaries_path = run.boundaries.empty() ? vpr_boundaries_file(common.catalogue) : run.boundaries;
    vpr::BoundaryTable boundaries;
    try {
        boundaries = vpr::read_boundaries(boundaries_path.string());
    } catch (const std::runtime_error& e) {
        throw office::OfficeError(std::string("границы отметок ВПР не прочитаны / the mark boundaries: ") + e.what());
    }
    for (const fs::path& f : run.files)
        office::readable_head(f);  // a wrong path is told before the office starts
    for (const fs::path& f : run.previous)
        office::readable_head(f);
    const VprSettings& settings = catalogue.vpr;
    if (run.verb == "fill") {
        office::readable_head(run.form);
        return fill(common, run, catalogue, boundaries, settings);
    }
    return import(common, run, boundaries, settings);
}

}  // namespace msoko::cli
