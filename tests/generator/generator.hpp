// SPDX-License-Identifier: MPL-2.0
#pragma once

// Fictional municipal forms made from the catalogue (issue 17): for the tests,
// the benchmark and the bundled region sample. Every form is a different
// fictional municipality with its own schools and kindergartens; every field
// of the catalogue that concerns an organisation is filled with a plausible
// figure that keeps every rule of the catalogue (parts within wholes, parts
// adding up to totals, breakdowns adding up, one figure equal on two sheets,
// evidence for every «да», the municipal figures covering the register), so
// that a form without deliberate mistakes has no error in the check. Nothing
// here names a real field: the catalogue says what there is to fill.

#include "msoko/catalogue.hpp"
#include "msoko/form_data.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace msoko::gen {

struct GeneratorOptions {
    std::size_t count = 1;   ///< how many forms
    std::uint64_t seed = 1;  ///< the same seed, the same forms
    std::size_t min_schools = 3, max_schools = 40;
    std::size_t min_kindergartens = 2, max_kindergartens = 30;
    /// Another type of the register (a catalogue with more types): this many of each.
    std::size_t min_others = 1, max_others = 5;
    /// How many of the forms get a few deliberate mistakes (a part bigger than
    /// its whole, text in a number cell, an empty required cell).
    std::size_t mistakes = 0;
    std::string period = "2024/2025 учебный год";
    std::string region = "Энская область";
    /// The first municipality's number among all the generator can name: two
    /// runs with different offsets name different municipalities.
    std::size_t first_name = 0;
    /// A filled form whose proportions the figures follow (a typical school's
    /// figures, the share of a part within its whole), e.g. the bundled
    /// sample's data samples/data/sample-district.json; null: the figures
    /// are drawn from the fields' ranges alone. Either way the catalogue says
    /// what there is to fill and which rules hold.
    const FormData* reference = nullptr;
};

/// One deliberate mistake, as a person would list it.
struct Mistake {
    std::string kind;  ///< `part_whole`, `text_in_number`, `empty_required`
    std::string organisation, field;
    std::string what;  ///< Russian, e.g. «2 в поле g9_honours больше целого g9_graduates»
};

struct GeneratedForm {
    FormData data;
    std::string file_name;  ///< the municipality's name as a file name without extension
    std::vector<Mistake> mistakes;
};

/// The forms, each of a different municipality; the ones with mistakes are
/// spread evenly over the list. Deterministic for a seed.
/// @throws std::invalid_argument when the options contradict themselves (a minimum above its maximum…).
std::vector<GeneratedForm> generate(const Catalogue& catalogue, const GeneratorOptions& options);

/// The data of generate()'s forms.
std::vector<FormData> generate_forms(const Catalogue& catalogue, const GeneratorOptions& options);

/// How many distinct municipalities the generator can name.
std::size_t municipality_names();

}  // namespace msoko::gen
