// SPDX-License-Identifier: MPL-2.0
#include "convert.hxx"

#include "guard.hxx"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/TypeClass.hpp>

namespace msoko::uno {

using css::uno::TypeClass;

Cell to_cell(const css::uno::Any& value) {
    switch (value.getValueTypeClass()) {
        case TypeClass::TypeClass_BYTE:
        case TypeClass::TypeClass_SHORT:
        case TypeClass::TypeClass_UNSIGNED_SHORT:
        case TypeClass::TypeClass_LONG:
        case TypeClass::TypeClass_UNSIGNED_LONG:
        case TypeClass::TypeClass_FLOAT:
        case TypeClass::TypeClass_DOUBLE: {
            double d = 0.0;
            value >>= d;  // every type above widens to double without loss
            return Cell::number(d);
        }
        case TypeClass::TypeClass_HYPER:
            return Cell::number(static_cast<double>(*static_cast<const sal_Int64*>(value.getValue())));
        case TypeClass::TypeClass_UNSIGNED_HYPER:
            return Cell::number(static_cast<double>(*static_cast<const sal_uInt64*>(value.getValue())));
        case TypeClass::TypeClass_STRING: {
            const OUString s = *static_cast<const OUString*>(value.getValue());
            return s.isEmpty() ? Cell::empty() : Cell::text(to_utf8(s));
        }
        default:
            return Cell::error();
    }
}

Range to_range(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& rows, sal_Int16 argument_position) {
    const std::size_t n_rows = static_cast<std::size_t>(rows.getLength());
    const std::size_t n_cols = n_rows ? static_cast<std::size_t>(rows[0].getLength()) : 0;
    std::vector<Cell> cells;
    cells.reserve(n_rows * n_cols);
    for (const auto& row : rows) {
        if (static_cast<std::size_t>(row.getLength()) != n_cols)
            throw css::lang::IllegalArgumentException("rows of a range argument differ in length",
                                                      css::uno::Reference<css::uno::XInterface>(), argument_position);
        for (const auto& v : row)
            cells.push_back(to_cell(v));
    }
    return Range(n_rows, n_cols, std::move(cells));
}

}  // namespace msoko::uno
