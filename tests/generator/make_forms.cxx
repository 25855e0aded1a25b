// SPDX-License-Identifier: MPL-2.0
// msoko-make-forms: fictional municipal forms from the catalogue, for the
// tests, the benchmark and samples/region (tests/generator/generator.hpp).
//
//   msoko-make-forms --count 40 --seed 1 [--mistakes 4] [--ods] [--jobs N] OUT_DIR
//
// writes OUT_DIR/<municipality>.fods (the form), OUT_DIR/<municipality>.json
// (its data, msoko-form-data/1), with --ods also OUT_DIR/<municipality>.ods
// (recalculated and stored by real offices with the extension, as `msoko
// convert` does; --no-fods: the .fods removed then), and OUT_DIR/forms.tsv: one line per form — file,
// municipality, organisations of each type, the deliberate mistakes.

#include "generator.hpp"

#include "form_view.hxx"
#include "office/pool.hxx"
#include "utf8.hxx"

#include "msoko/form.hpp"
#include "msoko/version.hpp"

#include <boost/program_options.hpp>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;
using namespace msoko;

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    if (!out)
        throw std::runtime_error("не удалось записать / cannot write " + path.string());
}

/// Each .fods as a recalculated .ods, `jobs` offices at a time.
int convert_all(const std::vector<fs::path>& forms, const Catalogue& catalogue, const fs::path& catalogue_file,
                std::size_t jobs) {
    office::PoolOptions options;
    options.office.extension = MSOKO_DEFAULT_OXT;
    options.office.ui_locale = "ru-RU";
    options.office.environment.emplace_back("MSOKO_CATALOGUE", fs::absolute(catalogue_file).string());
    options.jobs = jobs;
    const auto outcomes = office::run_in_offices(options, forms.size(), [&](std::size_t i, office::Office& office) {
        auto doc = office.open(forms[i], office::Office::Access::ReadOnly, /*with_view=*/true);
        try {
            css::uno::Reference<css::sheet::XCalculatable>(doc, css::uno::UNO_QUERY_THROW)->calculateAll();
            uno::freeze_panes(doc, catalogue);
            css::uno::Sequence<css::beans::PropertyValue> args(1);
            args.getArray()[0].Name = "FilterName";
            args.getArray()[0].Value <<= rtl::OUString("calc8");
            fs::path out = forms[i];
            out.replace_extension(".ods");
            css::uno::Reference<css::frame::XStorable>(doc, css::uno::UNO_QUERY_THROW)
                ->storeToURL(uno::from_utf8(office::file_url(out)), args);
        } catch (...) {
            office::Office::close(doc);
            throw;
        }
        office::Office::close(doc);
    });
    int failed = 0;
    for (std::size_t i = 0; i < outcomes.size(); ++i)
        if (!outcomes[i].ok) {
            std::cerr << "msoko-make-forms: " << forms[i].filename().string() << ": " << outcomes[i].error << "\n";
            ++failed;
        }
    return failed;
}

}  // namespace

int main(int argc, char** argv) {
    office::clean_up_on_signals("msoko-make-forms");
    gen::GeneratorOptions o;
    std::string catalogue_file = MSOKO_DEFAULT_CATALOGUE, reference_file = MSOKO_DEFAULT_REFERENCE, out_dir;
    std::size_t jobs = 0;
    po::options_description opts("msoko-make-forms [options] OUT_DIR");
    opts.add_options()("help,h", "эта справка / this help")("count", po::value(&o.count)->default_value(o.count),
                                                            "сколько форм / how many forms")(
        "seed", po::value(&o.seed)->default_value(o.seed), "зерно случайных чисел / random seed")(
        "mistakes", po::value(&o.mistakes)->default_value(0), "сколько форм с ошибками / forms with mistakes")(
        "min-schools", po::value(&o.min_schools)->default_value(o.min_schools), "")(
        "max-schools", po::value(&o.max_schools)->default_value(o.max_schools), "")(
        "min-kindergartens", po::value(&o.min_kindergartens)->default_value(o.min_kindergartens), "")(
        "max-kindergartens", po::value(&o.max_kindergartens)->default_value(o.max_kindergartens), "")(
        "first", po::value(&o.first_name)->default_value(0),
        "номер первого муниципалитета / first municipality's number")(
        "period", po::value(&o.period)->default_value(o.period), "отчётный период / reporting period")(
        "region", po::value(&o.region)->default_value(o.region), "субъект / region")(
        "catalogue", po::value(&catalogue_file)->default_value(catalogue_file), "каталог / catalogue")(
        "reference", po::value(&reference_file)->default_value(reference_file),
        "форма, пропорциям которой следуют числа (\"\": без неё) / the form whose proportions the figures follow")(
        "ods", "также .ods через LibreOffice / also .ods through LibreOffice")(
        "no-fods", "с --ods: без .fods / with --ods: the .fods removed after the conversion")(
        "jobs", po::value(&jobs)->default_value(0), "офисов для --ods / offices for --ods (0: cores)")(
        "out", po::value(&out_dir), "папка / output directory");
    po::positional_options_description pos;
    pos.add("out", 1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(opts).positional(pos).run(), vm);
        po::notify(vm);
    } catch (const std::exception& e) {
        std::cerr << "msoko-make-forms: " << e.what() << "\n" << opts;
        return 2;
    }
    if (vm.count("help") || out_dir.empty()) {
        std::cout << opts;
        return vm.count("help") ? 0 : 2;
    }
    try {
        const auto start = std::chrono::steady_clock::now();
        const Catalogue catalogue = read_catalogue(catalogue_file);
        std::optional<FormData> reference;
        if (!reference_file.empty())
            reference = read_form_data(reference_file);
        o.reference = reference ? &*reference : nullptr;
        const auto forms = gen::generate(catalogue, o);
        fs::create_directories(out_dir);
        std::string index = "file\tmunicipality";
        for (const OrganisationType* t : catalogue.register_types())
            index += "\t" + t->plural;
        index += "\tmistakes\n";
        std::vector<fs::path> written;
        for (const auto& g : forms) {
            const fs::path base = fs::path(out_dir) / g.file_name;
            write_file(base.string() + ".fods",
                       form_fods(catalogue, g.data, std::string("МСОКО для Calc ") + extension_version()));
            write_file(base.string() + ".json", form_data_json(g.data, catalogue.info.id));
            written.push_back(base.string() + ".fods");
            index += g.file_name + "\t" + g.data.passport.at("municipality");
            for (const OrganisationType* t : catalogue.register_types())
                index += "\t" + std::to_string(g.data.register_rows(t->plural));
            std::string mistakes;
            for (const auto& m : g.mistakes)
                mistakes += (mistakes.empty() ? "" : "; ") + m.what;
            index += "\t" + mistakes + "\n";
        }
        write_file(fs::path(out_dir) / "forms.tsv", index);
        int failed = 0;
        if (vm.count("ods")) {
            failed = convert_all(written, catalogue, catalogue_file, jobs);
            if (vm.count("no-fods"))
                for (const auto& f : written)
                    fs::remove(f);
        }
        std::cerr << "Форм: " << forms.size() << " в " << out_dir << " за "
                  << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " с\n";
        return failed ? 1 : 0;
    } catch (const std::exception& e) {
        std::cerr << "msoko-make-forms: " << e.what() << "\n";
        return 1;
    }
}
