// SPDX-License-Identifier: MPL-2.0
#pragma once

// The kinds of finding as the check's code names them: an index into
// finding_kinds(), which lists them in this order.

#include "msoko/finding_kinds.hpp"

#include <cstdint>

namespace msoko::check {

enum class K : std::uint8_t {
    // identity
    NotAForm,
    OtherCatalogue,
    OtherVersion,
    Period,
    // structure
    SheetExtra,
    SheetOrder,
    RegisterMissing,
    DirectionMissing,
    IndicatorsMissing,
    SheetName,
    Column,
    ColumnExtra,
    ColumnOrder,
    // register
    DuplicateCode,
    DuplicateName,
    NameMissing,
    RegisterCount,
    UnknownCode,
    RegisterEmpty,
    RowWithoutCode,
    RowsWithoutCode,
    // cells
    CodeError,
    FormulaError,
    FormulaOverwritten,
    LinkedOverwritten,
    ErrorValue,
    TypeCount,
    TypeNumber,
    TypeYesNo,
    Required,
    Link,
    // rules
    PartWhole,
    SumEquals,
    SameValue,
    EvidenceMissing,
    EvidenceDate,
    // «Показатели»
    IndicatorOverwritten,
    LastYear,
    // plausibility
    Dynamics,
    ZeroBase,
    SmallBase,
    Outlier,
    // report
    More,
    Unmarked,
    UnmarkedStyles,
    Count_
};

const FindingKind& kind(K k);

}  // namespace msoko::check
