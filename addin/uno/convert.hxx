// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "msoko/cell.hpp"

#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

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

/// A `string` argument meant as one value. Calc passes the text of the value:
/// "" for an empty cell (or a formula giving ""), a number — literal, cell
/// or result — in the standard format of the office's locale with 15
/// significant digits ("57.5" or "57,5", "-7331", "1.23456789012346E+017"),
/// a text as it is. So: "" → empty; a number in that form (either decimal
/// separator, no grouping) → the nearest double; anything else → text. A
/// number stored as text reads as the number, as in Calc's own arithmetic.
Cell to_scalar(const rtl::OUString& typed);

/// An `any` argument meant as one value: a number, a text (empty: an empty
/// cell), or a range or inline array of one cell (Calc passes those as 1 × 1).
/// Check hasValue() first: void means omitted.
/// @throws css::lang::IllegalArgumentException when it holds more than one
///         cell.
Cell to_single(const css::uno::Any& value, sal_Int16 argument_position);

/// The double Calc shows as the error `code` when it is an element of an
/// array result (Calc's own encoding: a quiet NaN carrying the code).
double error_element(sal_uInt32 code);

}  // namespace msoko::uno
