// SPDX-License-Identifier: MPL-2.0
// Fuzz target: the form-data loader, msoko::parse_form_data, on any text.
// A data file loads or throws CatalogueError naming the file (nothing else);
// what loads becomes the engine's workbook and a filled form.
#include "msoko/form_data.hpp"
#include "msoko/form.hpp"

#include "fuzz_support.hpp"

#include <algorithm>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace msoko;
    const std::string text(reinterpret_cast<const char*>(data), size);
    FormData d;
    try {
        d = parse_form_data(text, "fuzz.json");
    } catch (const CatalogueError& e) {
        FUZZ_CHECK(e.file() == "fuzz.json");
        return 0;
    }
    for (const char* plural : {"schools", "kindergartens"})  // the file format's first members
        FUZZ_CHECK(d.register_rows(plural) <= kMaxRegisterRows);
    for (const auto& [plural, rows] : d.rows)
        FUZZ_CHECK(rows <= kMaxRegisterRows);
    for (const RegisterEntry& r : d.organisations)
        FUZZ_CHECK(!r.type.empty());  // which types a catalogue has, the writer checks

    // The engine's view: every organisation of the register (the first of a
    // repeated code) and the municipality, each value as typed.
    const Workbook w = form_workbook(fuzz::mini_catalogue(), d);
    for (const RegisterEntry& r : d.organisations)
        FUZZ_CHECK(w.organisation(r.code));
    FUZZ_CHECK(w.organisation(kMunicipalityCode));
    for (const auto& [code, values] : d.values) {
        if (!w.organisation(code))
            continue;
        for (const auto& [field, value] : values) {
            const Cell& read = w.value(code, field);
            const bool formula = value.kind() == Cell::Kind::Text && !value.text().empty() && value.text()[0] == '=';
            FUZZ_CHECK(formula ? read.kind() == Cell::Kind::Error : fuzz::same(read, value));
        }
    }

    // The filled form, with the unit tests' small catalogue and few empty
    // register slots so that one input takes milliseconds, not a second.
    const Catalogue& c = fuzz::mini_catalogue();
    for (auto& [plural, rows] : d.rows)
        rows = std::min<std::size_t>(rows, 3);
    for (const OrganisationType* t : c.register_types())
        d.rows[t->plural] = std::min<std::size_t>(d.register_rows(t->plural), 3);
    const bool known = std::all_of(d.organisations.begin(), d.organisations.end(), [&](const RegisterEntry& r) {
        const OrganisationType* t = c.organisation_type(r.type);
        return t && !t->municipal;
    });
    try {
        const std::string fods = form_fods(c, d, "fuzz");
        FUZZ_CHECK(known && fods.find("</office:document>") != std::string::npos);
    } catch (const std::runtime_error&) {
        FUZZ_CHECK(!known);  // an organisation of a type the catalogue's register lacks is refused
    }
    return 0;
}
