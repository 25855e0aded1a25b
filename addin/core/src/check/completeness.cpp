// SPDX-License-Identifier: MPL-2.0
// How much of each direction sheet is filled: the required fields of the
// organisations the form should hold (the passport's numbers, or the
// register's), and of the municipal row. An organisation whose row is
// missing counts with its cells unfilled, so an unfilled direction is 0 %.
#include "check/check.hpp"

#include <algorithm>

namespace msoko::check {

std::vector<Completeness> completeness(const CheckContext& ctx) {
    std::vector<Completeness> out;
    const std::vector<const OrganisationType*> types = ctx.catalogue.register_types();
    const OrganisationType& municipal = ctx.catalogue.municipal_type();
    std::size_t organisations = 0;  // the form should hold
    for (const std::size_t n : ctx.expected_of_type)
        organisations += n;
    for (const DirectionRead& read : ctx.read) {
        Completeness c{read.direction->id, read.sheet->name, 0, 0};
        std::size_t present = 0;  // the required cells of the rows there are
        for (std::size_t i = read.figures_begin; i < read.figures_end; ++i) {
            const auto& [field, place] = ctx.form.figure(i);
            if (!field->required)
                continue;
            ++present;
            c.filled += place.raw->is_empty() ? 0 : 1;
        }
        // The required cells of a row of each type, times the rows expected.
        const DirectionSheet& ds = *read.layout;
        const auto required_cells = [&](const std::string& type, bool is_municipal) {
            std::size_t n = 0;
            for (std::size_t k = 0; k < ds.columns.size(); ++k)
                n += ds.columns[k].kind == FormColumn::Kind::Input && ds.columns[k].field->required &&
                     ds.role(k, type, is_municipal) == CellRole::Typed;
            return n;
        };
        // A sub-form: its organisation's cells only (the municipal row is the municipality's).
        std::size_t expected = ctx.subform ? 0 : required_cells(municipal.id, true);
        bool of_organisations = false;
        for (std::size_t t = 0; t < types.size(); ++t) {
            const std::size_t cells = required_cells(types[t]->id, false);
            of_organisations = of_organisations || cells > 0;
            if (t < ctx.expected_of_type.size())
                expected += ctx.expected_of_type[t] * cells;
        }
        c.required = std::max(present, expected);
        c.nobody = organisations == 0 && of_organisations;
        out.push_back(c);
    }
    return out;
}

}  // namespace msoko::check
