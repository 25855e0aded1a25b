// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "msoko/cell.hpp"

#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>

namespace msoko::uno {

/// One value as Calc or an API caller passes it: any numeric type is a
/// number; an empty string is an empty cell; other strings are text; void
/// (how Calc passes a #N/A cell) and any other type are an error value.
Cell to_cell(const css::uno::Any& value);

/// A `sequence<sequence<any>>` argument (a range, or one value as 1 × 1).
/// @throws css::lang::IllegalArgumentException when the rows differ in length
///         (only an API caller can send that).
Range to_range(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& rows, sal_Int16 argument_position);

}  // namespace msoko::uno
