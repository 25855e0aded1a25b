// SPDX-License-Identifier: MPL-2.0
// msoko-make-vpr: fictional ВПР results in ФИС ОКО's layout «Ф1
// Индивидуальные результаты» (issue 18), for the tests, samples/vpr and the
// benchmark (tests/generator/vpr_model.hpp). No office: the files are flat
// ODF; tests/generator/to_xlsx.sh makes them xlsx as ФИС ОКО gives them.
//
//   msoko-make-vpr [--schools FORM-DATA.json | --school-count N] [--subject "Русский язык 4"]…
//                  [--pupils N] [--seed S] [--year Y] [--no-mark-column] [--mistakes] [--planted LOGIN]…
//                  --out DIR
//
// writes, per subject and grade, DIR/vpr-<year>-<subject><grade>.fods (the
// Ф1 file), .pupils.tsv (its pupils, for the tests' own arithmetic) and
// .meta.json (its tasks, schools and their roles, the planted mistakes).

#include "vpr_model.hpp"
#include "vpr_write.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>

namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;
using namespace msoko::vprgen;

void write_file(const fs::path& path, const std::function<void(std::ostream&)>& write) {
    std::ofstream out(path, std::ios::binary);
    write(out);
    out.close();
    if (!out)
        throw std::runtime_error("не удалось записать / cannot write " + path.string());
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    std::string schools_file, boundaries_file = MSOKO_DEFAULT_BOUNDARIES, out_dir;
    std::size_t school_count = 0;
    std::vector<std::string> subjects;
    po::options_description opts("msoko-make-vpr [options] --out DIR");
    opts.add_options()("help,h", "эта справка / this help")(
        "schools", po::value(&schools_file),
        "школы из файла данных формы / the schools of a form data file (samples/data/sample-district.json)")(
        "school-count", po::value(&school_count), "или столько школ «СОШ № k» / or this many numbered schools")(
        "subject", po::value(&subjects)->composing(),
        "предмет и класс, «Русский язык 4» (можно несколько) / subject and grade (repeatable); default: «Русский "
        "язык 4», «Математика 5», «Окружающий мир 4»")("pupils", po::value(&o.pupils)->default_value(o.pupils),
                                                       "учеников в файле / pupils per file")(
        "seed", po::value(&o.seed)->default_value(o.seed), "зерно случайных чисел / random seed")(
        "year", po::value(&o.year)->default_value(o.year), "год ВПР / the year of the works")(
        "municipality", po::value(&o.municipality), "муниципалитет / municipality (default: the form data's)")(
        "date", po::value(&o.date), "«Дата:» (15.04.<год>) / the date line")(
        "no-mark-column", "без столбца «Отметка» (старая выгрузка) / an older export without «Отметка»")(
        "mistakes", "ошибки в одной школе / deliberate mistakes in one school")(
        "planted", po::value(&o.planted)->composing(),
        "логин школы с признаками необъективности (можно несколько) / a school with the objectivity markers")(
        "boundaries", po::value(&boundaries_file)->default_value(boundaries_file),
        "границы отметок / mark boundaries (msoko-vpr-boundaries/1)")("out", po::value(&out_dir),
                                                                      "папка / output "
                                                                      "directory");
    po::variables_map vm;
    try {
        po::store(po::parse_command_line(argc, argv, opts), vm);
        po::notify(vm);
    } catch (const std::exception& e) {
        std::cerr << "msoko-make-vpr: " << e.what() << "\n" << opts;
        return 2;
    }
    if (vm.count("help") || out_dir.empty() || (schools_file.empty() == (school_count == 0))) {
        (vm.count("help") ? std::cout : std::cerr) << opts
                                                   << "\nнужны --out и одно из --schools, --school-count / "
                                                      "--out and one of --schools, --school-count\n";
        return vm.count("help") ? 0 : 2;
    }
    o.mark_column = vm.count("no-mark-column") == 0;
    o.mistakes = vm.count("mistakes") > 0;
    try {
        const auto start = std::chrono::steady_clock::now();
        std::string municipality = o.municipality;
        const std::vector<SchoolDef> schools =
            schools_file.empty() ? numbered_schools(school_count) : schools_of_form_data(schools_file, municipality);
        if (!vm.count("municipality"))
            o.municipality = municipality;
        for (const std::string& login : o.planted)
            if (std::none_of(schools.begin(), schools.end(), [&](const SchoolDef& s) { return s.login == login; }))
                throw std::runtime_error("--planted " + login + ": нет такой школы / no such school (" +
                                         schools.front().login + " …)");
        if (subjects.empty())
            subjects = {"Русский язык 4", "Математика 5", "Окружающий мир 4"};
        fs::create_directories(out_dir);
        std::size_t pupils = 0;
        for (const std::string& spec : subjects) {
            const SubjectDef& s = find_subject(spec);
            const VprFile f = generate(s, read_boundaries(boundaries_file, o.year, s.subject, s.grade), schools, o);
            const fs::path base = fs::path(out_dir) / f.file_stem();
            write_file(base.string() + ".fods", [&](std::ostream& out) { write_fods(f, out); });
            write_file(base.string() + ".pupils.tsv", [&](std::ostream& out) { write_pupils_tsv(f, out); });
            write_file(base.string() + ".meta.json", [&](std::ostream& out) { out << meta_json(f); });
            pupils += f.pupils.size();
            std::cout << base.string() << ".fods\n";
        }
        std::cerr << "Файлов: " << subjects.size() << ", учеников: " << pupils << ", за "
                  << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " с\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "msoko-make-vpr: " << e.what() << "\n";
        return 1;
    }
}
