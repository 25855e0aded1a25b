// SPDX-License-Identifier: MPL-2.0
// msoko region check|consolidate: the regional center's side (docs/region.md)
// — every municipal form read and checked in private offices (a package's
// indicators.json read as it is), the forms made one region by the core,
// then a line per form and the findings of all (check), or the region
// workbook with Calc's charts (consolidate).
#include "msoko/region.hpp"
#include "commands.hxx"
#include "msoko/catalogue.hpp"
#include "msoko/region_files.hpp"
#include "msoko/region_workbook.hpp"
#include "msoko/report_model.hpp"
#include "msoko/text.hpp"
#include "msoko/version.hpp"
#include "office/pool.hxx"
#include "progress.hxx"
#include "region_book.hxx"
#include "snapshot.hxx"

#include <com/sun/star/frame/XComponentLoader.hpp>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <optional>

namespace msoko::cli {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

std::string shown_number(std::optional<double> v, int decimals) {
    if (!v)
        return "—";
    const double scale = decimals ? 10.0 : 1.0;
    std::string s = format_number(std::round(*v * scale) / scale);
    if (decimals && s.find('.') == std::string::npos)
        s += ".0";
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

/// The workbooks read in the offices, each as the region receives it.
struct WorkbooksRead {
    std::vector<std::optional<RegionForm>> forms;  ///< per input; none when it failed
    std::vector<RegionFailure> failures;
};

/// The workbooks read on the pool of offices. `last` (may be empty): run on one of the same offices
/// once every workbook is read, with what was read (the region workbook made there, without starting
/// another office); its outcome is returned in `last_outcome`.
WorkbooksRead read_workbooks(const Common& common, const Catalogue& catalogue, const std::vector<RegionInput>& inputs,
                             const RegionRun& run,
                             const std::function<void(office::Office&, const WorkbooksRead&)>& last,
                             std::optional<office::TaskOutcome>& last_outcome) {
    WorkbooksRead out;
    out.forms.resize(inputs.size());
    const std::size_t n = inputs.size();
    if (n == 0)
        return out;
    office::PoolOptions pool;
    pool.office = office_options(common);
    pool.jobs = run.jobs;
    pool.time_limit = run.timeout;
    std::cerr << "Запуск LibreOffice (" << office::pool_size(run.jobs, n) << ") / starting the offices…\n";
    Progress progress(n);
    std::vector<std::string> refused(n), failed(n);  // a workbook that is no form, or that failed: why
    std::mutex mutex;
    std::condition_variable all_read;
    std::size_t read = 0;
    const auto gather = [&] {
        out.failures.clear();
        for (std::size_t i = 0; i < n; ++i)
            if (!failed[i].empty())
                out.failures.push_back({inputs[i].shown, failed[i]});
    };
    const auto outcomes = office::run_in_offices(
        pool, last ? n + 1 : n,
        [&](std::size_t i, office::Office& office) {
            if (i == n) {  // the last task: every workbook was taken before it; wait for the others to end
                std::unique_lock lock(mutex);
                all_read.wait(lock, [&] { return read == n; });
                gather();
                lock.unlock();
                last(office, out);
                return;
            }
            const RegionInput& in = inputs[i];
            office::readable_head(in.path);
            auto doc = office.open(in.path, office::Office::Access::Copy);
            try {
                out.forms[i] = uno::read_region_form(doc, catalogue, run.settings, in.shown, modified_at(in.path));
            } catch (const uno::UserError& e) {
                refused[i] = e.what();
            } catch (...) {
                office::Office::close(doc);
                throw;
            }
            office::Office::close(doc);
        },
        [&](std::size_t i, const office::TaskOutcome& outcome, std::size_t) {
            if (i == n)
                return;
            progress.step(inputs[i].shown, outcome.ok && refused[i].empty());
            const std::lock_guard lock(mutex);
            failed[i] = !outcome.ok ? office::without_source_locations(outcome.error) : refused[i];
            ++read;
            all_read.notify_all();
        });
    progress.finish();
    gather();
    if (last)
        last_outcome = outcomes[n];
    return out;
}

void write_text(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
    if (!out)
        throw office::OfficeError("не удалось записать «" + file.string() + "» / cannot write the file");
}

/// The region's values of the headline indicators, for a terminal.
void print_values(const Catalogue& catalogue, const Region& region) {
    std::vector<std::vector<std::string>> rows{{"Код", "Регион", "Ед.", "МО", "Показатель"}};
    for (std::size_t i = 0; i < catalogue.indicators.size(); ++i) {
        const Indicator& ind = catalogue.indicators[i];
        if (ind.is_variant() || !ind.duplicate_of.empty())
            continue;
        const RegionValue& v = region.values[i];
        rows.push_back({ind.id, shown_number(v.value, v.method == "ratio" ? indicator_decimals(ind) : 0), v.unit,
                        std::to_string(v.municipalities), ind.title});
    }
    print_table(rows, std::cout, 70);
}

void print_ranking(const Region& region, std::size_t top) {
    std::vector<std::vector<std::string>> rows{{"Место", "Итог", "Зона", "Муниципалитет"}};
    for (std::size_t k = 0; k < region.by_place.size() && k < top; ++k) {
        const std::size_t m = region.by_place[k];
        const MunicipalTotal& t = region.totals[m];
        rows.push_back({t.place ? std::to_string(t.place) : "—", shown_number(t.total, 1), zone_title(t.zone),
                        region.municipalities[m].name});
    }
    print_table(rows, std::cout);
}

}  // namespace

int region(const Common& common, const RegionRun& run) {
    const Catalogue catalogue = read_catalogue(common.catalogue.string());
    RegionOptions options;
    if (!run.expected.empty())
        options.expected = read_expected_list(run.expected);
    options.take_newer = run.newer;
    options.period = run.period;
    options.small_base = run.settings.small_base;

    RegionInputs found = find_region_inputs(run.inputs);
    std::vector<RegionInput> workbooks;
    std::vector<std::optional<RegionForm>> packages;
    for (const auto& in : found.inputs) {
        if (in.source == RegionForm::Source::Workbook) {
            workbooks.push_back(in);
            continue;
        }
        try {
            packages.push_back(read_region_package(in));
        } catch (const std::runtime_error& e) {
            found.failures.push_back({in.shown, e.what()});
        }
    }
    // The region, made once every workbook is read — for consolidate on the pool's last task, whose
    // office then makes the region workbook (no other office started), or after the run.
    std::optional<Region> made;
    const auto make_region = [&](const WorkbooksRead& read) {
        std::vector<RegionForm> forms;
        std::vector<RegionFailure> failures = found.failures;
        for (const auto& f : read.forms)  // in the order given: the folders' forms, then their packages
            if (f)
                forms.push_back(*f);
        for (const auto& p : packages)
            if (p)
                forms.push_back(*p);
        failures.insert(failures.end(), read.failures.begin(), read.failures.end());
        made.emplace(consolidate(catalogue, std::move(forms), failures, options));
    };
    std::optional<RegionWorkbook> book;
    bool stored = false;
    const auto write_book = [&](office::Office& office) {
        book.emplace(region_workbook(catalogue, *made, std::string("МСОКО для Calc ") + extension_version()));
        Reference<css::frame::XComponentLoader> loader(office.desktop(), UNO_QUERY_THROW);
        auto doc = uno::open_region_workbook(loader, *book, /*hidden=*/true);
        try {
            const std::string ext = run.output.extension().string();
            store(doc, run.output, ext == ".xlsx" ? "Calc MS Excel 2007 XML" : "calc8");
        } catch (...) {
            office::Office::close(doc);
            throw;
        }
        office::Office::close(doc);
        stored = true;
    };
    std::optional<office::TaskOutcome> last;
    std::function<void(office::Office&, const WorkbooksRead&)> on_pool;
    if (run.verb == "consolidate")
        on_pool = [&](office::Office& office, const WorkbooksRead& read) {
            make_region(read);
            write_book(office);
        };
    const WorkbooksRead read = read_workbooks(common, catalogue, workbooks, run, on_pool, last);
    if (!made)
        make_region(read);
    const Region& region = *made;

    if (!run.findings.empty()) {
        const std::string ext = run.findings.extension().string();
        write_text(run.findings, ext == ".json" ? region_findings_json(region) : region_findings_tsv(region));
    }
    if (run.verb == "check") {
        switch (common.format) {
            case Format::Text:
                std::cout << "Проверка форм муниципалитетов — " << region.title << ", " << region.period << " (каталог "
                          << region.catalogue << ")\n\n";
                print_table(region_check_table(region), std::cout, 90);
                std::cout << "\n" << region_summary(region) << "\n";
                if (!run.findings.empty())
                    std::cout << "Замечания всех форм: " << run.findings.string() << "\n";
                break;
            case Format::Tsv:
                std::cout << region_findings_tsv(region);
                break;
            case Format::Json:
                std::cout << region_findings_json(region);
                break;
        }
        return region_ready(region) ? kDone : kNotReady;
    }

    // consolidate: the workbook, unless the pool's last task wrote it (no workbook to read, or its
    // office lost on that task: a fresh office does it)
    if (!stored) {
        if (last && !last->ok)
            std::cerr << "msoko: " << office::without_source_locations(last->error) << "\n";
        office::Office office(office_options(common));
        write_book(office);
    }
    if (common.format == Format::Json) {
        std::cout << region_json(region);
        return kDone;
    }
    if (common.format == Format::Tsv) {
        std::cout << region_findings_tsv(region);
        return kDone;
    }
    std::cout << "Свод по муниципалитетам — " << region.title << ", " << region.period << " (каталог "
              << region.catalogue << ")\n\n";
    print_table(region_check_table(region), std::cout, 60);
    std::cout << "\n" << region_summary(region) << "\n\nПоказатели региона (Σ числителей / Σ знаменателей):\n";
    print_values(catalogue, region);
    std::cout << "\nРейтинг (мотивирующий мониторинг), первые места:\n";
    print_ranking(region, 10);
    std::cout << "\nСвод записан / written: " << run.output.string() << " (" << book->charts.size() << " диаграмм)\n";
    return kDone;
}

}  // namespace msoko::cli
