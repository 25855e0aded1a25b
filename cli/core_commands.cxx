// SPDX-License-Identifier: MPL-2.0
// The subcommands that need no office: the form from the catalogue, and the
// catalogue checked or rendered for people.
#include "commands.hxx"
#include "msoko/catalogue.hpp"
#include "msoko/catalogue_doc.hpp"
#include "msoko/form.hpp"
#include "msoko/form_data.hpp"
#include "msoko/version.hpp"

#include <boost/json.hpp>

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

int form(const Common& common, const std::vector<std::string>& args, long schools, long kindergartens) {
    const std::string command = args.empty() ? "" : args[0];
    if (command == "blank" ? args.size() != 2 : command == "fill" ? args.size() != 3 : true)
        throw UsageError("form blank OUT.fods | form fill DATA.json OUT.fods");
    if (schools < 0 || schools > 2000 || kindergartens < 0 || kindergartens > 2000)
        throw UsageError("--schools, --kindergartens: от 0 до 2000 / from 0 to 2000");
    const Catalogue c = read_catalogue(common.catalogue.string());
    FormData d;
    if (command == "fill") {
        d = read_form_data(args[1]);
    } else {
        d.schools = static_cast<std::size_t>(schools);
        d.kindergartens = static_cast<std::size_t>(kindergartens);
    }
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
