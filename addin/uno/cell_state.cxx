// SPDX-License-Identifier: MPL-2.0
#include "cell_state.hxx"

#include "utf8.hxx"

#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/text/XText.hpp>

namespace msoko::uno {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

CellState state_of(const Reference<css::table::XCell>& cell) {
    CellState s;
    switch (cell->getType()) {
        case css::table::CellContentType_VALUE:
            s.kind = CellState::Kind::Number;
            s.number = cell->getValue();
            break;
        case css::table::CellContentType_TEXT:
            s.kind = CellState::Kind::Text;
            s.text = Reference<css::text::XText>(cell, UNO_QUERY_THROW)->getString();
            break;
        case css::table::CellContentType_FORMULA:
            s.kind = CellState::Kind::Formula;
            s.text = cell->getFormula();
            break;
        default:
            break;
    }
    return s;
}

CellState state_to_write(const msoko::Cell& value) {
    CellState s;
    if (value.kind() == msoko::Cell::Kind::Number) {
        s.kind = CellState::Kind::Number;
        s.number = value.number();
    } else {
        s.kind = CellState::Kind::Text;
        s.text = from_utf8(value.text());
    }
    return s;
}

void put(const Reference<css::table::XCell>& cell, const CellState& s) {
    switch (s.kind) {
        case CellState::Kind::Number:
            cell->setValue(s.number);
            break;
        case CellState::Kind::Text:
            Reference<css::text::XText>(cell, UNO_QUERY_THROW)->setString(s.text);
            break;
        case CellState::Kind::Formula:
            cell->setFormula(s.text);
            break;
        case CellState::Kind::Empty:
            Reference<css::sheet::XSheetOperation>(cell, UNO_QUERY_THROW)
                ->clearContents(css::sheet::CellFlags::VALUE | css::sheet::CellFlags::STRING |
                                css::sheet::CellFlags::FORMULA | css::sheet::CellFlags::DATETIME);
            break;
    }
}

}  // namespace msoko::uno
