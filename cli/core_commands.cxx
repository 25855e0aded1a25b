// SPDX-License-Identifier: MPL-2.0
// The subcommands that need no office: the form from the catalogue, and the
// catalogue checked or rendered for people.
#include "commands.hxx"
#include "msoko/catalogue.hpp"
#include "msoko/catalogue_doc.hpp"
#include "msoko/form.hpp"
#include "msoko/form_data.hpp"
#include "msoko/text.hpp"
#include "msoko/version.hpp"

#include <boost/json.hpp>
#include <ctime>
#include <optional>

#include <fstream>
#include <iostream>

namespace msoko::cli {

namespace {

// Writes `text` to `out`; false (and a message) when it could not.
bool write_file(const fs::path& out, const std::string& text) {
    std::ofstream o(out, std::ios::binary);
    o << text;
    o.close();
    if (!o) {
        std::cerr << "msoko: не удалось записать / cannot write " << out.string() << "\n";
        return false;
    }
    return true;
}

}  // namespace

namespace {

// The organisation type of the register a --rows names: its short title
// (УДО), plural (supplementary_orgs) or id, in any case.
const OrganisationType* register_type(const Catalogue& c, const std::string& name) {
    const std::string wanted = fold(name);
    for (const OrganisationType* t : c.register_types())
        if (wanted == fold(t->short_title) || wanted == fold(t->plural) || wanted == fold(t->id))
            return t;
    return nullptr;
}

// A blank form's register: each TYPE=N of --rows sizes a type's rows as a
// data file's `"supplementary_orgs": N` does (the others keep the default).
FormData blank_data(const Catalogue& c, const std::vector<std::string>& rows) {
    boost::json::object sizes{{"format", "msoko-form-data/1"}};
    for (const auto& spec : rows) {
        const auto eq = spec.find('=');
        if (eq == std::string::npos)
            throw UsageError("--rows ТИП=N, например --rows УДО=10 / --rows TYPE=N, e.g. --rows УДО=10: " + spec);
        const std::string name = trim(spec.substr(0, eq)), number = trim(spec.substr(eq + 1));
        const OrganisationType* type = register_type(c, name);
        if (!type) {
            std::string known;
            for (const OrganisationType* t : c.register_types())
                known += (known.empty() ? "" : ", ") + t->short_title + " (" + t->plural + ")";
            throw UsageError("--rows: в каталоге нет типа организаций «" + name + "» / no such organisation type; " +
                             "есть / known: " + known);
        }
        const bool digits =
            !number.empty() && number.size() <= 4 && number.find_first_not_of("0123456789") == std::string::npos;
        if (!digits || std::stoul(number) > kMaxRegisterRows)
            throw UsageError("--rows " + spec + ": число строк от 0 до " + std::to_string(kMaxRegisterRows) +
                             " / rows from 0 to " + std::to_string(kMaxRegisterRows));
        sizes[type->plural] = std::stoul(number);
    }
    return parse_form_data(boost::json::serialize(sizes), "--rows");
}

}  // namespace

int form(const Common& common, const std::vector<std::string>& args, const std::vector<std::string>& rows) {
    const std::string command = args.empty() ? "" : args[0];
    if (command == "blank" ? args.size() != 2 : command == "fill" ? args.size() != 3 : true)
        throw UsageError("form blank [--rows ТИП=N …] OUT.fods | form fill DATA.json OUT.fods | form new … OUT.fods");
    const Catalogue c = read_catalogue(common.catalogue.string());
    if (command == "fill" && !rows.empty())
        throw UsageError("--rows: только для form blank (в form fill строки задаёт файл данных) / only for form blank");
    const FormData d = command == "fill" ? read_form_data(args[1]) : blank_data(c, rows);
    const std::string text = form_fods(c, d, std::string("МСОКО для Calc ") + extension_version());
    return write_file(args.back(), text) ? kDone : kFailed;
}

int new_form(const Common& common, const NewFormOptions& options, const std::vector<std::string>& args,
             const std::vector<std::string>& rows) {
    if (args.size() != 2)
        throw UsageError(
            "form new --municipality М --region Р [--period П] [--rows ТИП=N …] [--from ПРОШЛЫЙ.ods] "
            "OUT.fods");
    const Catalogue c = read_catalogue(common.catalogue.string());
    NewFormRequest request{options.municipality, options.region, options.period, {}};
    if (request.period.empty()) {
        const std::time_t now = std::time(nullptr);
        const std::tm* local = std::localtime(&now);
        request.period = likely_period(local->tm_year + 1900, local->tm_mon + 1);
    }
    const FormData sizes = blank_data(c, rows);
    for (const auto& [plural, n] : sizes.rows)
        for (const OrganisationType* t : c.register_types())
            if (t->plural == plural)
                request.organisations[t->id] = n;
    if (const std::string problem =
            [&] {
                if (request.municipality.empty())
                    return std::string(
                        "--municipality: укажите муниципальное образование / the municipality is required");
                if (request.region.empty())
                    return std::string("--region: укажите субъект Российской Федерации / the region is required");
                return std::string();
            }();
        !problem.empty())
        throw UsageError(problem);
    std::optional<LastYearForm> last;
    if (!options.last_year.empty()) {
        last = last_year_form(common, c, options.last_year);
        std::cerr << "Из формы прошлого года / from last year's form: " << last->organisations.size()
                  << " организаций / organisations, " << last->values.size() << " значений / values\n";
        for (const std::string& note : last->notes)
            std::cerr << "  " << note << "\n";
    }
    const FormData d = new_form_data(c, request, last ? &*last : nullptr);
    const std::string text = form_fods(c, d, std::string("МСОКО для Calc ") + extension_version());
    return write_file(args.back(), text) ? kDone : kFailed;
}

int catalogue(const Common& common, const std::vector<std::string>& args) {
    const std::string command = args.empty() ? "" : args[0];
    if (command == "check" ? args.size() != 1 : command == "doc" ? args.size() > 2 : true)
        throw UsageError("catalogue check | catalogue doc [OUT.md]");
    const Catalogue c = read_catalogue(common.catalogue.string());
    if (command == "check") {
        std::size_t derived = 0;
        for (const auto& r : c.rules)
            derived += r.derived ? 1 : 0;
        if (common.format == Format::Json) {
            boost::json::object o{{"id", c.info.id},
                                  {"version", c.info.version},
                                  {"valid", true},
                                  {"directions", c.directions.size()},
                                  {"indicators", c.indicators.size()},
                                  {"fields", c.fields.size()},
                                  {"rules", c.rules.size()},
                                  {"derived_rules", derived}};
            std::cout << boost::json::serialize(o) << "\n";
        } else if (common.format == Format::Tsv) {
            std::cout << tsv_field(c.info.id) << "\t" << tsv_field(c.info.version) << "\t" << c.directions.size()
                      << "\t" << c.indicators.size() << "\t" << c.fields.size() << "\t" << c.rules.size() << "\t"
                      << derived << "\n";
        } else {
            std::cout << "Каталог " << c.info.id << " версии " << c.info.version
                      << " исправен / is valid: " << c.directions.size() << " направлений, " << c.indicators.size()
                      << " показателей, " << c.fields.size() << " полей, " << c.rules.size() << " правил (из них "
                      << derived << " выведены из формул).\n";
        }
        return kDone;
    }
    const std::string text = indicators_markdown(c);
    if (args.size() == 2)
        return write_file(args[1], text) ? kDone : kFailed;
    std::cout << text;
    return kDone;
}

}  // namespace msoko::cli
