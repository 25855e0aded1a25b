// SPDX-License-Identifier: MPL-2.0
// The sub-forms of the filled sample, for the test of `msoko subforms merge`
// (subforms_merge.sh): the committed flat ODF form read without an office
// (tests/unit/fods_snapshot.hpp), make_subforms, each sub-form written by
// form_fods into OUT_DIR as «<code> <name>.fods»; and the first one again,
// made a day later with its first figure one more, as «<code> исправленная.fods».
// With RETURNED, only the first RETURNED organisations' sub-forms are written
// (the others have not returned theirs; each costs the merge an office load).
// Usage: msoko-subforms-sample CATALOGUE FORM.fods OUT_DIR [RETURNED]

#include "../unit/fods_snapshot.hpp"
#include "msoko/form.hpp"
#include "msoko/subform.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace {

using namespace msoko;

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out)
        throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4 && argc != 5) {
        std::cerr << "usage: msoko-subforms-sample CATALOGUE FORM.fods OUT_DIR [RETURNED]\n";
        return 2;
    }
    try {
        const Catalogue catalogue = read_catalogue(argv[1]);
        std::ifstream in(argv[2], std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        const WorkbookSnapshot wb = test::fods_snapshot(catalogue, text.str());
        const std::filesystem::path out = std::filesystem::u8path(argv[3]);
        auto subforms = make_subforms(catalogue, wb, "01.12.2026 09:00");
        if (argc == 5)
            subforms.resize(std::min<std::size_t>(subforms.size(), std::stoul(argv[4])));
        for (const Subform& s : subforms) {
            std::string name = s.file_name;
            name.replace(name.size() - 4, 4, ".fods");
            write_file(out / std::filesystem::u8path(name), form_fods(catalogue, s.data, "msoko tests"));
        }
        // The first organisation's corrected sub-form: its first number one more.
        Subform corrected = make_subforms(catalogue, wb, "02.12.2026 09:00").front();
        auto& values = corrected.data.values[corrected.organisation.code];
        for (auto& [field, cell] : values)
            if (cell.kind() == Cell::Kind::Number) {
                std::cout << corrected.organisation.code << " " << field << " " << cell.number() << " -> "
                          << cell.number() + 1 << "\n";
                cell = Cell::number(cell.number() + 1);
                break;
            }
        write_file(out / std::filesystem::u8path(corrected.organisation.code + " исправленная.fods"),
                   form_fods(catalogue, corrected.data, "msoko tests"));
        std::cout << subforms.size() + 1 << " sub-forms written\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "msoko-subforms-sample: " << e.what() << "\n";
        return 1;
    }
}
