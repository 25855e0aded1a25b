// SPDX-License-Identifier: MPL-2.0
// Benchmark (not a test) of the regional center's side: N generated municipal
// forms (tests/generator: varied sizes, a tenth with deliberate mistakes)
// checked and consolidated by `msoko region consolidate --jobs J`, against
// the bare cost of the same work without us — starting J offices and loading
// the same N files in them (opened and closed, nothing read). The ratio is
// the figure that matters; the times are wall-clock on this machine.
//
//   msoko-region-bench [--forms N] [--jobs J] [--seed S] [--keep DIR]
#include "generator.hpp"
#include "msoko/catalogue.hpp"
#include "msoko/form.hpp"
#include "office/office.hxx"
#include "office/pool.hxx"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

std::string quoted(const fs::path& p) {
    std::string out = "'";
    for (char c : p.string())
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t forms = 40, jobs = 2;
    std::uint64_t seed = 1;
    fs::path keep;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--forms")
            forms = std::stoul(v);
        else if (a == "--jobs")
            jobs = std::stoul(v);
        else if (a == "--seed")
            seed = std::stoull(v);
        else if (a == "--keep")
            keep = v;
    }
    try {
        const msoko::Catalogue catalogue = msoko::read_catalogue(MSOKO_BENCH_CATALOGUE);
        const fs::path dir = keep.empty() ? fs::temp_directory_path() / ("msoko-region-bench-" + std::to_string(::getpid()))
                                          : keep;
        fs::remove_all(dir);
        fs::create_directories(dir / "forms");
        msoko::gen::GeneratorOptions options;
        options.count = forms;
        options.seed = seed;
        options.mistakes = forms / 10;
        const auto start_gen = Clock::now();
        std::vector<fs::path> files;
        for (const auto& f : msoko::gen::generate(catalogue, options)) {
            files.push_back(dir / "forms" / (f.file_name + ".fods"));
            std::ofstream(files.back(), std::ios::binary) << msoko::form_fods(catalogue, f.data, "msoko-region-bench");
        }
        std::cout << "Региональный свод: " << forms << " сгенерированных форм (" << std::fixed << std::setprecision(1)
                  << seconds_since(start_gen) << " с на их создание), " << jobs << " LibreOffice\n";

        // The bare cost: the same offices started, the same files loaded and closed.
        msoko::office::PoolOptions pool;
        pool.office.extension = MSOKO_BENCH_OXT;
        pool.office.ui_locale = "ru-RU";
        pool.jobs = jobs;
        const auto start_bare = Clock::now();
        double load_seconds = 0;
        const auto outcomes = msoko::office::run_in_offices(
            pool, files.size(), [&](std::size_t i, msoko::office::Office& office) {
                auto doc = office.open(files[i], msoko::office::Office::Access::Copy);
                msoko::office::Office::close(doc);
            },
            [&](std::size_t, const msoko::office::TaskOutcome& o, std::size_t) { load_seconds += o.seconds; });
        const double bare = seconds_since(start_bare);
        for (const auto& o : outcomes)
            if (!o.ok)
                std::cerr << "bare load failed: " << o.error << "\n";

        // Ours: the command a regional analyst runs.
        const fs::path out = dir / "region.ods";
        const std::string command = quoted(MSOKO_BENCH_MSOKO) + " region consolidate --jobs " + std::to_string(jobs) +
                                    " --format json -o " + quoted(out) + " " + quoted(dir / "forms") + " >" +
                                    quoted(dir / "region.json") + " 2>" + quoted(dir / "region.err");
        const auto start_ours = Clock::now();
        const int status = std::system(command.c_str());
        const double ours = seconds_since(start_ours);
        if (status != 0 || !fs::exists(out)) {
            std::cerr << "msoko region consolidate failed (" << status << "); see " << (dir / "region.err") << "\n";
            return 1;
        }
        std::cout << "  голая загрузка (запуск " << jobs << " LibreOffice, открыть и закрыть каждый файл): " << bare
                  << " с (из них загрузка файлов " << std::setprecision(2) << load_seconds / static_cast<double>(jobs)
                  << " с на процесс, " << load_seconds / static_cast<double>(forms) << " с на файл)\n";
        std::cout << std::setprecision(1) << "  msoko region consolidate (проверка, свод, книга с диаграммами): " << ours
                  << " с, " << std::setprecision(2) << ours / static_cast<double>(forms) << " с на форму\n";
        std::cout << "  отношение к голой загрузке: " << ours / bare << " (цель ≤ 1,3)\n";
        if (keep.empty())
            fs::remove_all(dir);
    } catch (const std::exception& e) {
        std::cerr << "msoko-region-bench: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
