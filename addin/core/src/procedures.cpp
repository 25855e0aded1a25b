// SPDX-License-Identifier: MPL-2.0
// Reading «Процедуры оценки» by the form's contract (ProceduresColumns).
#include "msoko/procedures.hpp"

#include "check/calendar.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/text.hpp"

#include <cmath>

namespace msoko {

namespace {

// A cell as a trimmed text; an error value as empty.
std::string text_at(const SheetSnapshot& s, std::size_t r, int c) {
    const Cell& v = s.value(r, static_cast<std::size_t>(c));
    return v.kind() == Cell::Kind::Error ? std::string() : trim(cell_text(v));
}

// «ДД.ММ.ГГГГ» → "ГГГГ-ММ-ДД".
std::string iso_of(double serial) {
    const std::string t = check::date_text(serial);
    if (t.size() != 10 || t[2] != '.' || t[5] != '.')
        return t;
    return t.substr(6, 4) + "-" + t.substr(3, 2) + "-" + t.substr(0, 2);
}

}  // namespace

std::vector<Procedure> read_procedures(const Catalogue& catalogue, const WorkbookSnapshot& workbook) {
    using C = ProceduresColumns;
    std::vector<Procedure> out;
    const SheetSnapshot* s = workbook.sheet(kProceduresSheet);
    if (!s)
        return out;
    for (std::size_t r = C::kFirstRow; r < s->rows; ++r) {
        std::string texts[C::kCount];
        bool any = false;
        for (int c = C::kName; c < C::kCount; ++c) {
            texts[c] = text_at(*s, r, c);
            any = any || !texts[c].empty();
        }
        if (!any)
            continue;
        Procedure p;
        p.row = static_cast<int>(r);
        p.name = texts[C::kName];
        p.object = texts[C::kObject];
        if (const Direction* d = procedure_object_direction(catalogue, p.object))
            p.direction = d->id;
        p.level = texts[C::kLevel];
        p.method = texts[C::kMethod];
        p.frequency = texts[C::kFrequency];
        p.participants = texts[C::kParticipants];
        p.conducted_by = texts[C::kConductedBy];
        p.document = texts[C::kDocument];
        p.use = texts[C::kUse];
        const Cell& date = s->value(r, C::kDate);
        const std::optional<double> serial = date.kind() == Cell::Kind::Text
                                                 ? check::date_serial(Cell::text(texts[C::kDate]))
                                                 : check::date_serial(date);
        p.document_date = serial && *serial >= 1 && *serial <= 2958465 && std::floor(*serial) == *serial
                              ? iso_of(*serial)
                              : texts[C::kDate];
        out.push_back(std::move(p));
    }
    return out;
}

ProcedureEntry procedure_entry(const Procedure& p) {
    return {p.name,          p.direction.empty() ? p.object : p.direction,
            p.level,         p.method,
            p.frequency,     p.participants,
            p.conducted_by,  p.document,
            p.document_date, p.use};
}

}  // namespace msoko
