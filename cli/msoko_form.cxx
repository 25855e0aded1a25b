// SPDX-License-Identifier: MPL-2.0
// msoko-form: writes the data-collection form from the catalogue, without an
// office — blank, or filled from a data file (samples/data/*.json).
//
//   msoko-form blank [--schools N] [--kindergartens N] [--catalogue FILE] OUT.fods
//   msoko-form fill DATA.json [--catalogue FILE] OUT.fods
//
// Exit codes: 0 written; 1 a file could not be read or written; 2 usage.
#include "msoko/catalogue.hpp"
#include "msoko/form.hpp"
#include "msoko/form_data.hpp"
#include "msoko/version.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#ifndef MSOKO_DEFAULT_CATALOGUE
#define MSOKO_DEFAULT_CATALOGUE ""
#endif

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string command, data, out, catalogue = MSOKO_DEFAULT_CATALOGUE;
    long schools = 30, kindergartens = 30;
    auto usage = [] {
        std::cerr << "Использование / usage:\n"
                     "  msoko-form blank [--schools N] [--kindergartens N] [--catalogue FILE] OUT.fods\n"
                     "  msoko-form fill DATA.json [--catalogue FILE] OUT.fods\n";
        return 2;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if ((a == "--schools" || a == "--kindergartens" || a == "--catalogue") && i + 1 < args.size()) {
            const std::string v = args[++i];
            if (a == "--catalogue")
                catalogue = v;
            else
                (a == "--schools" ? schools : kindergartens) = std::strtol(v.c_str(), nullptr, 10);
        } else if (command.empty()) {
            command = a;
        } else if (command == "fill" && data.empty()) {
            data = a;
        } else if (out.empty()) {
            out = a;
        } else {
            return usage();
        }
    }
    if ((command != "blank" && command != "fill") || out.empty() || (command == "fill" && data.empty()) ||
        schools < 0 || schools > 2000 || kindergartens < 0 || kindergartens > 2000)
        return usage();
    try {
        const msoko::Catalogue c = msoko::read_catalogue(catalogue);
        msoko::FormData d;
        if (command == "fill") {
            d = msoko::read_form_data(data);
        } else {
            d.schools = static_cast<std::size_t>(schools);
            d.kindergartens = static_cast<std::size_t>(kindergartens);
        }
        const std::string text = msoko::form_fods(c, d, std::string("МСОКО для Calc ") + msoko::extension_version());
        std::ofstream o(out, std::ios::binary);
        o << text;
        o.close();
        if (!o) {
            std::cerr << "msoko-form: не удалось записать / cannot write " << out << "\n";
            return 1;
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "msoko-form: " << e.what() << "\n";
        return 1;
    }
}
