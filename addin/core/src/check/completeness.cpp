// SPDX-License-Identifier: MPL-2.0
// How much of each direction sheet is filled: its organisations' required
// fields, as read.
#include "check/check.hpp"

namespace msoko::check {

std::vector<Completeness> completeness(const CheckContext& ctx) {
    std::vector<Completeness> out;
    for (const DirectionRead& read : ctx.read) {
        Completeness c{read.direction->id, read.sheet->name, 0, 0};
        for (std::size_t i = read.figures_begin; i < read.figures_end; ++i) {
            const auto& [field, place] = ctx.form.figure(i);
            if (!field->required)
                continue;
            ++c.required;
            c.filled += place.raw->is_empty() ? 0 : 1;
        }
        out.push_back(c);
    }
    return out;
}

}  // namespace msoko::check
