// SPDX-License-Identifier: MPL-2.0
// msoko-catalogue: checks an indicator catalogue and renders it for people.
//
//   msoko-catalogue check CATALOGUE.json      load and check; print a summary
//   msoko-catalogue doc CATALOGUE.json [OUT]  write the Markdown description
//
// Exit codes: 0 done; 1 the catalogue is invalid or a file cannot be written; 2 usage.
#include "msoko/catalogue.hpp"
#include "msoko/catalogue_doc.hpp"

#include <fstream>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    if (argc < 3 || argc > 4 || (std::string(argv[1]) != "check" && std::string(argv[1]) != "doc") ||
        (std::string(argv[1]) == "check" && argc != 3)) {
        std::cerr << "Использование / usage:\n"
                     "  msoko-catalogue check CATALOGUE.json\n"
                     "  msoko-catalogue doc CATALOGUE.json [OUT.md]\n";
        return 2;
    }
    const std::string command = argv[1];
    try {
        const msoko::Catalogue c = msoko::read_catalogue(argv[2]);
        if (command == "check") {
            std::size_t derived = 0;
            for (const auto& r : c.rules)
                derived += r.derived ? 1 : 0;
            std::cout << "Каталог " << c.info.id << " версии " << c.info.version
                      << " исправен / is valid: " << c.directions.size() << " направлений, " << c.indicators.size()
                      << " показателей, " << c.fields.size() << " полей, " << c.rules.size() << " правил (из них "
                      << derived << " выведены из формул).\n";
            return 0;
        }
        const std::string text = msoko::indicators_markdown(c);
        if (argc == 4) {
            std::ofstream out(argv[3], std::ios::binary);
            out << text;
            if (!out) {
                std::cerr << "msoko-catalogue: не удалось записать / cannot write " << argv[3] << "\n";
                return 1;
            }
        } else {
            std::cout << text;
        }
        return 0;
    } catch (const msoko::CatalogueError& e) {
        std::cerr << "msoko-catalogue: каталог с ошибкой / invalid catalogue: " << e.what() << "\n";
        return 1;
    }
}
