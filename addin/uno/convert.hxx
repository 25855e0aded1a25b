// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "msoko/cell.hpp"

#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>

namespace msoko::uno {

/// Calc's error codes as XCell::getError and an array element carry them.
inline constexpr sal_Int32 kNotAvailableError = 32767;   ///< #N/A
inline constexpr sal_Int32 kIllegalArgumentError = 502;  ///< Err:502, what our functions raise

/// One value as Calc or an API caller passes it: any numeric type is a
/// number; an empty string is an empty cell; other strings are text; void
/// (how Calc passes a #N/A cell) and any other type are an error value.
Cell to_cell(const css::uno::Any& value);

/// A `sequence<sequence<any>>` argument (a range, or one value as 1 × 1).
/// @throws css::lang::IllegalArgumentException when the rows differ in length
///         (only an API caller can send that).
Range to_range(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& rows, sal_Int16 argument_position);

/// A table argument (MSOKO.INDICATOR, MSOKO.INDICATORS) without its trailing
/// empty rows, which are never converted: a whole-column reference (`A:C`)
/// costs the rows that hold something, not a million empty ones.
Range to_table_range(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& rows, sal_Int16 argument_position);

/// A cell range argument read cell by cell, so that an empty cell stays
/// empty (Calc passes a single empty cell to `any` arguments as 0). A #N/A
/// cell reads as empty (nothing to compare), other error values as errors.
/// @throws css::lang::IllegalArgumentException when `range` is null (a
///         literal instead of a cell) or larger than `max_cells`.
Range to_range(const css::uno::Reference<css::table::XCellRange>& range, sal_Int16 argument_position,
               std::size_t max_cells);

/// The double Calc shows as the error `code` when it is an element of an
/// array result (Calc's own encoding: a quiet NaN carrying the code).
double error_element(sal_uInt32 code);

}  // namespace msoko::uno
